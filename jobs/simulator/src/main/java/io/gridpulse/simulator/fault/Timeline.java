package io.gridpulse.simulator.fault;

import io.gridpulse.schema.QuarterHours;
import io.gridpulse.simulator.SimulationConfig;
import java.time.Instant;

/**
 * The reading times of a run (step {@code k} at start + k * interval, k = 0..steps) and the part of
 * it where faults go: from the first reading an hour after the start to the last reading an hour
 * before the end, so that a fault never meets the edges of the run (LATE copies have an hour of
 * history to copy from, gaps and frozen registers end before the run does).
 */
record Timeline(long startMillis, long intervalMillis, long steps) {

    static final long HOUR_MILLIS = 3_600_000L;

    static Timeline of(SimulationConfig config) {
        return new Timeline(
                config.start().toEpochMilli(), config.interval().toMillis(), config.steps());
    }

    long millisOf(long step) {
        return startMillis + step * intervalMillis;
    }

    Instant instantOf(long step) {
        return Instant.ofEpochMilli(millisOf(step));
    }

    /** The step of a reading time (readings come only at step times). */
    long stepOf(Instant timestamp) {
        return (timestamp.toEpochMilli() - startMillis) / intervalMillis;
    }

    /** Steps in an hour, rounded up: a reading this many steps back is at least an hour older. */
    long stepsPerHourRoundedUp() {
        return (HOUR_MILLIS + intervalMillis - 1) / intervalMillis;
    }

    /** The first step at least an hour after the start. */
    long firstFaultStep() {
        return stepsPerHourRoundedUp();
    }

    /**
     * The last step at least an hour before the last reading (below {@link #firstFaultStep} if the
     * run is short).
     */
    long lastFaultStep() {
        return Math.floorDiv(steps * intervalMillis - HOUR_MILLIS, intervalMillis);
    }

    /**
     * Steps available to faults, from {@link #firstFaultStep} to {@link #lastFaultStep}; 0 if none.
     */
    long faultSteps() {
        return Math.max(0, lastFaultStep() - firstFaultStep() + 1);
    }

    /**
     * Whether the reading at this step and the next share a quarter hour (start, end], as the job
     * cuts them. Only then may the reading arrive after the next one without being late: the job's
     * watermark trails the newest reading, and it closes the quarter hour of a reading sent behind
     * a reading from a later quarter hour.
     */
    boolean sharesQuarterWithNext(long step) {
        return step < steps
                && QuarterHours.endOf(millisOf(step)) == QuarterHours.endOf(millisOf(step + 1));
    }
}
