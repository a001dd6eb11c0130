package io.gridpulse.core.window;

import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.GroupAggregate;
import io.gridpulse.schema.GroupLevel;
import java.time.Instant;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Emits a feeder or district roll-up (again, with new totals, after each late addition). Demand is
 * the window's average power; peak demand the highest quarter-hour average, as utilities measure
 * it.
 */
public final class GroupWindowFunction
        extends ProcessWindowFunction<GroupSlots, GroupAggregate, String, TimeWindow> {

    private static final long serialVersionUID = 1L;
    private static final double QUARTER_HOURS = 0.25;

    private final GroupLevel level;
    private final AggregationWindow window;
    private final long readingIntervalMillis;

    public GroupWindowFunction(
            GroupLevel level, AggregationWindow window, java.time.Duration readingInterval) {
        this.level = level;
        this.window = window;
        this.readingIntervalMillis = readingInterval.toMillis();
    }

    @Override
    public void process(
            String groupId,
            Context context,
            Iterable<GroupSlots> elements,
            Collector<GroupAggregate> out) {
        GroupSlots slots = elements.iterator().next();
        TimeWindow timeWindow = context.window();
        double hours = (timeWindow.getEnd() - timeWindow.getStart()) / 3_600_000.0;
        double energyWh = slots.totalEnergyWh();
        double energyKwh = energyWh / 1000.0;
        // Expected: every meter seen in the window, a reading per interval of the window.
        double expected =
                (double) slots.mostMeters()
                        * Math.max(
                                1,
                                (timeWindow.getEnd() - timeWindow.getStart())
                                        / readingIntervalMillis);
        out.collect(
                GroupAggregate.newBuilder()
                        .setLevel(level)
                        .setGroupId(groupId)
                        .setDistrictId(slots.districtId)
                        .setWindow(window)
                        .setWindowStart(Instant.ofEpochMilli(timeWindow.getStart()))
                        .setWindowEnd(Instant.ofEpochMilli(timeWindow.getEnd()))
                        .setEnergyKwh(energyKwh)
                        .setDemandKw(energyKwh / hours)
                        .setPeakDemandKw(slots.peakQuarterWh() / 1000.0 / QUARTER_HOURS)
                        .setMetersReporting(slots.mostMeters())
                        .setReadings(slots.totalReadings())
                        .setCompleteness(
                                expected > 0
                                        ? Math.min(1.0, slots.totalReadings() / expected)
                                        : 0.0)
                        .setEstimatedFraction(
                                energyWh > 0
                                        ? Math.min(1.0, slots.totalEstimatedWh() / energyWh)
                                        : 0.0)
                        .build());
    }
}
