package io.gridpulse.evaluation;

import io.gridpulse.schema.AnomalyType;

/**
 * An anomaly the simulator injected: what, where (a meter, or a whole feeder when {@code meterId}
 * is null) and when, as epoch milliseconds.
 */
public record Labelled(AnomalyType type, String meterId, String feederId, long start, long end) {

    String subject() {
        return meterId != null ? meterId : feederId;
    }
}
