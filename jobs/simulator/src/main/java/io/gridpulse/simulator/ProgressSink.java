package io.gridpulse.simulator;

import io.gridpulse.schema.MeterReading;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Passes readings through and prints progress now and then: simulated time reached, share done and
 * readings per second (over the last report period and overall). The clock is read only every few
 * thousand readings.
 */
public final class ProgressSink implements ReadingSink {

    private static final long CHECK_EVERY = 1 << 10;

    private final ReadingSink delegate;
    private final PrintStream out;
    private final long expected;
    private final long periodNanos;
    private final long startNanos;
    private long lastNanos;
    private long lastCount;
    private long count;

    public ProgressSink(
            ReadingSink delegate, PrintStream out, long expectedReadings, double periodSeconds) {
        this.delegate = delegate;
        this.out = out;
        this.expected = expectedReadings;
        this.periodNanos = (long) (periodSeconds * 1e9);
        this.startNanos = System.nanoTime();
        this.lastNanos = startNanos;
    }

    @Override
    public void accept(MeterReading reading) {
        delegate.accept(reading);
        if ((++count & (CHECK_EVERY - 1)) == 0) {
            long now = System.nanoTime();
            if (now - lastNanos >= periodNanos) {
                report(reading, now);
            }
        }
    }

    private void report(MeterReading reading, long now) {
        double recent = (count - lastCount) / ((now - lastNanos) / 1e9);
        double overall = count / ((now - startNanos) / 1e9);
        out.printf(
                Locale.ROOT,
                "progress: %s  %,d/%,d readings (%.1f%%)  %,.0f readings/s (overall %,.0f/s)%n",
                reading.getTimestamp(),
                count,
                expected,
                100.0 * count / expected,
                recent,
                overall);
        lastNanos = now;
        lastCount = count;
    }

    public long count() {
        return count;
    }

    @Override
    public boolean acceptsRaw() {
        return delegate.acceptsRaw();
    }

    /** Passed through but not counted: progress is about readings. */
    @Override
    public void acceptRaw(String key, byte[] value) {
        delegate.acceptRaw(key, value);
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
