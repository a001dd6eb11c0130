package io.gridpulse.core.window;

import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.MeterAggregate;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Turns one meter's window summary into its energy, average and peak power, and completeness.
 *
 * <p>Energy comes from register deltas: the latest register in this window minus the latest register of the meter's
 * previous window, kept in per-meter state (one double). That counts the interval that straddles the boundary exactly
 * once, in the window its reading closes. For a meter's first window there is no previous register, so its energy
 * starts at the window's first reading.
 */
public final class MeterEnergyWindowFunction
    extends ProcessWindowFunction<ReadingSummary, MeterAggregate, String, TimeWindow> {

  private static final long serialVersionUID = 1L;

  static final ValueStateDescriptor<Double> PREVIOUS_REGISTER =
      new ValueStateDescriptor<>("previous-window-register-wh", Types.DOUBLE);

  private final AggregationWindow window;
  private final int expectedSamples;

  public MeterEnergyWindowFunction(AggregationWindow window, Duration windowSize, Duration readingInterval) {
    this.window = window;
    this.expectedSamples = (int) Math.max(1, windowSize.toMillis() / readingInterval.toMillis());
  }

  @Override
  public void process(String meterId, Context context, Iterable<ReadingSummary> summaries,
      Collector<MeterAggregate> out) throws Exception {
    ReadingSummary summary = summaries.iterator().next();
    ValueState<Double> previousRegister = context.globalState().getState(PREVIOUS_REGISTER);
    Double previous = previousRegister.value();
    double startRegisterWh = previous != null ? previous : summary.firstRegisterWh;
    previousRegister.update(summary.lastRegisterWh);

    TimeWindow timeWindow = context.window();
    out.collect(MeterAggregate.newBuilder()
        .setMeterId(meterId)
        .setFeederId(summary.feederId)
        .setDistrictId(summary.districtId)
        .setWindow(window)
        .setWindowStart(Instant.ofEpochMilli(timeWindow.getStart()))
        .setWindowEnd(Instant.ofEpochMilli(timeWindow.getEnd()))
        .setEnergyKwh((summary.lastRegisterWh - startRegisterWh) / 1000.0)
        .setAveragePowerW(summary.powerSumW / summary.count)
        .setMaxPowerW(summary.maxPowerW)
        .setSampleCount(summary.count)
        .setExpectedSamples(expectedSamples)
        .setCompleteness(Math.min(1.0, (double) summary.count / expectedSamples))
        .build());
  }
}
