package io.gridpulse.core.influx;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Flink sink that writes records to InfluxDB 1.x as points, in batches.
 *
 * <p>Delivery is at least once: buffered points are written before every checkpoint completes and
 * at end of input, and failed writes are retried. Points are idempotent (same measurement, tags and
 * time overwrite), so a replay or a restart rewrites points instead of duplicating them.
 */
public final class InfluxSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final InfluxSettings settings;
    private final PointMapper<T> mapper;

    public InfluxSink(InfluxSettings settings, PointMapper<T> mapper) {
        this.settings = settings;
        this.mapper = mapper;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new InfluxSinkWriter<>(
                settings,
                mapper,
                InfluxWriteMetrics.register(context.metricGroup()),
                context.getProcessingTimeService());
    }
}
