package io.gridpulse.bench;

import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.MeterAggregate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Notes the wall-clock instant (System.nanoTime, same JVM as the producer) at which each quarter-hour meter aggregate
 * leaves the pipeline. Only meaningful in an embedded MiniCluster.
 */
final class LatencySink implements Sink<MeterAggregate> {

  private static final long serialVersionUID = 1L;
  private static final ConcurrentLinkedQueue<long[]> ARRIVALS = new ConcurrentLinkedQueue<>();

  static void reset() {
    ARRIVALS.clear();
  }

  /** {windowEndMillis, arrivalNanos} pairs. */
  static List<long[]> arrivals() {
    return new ArrayList<>(ARRIVALS);
  }

  @Override
  public SinkWriter<MeterAggregate> createWriter(WriterInitContext context) {
    return new SinkWriter<>() {
      @Override
      public void write(MeterAggregate aggregate, Context ctx) {
        if (aggregate.getWindow() == AggregationWindow.QUARTER_HOUR) {
          ARRIVALS.add(new long[] {aggregate.getWindowEnd().toEpochMilli(), System.nanoTime()});
        }
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}
