package io.gridpulse.core.influx;

import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/**
 * A record as its point's line in InfluxDB line protocol: what the sink buffers, keeps as state and
 * sends. A line is small, self-contained and serializes as a string, where a {@code Point} would be
 * none of these.
 */
final class PointLines<T> implements ElementConverter<T, String> {

    private static final long serialVersionUID = 1L;

    /** The timestamps' unit in the lines, which every write must declare. */
    static final TimeUnit PRECISION = TimeUnit.MILLISECONDS;

    private final PointMapper<T> mapper;

    PointLines(PointMapper<T> mapper) {
        this.mapper = mapper;
    }

    @Override
    public String apply(T record, SinkWriter.Context context) {
        return mapper.toPoint(record).lineProtocol(PRECISION);
    }
}
