package io.gridpulse.core.influx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.DequeRequestBuffer;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.SimpleBatchCreator;

/**
 * Flink's async sink writer buffers the lines and forms the batches ({@link InfluxBatching}); this
 * writer hands each batch to an {@link InfluxBatchWriter} on one background thread, so the task
 * keeps processing while InfluxDB works.
 *
 * <p>One thread, not one per request: batches reach InfluxDB in the order they were formed, and a
 * batch being retried holds back the ones behind it, so a point rewritten in a later batch (an
 * anomaly resolved) is never overwritten by its earlier version.
 */
final class InfluxSinkWriter<T> extends AsyncSinkWriter<T, String> {

    private final InfluxWriteMetrics metrics;
    private final InfluxBatchWriter influx;
    private final ExecutorService io;

    InfluxSinkWriter(
            ElementConverter<T, String> lines,
            WriterInitContext context,
            InfluxSettings settings,
            InfluxWriteMetrics metrics,
            Collection<BufferedRequestState<String>> restored) {
        super(
                lines,
                context,
                InfluxBatching.of(settings),
                restored,
                // What Flink's deprecated shorter constructor picks: a plain queue, batches by
                // count.
                new SimpleBatchCreator<>(Long.MAX_VALUE),
                new DequeRequestBuffer<>());
        this.metrics = metrics;
        this.influx = new InfluxBatchWriter(settings, metrics);
        this.io =
                Executors.newSingleThreadExecutor(
                        runnable -> {
                            Thread thread =
                                    new Thread(
                                            runnable,
                                            "influx-writer "
                                                    + settings.url()
                                                    + "/"
                                                    + settings.database());
                            thread.setDaemon(true);
                            return thread;
                        });
        metrics.backlog()
                .addAndGet(
                        restored.stream()
                                .mapToLong(state -> state.getBufferedRequestEntries().size())
                                .sum());
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        // Counted before it is buffered: buffering may wait for a write that then counts it down.
        metrics.backlog().incrementAndGet();
        super.write(element, context);
    }

    @Override
    protected void submitRequestEntries(List<String> batch, ResultHandler<String> result) {
        io.execute(
                () -> {
                    try {
                        influx.write(batch);
                        result.complete();
                    } catch (InterruptedException closing) {
                        Thread.currentThread().interrupt();
                    } catch (Exception e) {
                        // Fails the task (retryable failures never get here).
                        result.completeExceptionally(e);
                    }
                });
    }

    @Override
    protected long getSizeInBytes(String line) {
        return line.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Writes everything buffered, at a checkpoint too: the async sink alone would only wait for the
     * writes in flight and keep the buffer as state. So a completed checkpoint leaves no point
     * behind (the dashboards show everything up to it), and a sink that wraps this one without its
     * state (the replay's tee) loses nothing.
     */
    @Override
    public void flush(boolean endOfInput) throws InterruptedException {
        super.flush(true);
    }

    @Override
    public void close() {
        io.shutdownNow();
        try {
            io.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            influx.close();
            super.close();
        }
    }
}
