package io.gridpulse.simulator;

import io.gridpulse.schema.MeterReading;

/**
 * Counts readings and throws them away: measures the generator alone. It folds each reading into a
 * checksum so the JIT cannot prove the readings unused and skip building them.
 */
public final class DiscardingSink implements ReadingSink {

    private long count;
    private double checksum;

    @Override
    public void accept(MeterReading reading) {
        count++;
        checksum += reading.getAveragePowerW();
    }

    public long count() {
        return count;
    }

    /** Sum of all average powers seen; mostly here to keep the readings observable. */
    public double checksum() {
        return checksum;
    }
}
