package io.gridpulse.replay.gaps;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * The InfluxDB layout of gap estimates: measurement {@code data_gap_estimate}, one point per gap
 * too long to fill, stamped like the gap's {@code data_gap} point (its first missing reading) and
 * tagged the same way. {@code estimated_kwh} is left out when the profile gave no estimate; {@code
 * note} says why.
 */
public final class GapEstimatePoints {

    public static final String MEASUREMENT = "data_gap_estimate";

    private GapEstimatePoints() {}

    public static Point of(GapEstimate estimate) {
        Point.Builder point =
                Point.measurement(MEASUREMENT)
                        .time(estimate.firstMissing, TimeUnit.MILLISECONDS)
                        .tag("meter", estimate.meterId)
                        .tag("feeder", estimate.feederId)
                        .tag("district", estimate.districtId)
                        .addField("gap_start", Instant.ofEpochMilli(estimate.gapStart).toString())
                        .addField("gap_end", Instant.ofEpochMilli(estimate.gapEnd).toString())
                        .addField("gap_hours", estimate.gapHours())
                        .addField("method", GapEstimate.METHOD)
                        .addField("min_observations", (long) estimate.minObservations)
                        .addField("note", estimate.note);
        if (estimate.estimated()) {
            point.addField("estimated_kwh", estimate.estimatedKwh);
        }
        return point.build();
    }
}
