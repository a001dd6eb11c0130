package io.gridpulse.core.window;

import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.MeterAggregate;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Emits a meter's rolled-up sums as a {@link MeterAggregate} for the longer window. */
public final class MeterRollupWindowFunction
    extends ProcessWindowFunction<MeterRollup.Sums, MeterAggregate, String, TimeWindow> {

  private static final long serialVersionUID = 1L;

  private final AggregationWindow window;
  private final long readingIntervalMillis;

  public MeterRollupWindowFunction(AggregationWindow window, Duration readingInterval) {
    this.window = window;
    this.readingIntervalMillis = readingInterval.toMillis();
  }

  @Override
  public void process(String meterId, Context context, Iterable<MeterRollup.Sums> elements,
      Collector<MeterAggregate> out) {
    MeterRollup.Sums sums = elements.iterator().next();
    // From the window itself: a local day has 23, 24 or 25 hours.
    int expectedSamples = (int) Math.max(1, (context.window().getEnd() - context.window().getStart()) / readingIntervalMillis);
    out.collect(MeterAggregate.newBuilder()
        .setMeterId(meterId)
        .setFeederId(sums.feederId)
        .setDistrictId(sums.districtId)
        .setWindow(window)
        .setWindowStart(Instant.ofEpochMilli(context.window().getStart()))
        .setWindowEnd(Instant.ofEpochMilli(context.window().getEnd()))
        .setEnergyKwh(sums.energyKwh)
        .setAveragePowerW(sums.samples == 0 ? 0.0 : sums.powerSampleSumW / sums.samples)
        .setMaxPowerW(sums.maxPowerW)
        .setSampleCount(sums.samples)
        .setExpectedSamples(expectedSamples)
        .setCompleteness(Math.min(1.0, (double) sums.samples / expectedSamples))
        .setEstimatedFraction(sums.energyKwh > 0 ? sums.estimatedKwh / sums.energyKwh : 0.0)
        .build());
  }
}
