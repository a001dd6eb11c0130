package io.gridpulse.core.influx;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/** What an operator watches on the sink: points written, batches written, and failed attempts that were retried. */
record InfluxWriteMetrics(Counter points, Counter batches, Counter retries) {

  static InfluxWriteMetrics register(MetricGroup parent) {
    MetricGroup group = parent.addGroup("influx");
    return new InfluxWriteMetrics(group.counter("pointsWritten"), group.counter("batchesWritten"),
        group.counter("writeRetries"));
  }
}
