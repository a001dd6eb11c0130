package io.gridpulse.core.influx;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyState;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * The InfluxDB layout of anomalies: measurement {@code anomaly}, one point per anomaly, stamped
 * with its start and identified by its tags (type, meter, feeder, district), which is what its id
 * is made of. An anomaly's RESOLVED event therefore overwrites the point its OPEN event wrote, and
 * a replay or a restart rewrites the same point.
 */
public final class AnomalyPoints {

    public static final String MEASUREMENT = "anomaly";

    private AnomalyPoints() {}

    /**
     * Feeder-level anomalies (no meter) have no {@code meter} tag, as district points have no
     * {@code feeder} tag; in InfluxQL they match {@code meter = ''}. {@code end} and {@code
     * duration_s} are written once the anomaly is resolved; the OPEN event never carries them, so
     * an anomaly's point only gains fields as it moves on.
     */
    public static Point of(Anomaly anomaly) {
        boolean resolved = anomaly.getState() == AnomalyState.RESOLVED;
        long start = anomaly.getStart().toEpochMilli();
        Point.Builder point =
                Point.measurement(MEASUREMENT)
                        .time(start, TimeUnit.MILLISECONDS)
                        .tag("type", anomaly.getType().name())
                        .tag("feeder", anomaly.getFeederId())
                        .tag("district", anomaly.getDistrictId());
        if (anomaly.getMeterId() != null) {
            point.tag("meter", anomaly.getMeterId());
        }
        point.addField("state", anomaly.getState().name())
                .addField("open", !resolved)
                .addField("severity", anomaly.getSeverity().name())
                .addField("score", anomaly.getScore())
                .addField("expected", anomaly.getExpected())
                .addField("actual", anomaly.getActual())
                .addField("unit", anomaly.getUnit())
                .addField("detected_at", anomaly.getDetectedAt().toEpochMilli())
                .addField("message", anomaly.getMessage())
                .addField("id", anomaly.getAnomalyId());
        if (resolved && anomaly.getEnd() != null) {
            long end = anomaly.getEnd().toEpochMilli();
            point.addField("end", end).addField("duration_s", (end - start) / 1000.0);
        }
        return point.build();
    }
}
