package io.gridpulse.simulator;

import io.gridpulse.schema.MeterReading;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keeps every reading (and every raw record) in memory, in arrival order: for tests and small runs.
 */
public final class CollectingSink implements ReadingSink {

    private final List<MeterReading> readings = new ArrayList<>();
    private final List<RawRecord> rawRecords = new ArrayList<>();

    @Override
    public void accept(MeterReading reading) {
        readings.add(reading);
    }

    @Override
    public boolean acceptsRaw() {
        return true;
    }

    @Override
    public void acceptRaw(String key, byte[] value) {
        rawRecords.add(new RawRecord(key, value.clone(), readings.size()));
    }

    /** The readings so far (a read-only view). */
    public List<MeterReading> readings() {
        return Collections.unmodifiableList(readings);
    }

    /** The raw records so far (a read-only view). */
    public List<RawRecord> rawRecords() {
        return Collections.unmodifiableList(rawRecords);
    }

    /**
     * A record taken by {@link #acceptRaw}.
     *
     * @param readingsBefore how many readings had arrived before it (its place in the arrival
     *     order)
     */
    public record RawRecord(String key, byte[] value, int readingsBefore) {}
}
