package io.gridpulse.simulator.fault;

/**
 * One fault as the plan drew it, before any reading was seen.
 *
 * @param step the first step it affects (see {@link FaultKind} for each kind's meaning); -1 if no
 *     step suits it
 * @param length readings it affects for FROZEN and the gaps, otherwise 0
 * @param seed for random content (GARBAGE bytes)
 */
record PlannedFault(
        FaultKind kind,
        String meterId,
        String feederId,
        String districtId,
        long step,
        long length,
        long seed) {

    boolean placed() {
        return step >= 0;
    }
}
