package io.gridpulse.simulator;

import io.gridpulse.schema.MeterReading;

/**
 * Where simulated readings go. The simulation calls {@link #accept} from one thread, in time order; it never
 * closes the sink: whoever opened it closes it (so a test can read a collecting sink after the run).
 *
 * <p>Failures are unchecked ({@link java.io.UncheckedIOException} and friends): a sink that cannot write should
 * stop the run, and the generation loop should not be cluttered with checked exceptions.
 */
public interface ReadingSink extends AutoCloseable {

    /** Takes one reading. The sink may keep the object: the simulation never reuses it. */
    void accept(MeterReading reading);

    /** Pushes buffered readings out (end of run, or before pausing). */
    default void flush() {}

    @Override
    default void close() {}
}
