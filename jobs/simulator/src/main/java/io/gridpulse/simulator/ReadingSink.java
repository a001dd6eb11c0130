package io.gridpulse.simulator;

import io.gridpulse.schema.MeterReading;

/**
 * Where simulated readings go. The simulation calls {@link #accept} from one thread, in time order;
 * it never closes the sink: whoever opened it closes it (so a test can read a collecting sink after
 * the run).
 *
 * <p>Failures are unchecked ({@link java.io.UncheckedIOException} and friends): a sink that cannot
 * write should stop the run, and the generation loop should not be cluttered with checked
 * exceptions.
 */
public interface ReadingSink extends AutoCloseable {

    /** Takes one reading. The sink may keep the object: the simulation never reuses it. */
    void accept(MeterReading reading);

    /**
     * Whether {@link #acceptRaw} works. Only sinks that carry opaque bytes (Kafka) can take a
     * record that is not a reading; a file of readings cannot hold one.
     */
    default boolean acceptsRaw() {
        return false;
    }

    /**
     * Takes a record that is not (or not necessarily) a valid reading, as raw value bytes under a
     * key, e.g. the fault injector's garbage. Sinks that cannot carry such a record keep this
     * default: check {@link #acceptsRaw} first.
     *
     * @throws UnsupportedOperationException if the sink cannot carry raw records
     */
    default void acceptRaw(String key, byte[] value) {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " cannot carry raw records");
    }

    /** Pushes buffered readings out (end of run, or before pausing). */
    default void flush() {}

    @Override
    default void close() {}
}
