package io.gridpulse.bench.pipeline;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Drops records but counts them per name in this JVM, so a benchmark run can check its output
 * sizes.
 */
final class CountingSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private final String name;

    CountingSink(String name) {
        this.name = name;
    }

    static void reset() {
        COUNTS.clear();
    }

    static Map<String, Long> counts() {
        Map<String, Long> result = new TreeMap<>();
        COUNTS.forEach((key, count) -> result.put(key, count.sum()));
        return result;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        LongAdder count = COUNTS.computeIfAbsent(name, key -> new LongAdder());
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context context) {
                count.increment();
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
