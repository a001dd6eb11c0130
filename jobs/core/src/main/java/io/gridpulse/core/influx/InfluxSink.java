package io.gridpulse.core.influx;

import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A Flink sink that writes records to InfluxDB 1.x as points, in batches.
 *
 * <p>Delivery is at least once: buffered points are written before every checkpoint completes and
 * at end of input, and failed writes are retried. Points are idempotent (same measurement, tags and
 * time overwrite), so a replay or a restart rewrites points instead of duplicating them.
 *
 * <p>Besides Flink's sink metrics ({@code numRecordsOut}, {@code numBytesOut}, {@code
 * currentSendTime}), each writer reports {@link InfluxWriteMetrics}.
 */
public final class InfluxSink<T> extends AsyncSinkBase<T, String> {

    private static final long serialVersionUID = 1L;

    private final InfluxSettings settings;

    public InfluxSink(InfluxSettings settings, PointMapper<T> mapper) {
        this(settings, mapper, InfluxBatching.of(settings));
    }

    private InfluxSink(
            InfluxSettings settings, PointMapper<T> mapper, AsyncSinkWriterConfiguration batching) {
        super(
                new PointLines<>(mapper),
                batching.getMaxBatchSize(),
                batching.getMaxInFlightRequests(),
                batching.getMaxBufferedRequests(),
                batching.getMaxBatchSizeInBytes(),
                batching.getMaxTimeInBufferMS(),
                batching.getMaxRecordSizeInBytes(),
                batching.getRequestTimeoutMS(),
                batching.isFailOnTimeout());
        this.settings = settings;
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<String>> createWriter(
            WriterInitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<String>> restoreWriter(
            WriterInitContext context, Collection<BufferedRequestState<String>> restored) {
        return new InfluxSinkWriter<>(
                getElementConverter(),
                context,
                settings,
                InfluxWriteMetrics.register(context.metricGroup()),
                restored);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<String>> getWriterStateSerializer() {
        return new LineStateSerializer();
    }
}
