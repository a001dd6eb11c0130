package io.gridpulse.core.influx;

import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.GroupAggregate;
import io.gridpulse.schema.GroupLevel;
import io.gridpulse.schema.MeterAggregate;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * The InfluxDB layout of the energy aggregates. Every point is stamped with its window start, and
 * identities are tags, so rewriting an aggregate (a replay, a restart, a late update) overwrites
 * its point.
 */
public final class EnergyPoints {

    public static final String METER_MEASUREMENT = "meter_energy";
    public static final String FEEDER_MEASUREMENT = "feeder_energy";
    public static final String DISTRICT_MEASUREMENT = "district_energy";

    private EnergyPoints() {}

    /** The {@code window} tag value: "15m", "1h" or "1d". */
    public static String windowTag(AggregationWindow window) {
        return switch (window) {
            case QUARTER_HOUR -> "15m";
            case HOUR -> "1h";
            case DAY -> "1d";
        };
    }

    /**
     * Per-meter points are most of what GridPulse writes (one per meter and quarter hour), and
     * InfluxDB's ingest cost grows with every field (about 4 us of server CPU per field value on
     * the benchmark machine), so they carry only what cannot be derived: average power is energy
     * over the window's length, and sample counts are completeness times the expected count.
     */
    public static Point meter(MeterAggregate a) {
        return Point.measurement(METER_MEASUREMENT)
                .time(a.getWindowStart().toEpochMilli(), TimeUnit.MILLISECONDS)
                .tag("meter", a.getMeterId())
                .tag("feeder", a.getFeederId())
                .tag("district", a.getDistrictId())
                .tag("window", windowTag(a.getWindow()))
                .addField("energy_kwh", a.getEnergyKwh())
                .addField("max_power_w", a.getMaxPowerW())
                .addField("completeness", a.getCompleteness())
                .addField("estimated_fraction", a.getEstimatedFraction())
                .build();
    }

    public static Point group(GroupAggregate a) {
        boolean feeder = a.getLevel() == GroupLevel.FEEDER;
        Point.Builder point =
                Point.measurement(feeder ? FEEDER_MEASUREMENT : DISTRICT_MEASUREMENT)
                        .time(a.getWindowStart().toEpochMilli(), TimeUnit.MILLISECONDS)
                        .tag("district", a.getDistrictId())
                        .tag("window", windowTag(a.getWindow()));
        if (feeder) {
            point.tag("feeder", a.getGroupId());
        }
        return point.addField("energy_kwh", a.getEnergyKwh())
                .addField("demand_kw", a.getDemandKw())
                .addField("peak_demand_kw", a.getPeakDemandKw())
                .addField("meters_reporting", (long) a.getMetersReporting())
                .addField("readings", a.getReadings())
                .addField("completeness", a.getCompleteness())
                .addField("estimated_fraction", a.getEstimatedFraction())
                .build();
    }
}
