package io.gridpulse.core.anomaly;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyType;
import io.gridpulse.schema.Severity;
import java.io.Serializable;
import java.util.Locale;

/**
 * One type of anomaly: when a unit (a quarter hour, a night) is anomalous, how long a run of them
 * must be before it opens, and how its events read. The meter stage ({@link AnomalyDetector}) keeps
 * the runs in state and sends the events.
 */
interface Detector extends Serializable {

    AnomalyType type();

    /** Anomalous units in a row before the anomaly opens. */
    default int minUnits() {
        return 1;
    }

    /** What the profile must have expected over the run before it opens (zero use of nothing). */
    default double minExpectedSum() {
        return 0;
    }

    default Severity severity(double score) {
        return Severity.WARNING;
    }

    /** Score, expected, actual and message of an event about {@code run}. */
    default Anomaly.Builder describe(Run run, Anomaly.Builder event) {
        return event.setScore(run.score)
                .setExpected(run.expected / 1000.0)
                .setActual(run.actual / 1000.0)
                .setUnit("kWh")
                .setMessage(
                        String.format(
                                Locale.ROOT,
                                "quarter hour %.2f kWh, profile %.2f kWh (%.1f sigma), %d quarter hour(s) high",
                                run.actual / 1000.0,
                                run.expected / 1000.0,
                                run.score,
                                run.units));
    }
}
