package io.gridpulse.replay.output;

import java.io.IOException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** Writes every record to two sinks (InfluxDB and a file): plain writers only, no committers. */
public final class TeeSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final Sink<T> first;
    private final Sink<T> second;

    public TeeSink(Sink<T> first, Sink<T> second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        SinkWriter<T> a = first.createWriter(context);
        SinkWriter<T> b = second.createWriter(context);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) throws IOException, InterruptedException {
                a.write(element, ctx);
                b.write(element, ctx);
            }

            @Override
            public void flush(boolean endOfInput) throws IOException, InterruptedException {
                a.flush(endOfInput);
                b.flush(endOfInput);
            }

            @Override
            public void close() throws Exception {
                try {
                    a.close();
                } finally {
                    b.close();
                }
            }
        };
    }
}
