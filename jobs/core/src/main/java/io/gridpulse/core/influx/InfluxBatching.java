package io.gridpulse.core.influx;

import java.time.Duration;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.connector.base.sink.writer.strategy.CongestionControlRateLimitingStrategy;
import org.apache.flink.connector.base.sink.writer.strategy.NoOpScalingStrategy;

/**
 * How Flink's async sink batches the InfluxDB writes: {@code influx.batch-size} points per write, a
 * part batch after {@code influx.flush-interval}, and at most {@link #MAX_IN_FLIGHT} writes
 * pending, beyond which the task waits once a full batch is buffered (back-pressure on the
 * sources).
 */
final class InfluxBatching {

    /** Writes pending at once: one being written while the next one waits its turn. */
    static final int MAX_IN_FLIGHT = 2;

    /**
     * Longer than any run: for a flush interval of 0 (only full batches and checkpoints write), and
     * as the request timeout, which must never fire: the writer retries a batch for as long as it
     * takes, and the async sink's answer to a timeout (sending the batch again) would send a second
     * copy behind newer batches, whose points it could overwrite with older versions.
     */
    static final long FOREVER_MS = Duration.ofDays(36_500).toMillis();

    private InfluxBatching() {}

    /**
     * A new configuration for each writer: its rate-limiting strategy counts that writer's
     * requests. Requests are limited by count only (no byte limits, as the line protocol has none
     * that matter), and the limits stay where they are set (no scaling down after failures, as
     * failed writes are retried inside the request).
     */
    static AsyncSinkWriterConfiguration of(InfluxSettings settings) {
        int batchSize = settings.batchSize();
        long flushInterval = settings.flushInterval().toMillis();
        return AsyncSinkWriterConfiguration.builder()
                .setMaxBatchSize(batchSize)
                .setMaxBatchSizeInBytes(Long.MAX_VALUE)
                .setMaxInFlightRequests(MAX_IN_FLIGHT)
                // One full batch waits while both requests are in flight (the async sink needs
                // room beyond a batch).
                .setMaxBufferedRequests(batchSize + 1)
                .setMaxTimeInBufferMS(flushInterval > 0 ? flushInterval : FOREVER_MS)
                .setMaxRecordSizeInBytes(Long.MAX_VALUE)
                .setRequestTimeoutMS(FOREVER_MS)
                .setFailOnTimeout(false)
                .setRateLimitingStrategy(
                        CongestionControlRateLimitingStrategy.builder()
                                .setMaxInFlightRequests(MAX_IN_FLIGHT)
                                .setInitialMaxInFlightMessages(MAX_IN_FLIGHT * batchSize)
                                .setScalingStrategy(new NoOpScalingStrategy<>())
                                .build())
                .build();
    }
}
