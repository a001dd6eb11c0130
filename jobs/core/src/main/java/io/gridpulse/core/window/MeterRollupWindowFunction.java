package io.gridpulse.core.window;

import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.MeterAggregate;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Emits a meter's sums as a {@link MeterAggregate}: when the window closes, and again with the new
 * totals whenever an addition arrives within the allowed lateness (the point in InfluxDB is then
 * rewritten).
 */
public final class MeterRollupWindowFunction
        extends ProcessWindowFunction<MeterRollup.Sums, MeterAggregate, String, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();

    private final AggregationWindow window;
    private final long readingIntervalMillis;

    /**
     * {@code window}: what the windows are; null for hours and local days together, told apart by
     * their length.
     */
    public MeterRollupWindowFunction(AggregationWindow window, Duration readingInterval) {
        this.window = window;
        this.readingIntervalMillis = readingInterval.toMillis();
    }

    @Override
    public void process(
            String meterId,
            Context context,
            Iterable<MeterRollup.Sums> elements,
            Collector<MeterAggregate> out) {
        MeterRollup.Sums sums = elements.iterator().next();
        // From the window itself: a local day has 23, 24 or 25 hours.
        long start = context.window().getStart();
        long end = context.window().getEnd();
        int expectedSamples = (int) Math.max(1, (end - start) / readingIntervalMillis);
        out.collect(
                MeterAggregate.newBuilder()
                        .setMeterId(meterId)
                        .setFeederId(sums.feederId)
                        .setDistrictId(sums.districtId)
                        .setWindow(
                                window != null
                                        ? window
                                        : end - start == HOUR_MILLIS
                                                ? AggregationWindow.HOUR
                                                : AggregationWindow.DAY)
                        .setWindowStart(Instant.ofEpochMilli(start))
                        .setWindowEnd(Instant.ofEpochMilli(end))
                        .setEnergyKwh(sums.energyWh / 1000.0)
                        .setAveragePowerW(sums.samples == 0 ? 0.0 : sums.powerSumW / sums.samples)
                        .setMaxPowerW(sums.samples == 0 ? 0.0 : sums.maxPowerW)
                        .setSampleCount(sums.samples)
                        .setExpectedSamples(expectedSamples)
                        .setCompleteness(Math.min(1.0, (double) sums.samples / expectedSamples))
                        .setEstimatedFraction(
                                sums.energyWh > 0
                                        ? Math.min(1.0, sums.estimatedWh / sums.energyWh)
                                        : 0.0)
                        .build());
    }
}
