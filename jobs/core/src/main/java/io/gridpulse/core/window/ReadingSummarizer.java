package io.gridpulse.core.window;

import io.gridpulse.schema.MeterReading;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Folds a meter's readings in one window into a {@link ReadingSummary} as they arrive. */
public final class ReadingSummarizer implements AggregateFunction<MeterReading, ReadingSummary, ReadingSummary> {

  private static final long serialVersionUID = 1L;

  @Override
  public ReadingSummary createAccumulator() {
    return new ReadingSummary();
  }

  @Override
  public ReadingSummary add(MeterReading reading, ReadingSummary summary) {
    summary.add(reading);
    return summary;
  }

  @Override
  public ReadingSummary getResult(ReadingSummary summary) {
    return summary;
  }

  @Override
  public ReadingSummary merge(ReadingSummary a, ReadingSummary b) {
    return a.merge(b);
  }
}
