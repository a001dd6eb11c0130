package io.gridpulse.core.anomaly;

import io.gridpulse.schema.Anomaly;

/** Anomaly events for tests of the stages after the detectors. */
final class FilledAnomalies {

    private FilledAnomalies() {}

    /** The event with the fields a detector fills in. */
    static Anomaly filled(Anomaly.Builder event) {
        return event.setScore(5.0)
                .setExpected(0.5)
                .setActual(1.0)
                .setUnit("kWh")
                .setMessage("above profile")
                .build();
    }
}
