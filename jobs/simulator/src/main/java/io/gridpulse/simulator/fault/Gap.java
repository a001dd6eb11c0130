package io.gridpulse.simulator.fault;

import java.time.Instant;

/**
 * Readings of a meter that were never sent (GAP_SHORT, GAP_LONG).
 *
 * @param firstMissing time of the first reading left out
 * @param lastMissing time of the last reading left out
 * @param missingReadings readings left out, first and last included
 */
public record Gap(
        FaultKind kind,
        String meterId,
        Instant firstMissing,
        Instant lastMissing,
        long missingReadings) {}
