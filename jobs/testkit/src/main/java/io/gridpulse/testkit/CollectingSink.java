package io.gridpulse.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink that keeps what it receives in memory of the test JVM, for MiniCluster tests. Each
 * instance has its own buffer, shared by all its parallel writers (the sink object itself is
 * serialized into the job).
 */
public final class CollectingSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, ConcurrentLinkedQueue<Object>> BUFFERS =
            new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    public CollectingSink() {
        BUFFERS.put(id, new ConcurrentLinkedQueue<>());
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        ConcurrentLinkedQueue<Object> buffer = BUFFERS.get(id);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {
                buffer.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }

    /** Everything received so far, in arrival order per writer. */
    @SuppressWarnings("unchecked")
    public List<T> received() {
        List<T> out = new ArrayList<>();
        for (Object o : BUFFERS.get(id)) {
            out.add((T) o);
        }
        return out;
    }
}
