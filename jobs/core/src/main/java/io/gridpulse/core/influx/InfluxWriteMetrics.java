package io.gridpulse.core.influx;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * What an operator watches on the sink: points written, batches written, failed attempts that were
 * retried, and the backlog: points the sink holds that InfluxDB has not acknowledged yet (buffered,
 * or in a write still in flight or retrying). A backlog that keeps growing while retries climb is
 * InfluxDB down or too slow, before back-pressure reaches the sources.
 */
record InfluxWriteMetrics(Counter points, Counter batches, Counter retries, AtomicLong backlog) {

    static InfluxWriteMetrics register(MetricGroup parent) {
        MetricGroup group = parent.addGroup("influx");
        AtomicLong backlog = new AtomicLong();
        // A gauge, read on the reporter's thread: hence the atomic, which the task and the write
        // thread both change.
        group.gauge("pointsBacklog", (Gauge<Long>) backlog::get);
        return new InfluxWriteMetrics(
                group.counter("pointsWritten"),
                group.counter("batchesWritten"),
                group.counter("writeRetries"),
                backlog);
    }
}
