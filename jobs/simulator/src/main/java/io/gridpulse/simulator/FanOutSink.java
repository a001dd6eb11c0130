package io.gridpulse.simulator;

import io.gridpulse.schema.MeterReading;
import java.util.List;

/**
 * Sends each reading to several sinks (e.g. Kafka and a file). Closes them all, even if one fails.
 */
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

    /**
     * Only if every sink does: all outputs must see the same records, or one fault ledger would not
     * fit them all.
     */
    @Override
    public boolean acceptsRaw() {
        for (ReadingSink sink : sinks) {
            if (!sink.acceptsRaw()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void acceptRaw(String key, byte[] value) {
        if (!acceptsRaw()) {
            throw new UnsupportedOperationException(
                    "not every sink of the fan-out can carry raw records");
        }
        for (ReadingSink sink : sinks) {
            sink.acceptRaw(key, value);
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
