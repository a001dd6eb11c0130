package io.gridpulse.simulator;

import io.gridpulse.schema.MeterReading;
import java.util.List;

/** Sends each reading to several sinks (e.g. Kafka and a file). Closes them all, even if one fails. */
public final class FanOutSink implements ReadingSink {

    private final ReadingSink[] sinks;

    public FanOutSink(List<? extends ReadingSink> sinks) {
        this.sinks = sinks.toArray(new ReadingSink[0]);
    }

    @Override
    public void accept(MeterReading reading) {
        for (ReadingSink sink : sinks) {
            sink.accept(reading);
        }
    }

    @Override
    public void flush() {
        for (ReadingSink sink : sinks) {
            sink.flush();
        }
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (ReadingSink sink : sinks) {
            try {
                sink.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
