package io.gridpulse.core.influx;

import io.gridpulse.core.meter.MeterGap;
import io.gridpulse.core.quality.QualityEvent;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * The InfluxDB layout of data-quality counts: measurement {@code data_quality}, one point per
 * meter, outcome and quarter hour that had anything to report (clean quarters write nothing),
 * stamped with the quarter's start; and {@code data_gap}, one point per gap too long to fill.
 */
public final class QualityPoints {

    public static final String MEASUREMENT = "data_quality";
    public static final String GAP_MEASUREMENT = "data_gap";

    private QualityPoints() {}

    public static Point of(QualityEvent count) {
        return ofMeter(
                        MEASUREMENT,
                        count.timestamp,
                        count.meterId,
                        count.feederId,
                        count.districtId)
                .tag("outcome", count.outcome)
                .addField("readings", count.count)
                .build();
    }

    /** A gap too long to fill: stamped with its first missing reading, its last one as a field. */
    public static Point gap(MeterGap gap) {
        return ofMeter(GAP_MEASUREMENT, gap.firstMissing, gap.meterId, gap.feederId, gap.districtId)
                .addField("last_missing", Instant.ofEpochMilli(gap.lastMissing).toString())
                .addField("missing_readings", gap.missingReadings)
                .addField("unattributed_kwh", gap.unattributedWh / 1000.0)
                .build();
    }

    private static Point.Builder ofMeter(
            String measurement, long timeMillis, String meter, String feeder, String district) {
        return Point.measurement(measurement)
                .time(timeMillis, TimeUnit.MILLISECONDS)
                .tag("meter", meter)
                .tag("feeder", feeder)
                .tag("district", district);
    }
}
