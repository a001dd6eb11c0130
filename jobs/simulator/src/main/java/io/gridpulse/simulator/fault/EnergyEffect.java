package io.gridpulse.simulator.fault;

/**
 * What a fault does to the energy the job computes for its meter, compared with the simulation's
 * ground truth.
 */
public enum EnergyEffect {

    /**
     * Every interval's energy as in the ground truth (the defective records are rejected or
     * repaired exactly).
     */
    EXACT,
    /**
     * Total over the run as in the ground truth, but the energy of the missing or frozen intervals
     * is counted with the first reading that catches up, so it can land in a later quarter hour (or
     * hour) than it was used.
     */
    DEFERRED,
    /**
     * One interval's energy estimated from its average power (a new register epoch). The
     * simulator's power is exactly the interval's energy over its length, so the estimate matches
     * the truth up to floating-point rounding.
     */
    ESTIMATED,
    /**
     * Energy missing from the job's figures: the catch-up after a frozen register was too large for
     * the job to trust and counted as a new epoch; {@link ExpectedOutcome#lostEnergyWh()} says how
     * much.
     */
    LOST
}
