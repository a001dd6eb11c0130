package io.gridpulse.simulator.anomaly;

/**
 * One anomaly as the plan drew it, before the run: the steps it affects (readings {@code
 * firstStep..lastStep}, both inclusive; reading {@code k} is at start + k x interval). Magnitudes
 * that depend on the household are decided at the end of the warm-up.
 *
 * @param meter the meter's index; -1 for FEEDER_OUTAGE
 * @param feeder the feeder's index (the meter's feeder, or the feeder cut)
 * @param toEnd lasts to the run's last reading (METER_SILENT 1 in 3, HIGH_BASE_LOAD when it would
 *     run past it)
 * @param voltageV VOLTAGE: the level reported; otherwise 0
 * @param seed for the voltage jitter
 */
record PlannedAnomaly(
        AnomalyKind kind,
        int meter,
        int feeder,
        long firstStep,
        long lastStep,
        boolean toEnd,
        double voltageV,
        long seed) {}
