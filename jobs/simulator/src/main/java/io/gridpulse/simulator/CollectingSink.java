package io.gridpulse.simulator;

import io.gridpulse.schema.MeterReading;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every reading in memory, in arrival order: for tests and small runs. */
public final class CollectingSink implements ReadingSink {

    private final List<MeterReading> readings = new ArrayList<>();

    @Override
    public void accept(MeterReading reading) {
        readings.add(reading);
    }

    /** The readings so far (a read-only view). */
    public List<MeterReading> readings() {
        return Collections.unmodifiableList(readings);
    }
}
