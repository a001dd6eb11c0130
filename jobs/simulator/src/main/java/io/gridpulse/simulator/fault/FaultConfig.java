package io.gridpulse.simulator.fault;

import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.Topology;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the fault injector does to a run: which kinds of defect, on how many meters each, drawn from
 * which seed, and the job thresholds the expected outcomes are computed with. Two injectors with
 * equal configs inject the same defects into the same readings (only FUTURE_TIMESTAMP copies depend
 * on the clock).
 *
 * <p>The constructor checks that the run has room for the faults: every faulty meter gets one kind
 * only, so the run needs {@code kinds x metersPerKind} households, and faults lie between the first
 * and the last hour of the run, so the run must be long enough for the longest of them (a long gap
 * lasts up to 3 hours).
 *
 * @param simulation the run the faults go into (its seed, households and timeline)
 * @param seed seed of the fault plan (meters, times, gap lengths, garbage bytes)
 * @param metersPerKind distinct meters per kind
 * @param kinds the kinds to inject
 * @param limits the job's thresholds, for the expected outcomes
 * @param clock wall clock for FUTURE_TIMESTAMP copies (a year after its "now")
 * @param sparedMeters meters that get no fault (e.g. those with an injected anomaly, whose readings
 *     the injector could not expect in full); none by default
 */
public record FaultConfig(
        SimulationConfig simulation,
        long seed,
        int metersPerKind,
        Set<FaultKind> kinds,
        JobLimits limits,
        Clock clock,
        Set<String> sparedMeters) {

    /** Households per faulty meter of one kind by default: 0.5 % of the meters get each kind. */
    public static final int HOUSEHOLDS_PER_FAULTY_METER = 200;

    // Mixed into the simulation seed so that the fault plan is not a replay of the households'
    // random draws.
    private static final long SEED_SALT = 0x5EED_FA17_0000_0001L;

    public FaultConfig {
        Objects.requireNonNull(simulation, "simulation");
        Objects.requireNonNull(kinds, "kinds");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clock, "clock");
        sparedMeters = Set.copyOf(sparedMeters);
        kinds =
                Collections.unmodifiableSet(
                        kinds.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(kinds));
        if (metersPerKind < 1) {
            throw new IllegalArgumentException(
                    "fault meters per kind must be at least 1, got " + metersPerKind);
        }
        requireEnoughHouseholds(simulation, kinds, metersPerKind, sparedMeters);
        requireEnoughTime(simulation, kinds);
    }

    /** Every meter may get a fault. */
    public FaultConfig(
            SimulationConfig simulation,
            long seed,
            int metersPerKind,
            Set<FaultKind> kinds,
            JobLimits limits,
            Clock clock) {
        this(simulation, seed, metersPerKind, kinds, limits, clock, Set.of());
    }

    /**
     * Every kind on {@link #defaultMetersPerKind} meters each, the job's default limits, the system
     * clock.
     */
    public static FaultConfig defaults(SimulationConfig simulation) {
        return new FaultConfig(
                simulation,
                simulation.seed() ^ SEED_SALT,
                defaultMetersPerKind(simulation.households()),
                EnumSet.allOf(FaultKind.class),
                JobLimits.defaults(),
                Clock.systemUTC());
    }

    /**
     * One meter per kind for every {@value #HOUSEHOLDS_PER_FAULTY_METER} households, at least one.
     */
    public static int defaultMetersPerKind(int households) {
        return Math.max(1, households / HOUSEHOLDS_PER_FAULTY_METER);
    }

    public FaultConfig withSeed(long seed) {
        return new FaultConfig(simulation, seed, metersPerKind, kinds, limits, clock, sparedMeters);
    }

    public FaultConfig withMetersPerKind(int metersPerKind) {
        return new FaultConfig(simulation, seed, metersPerKind, kinds, limits, clock, sparedMeters);
    }

    public FaultConfig withKinds(Set<FaultKind> kinds) {
        return new FaultConfig(simulation, seed, metersPerKind, kinds, limits, clock, sparedMeters);
    }

    public FaultConfig withLimits(JobLimits limits) {
        return new FaultConfig(simulation, seed, metersPerKind, kinds, limits, clock, sparedMeters);
    }

    public FaultConfig withClock(Clock clock) {
        return new FaultConfig(simulation, seed, metersPerKind, kinds, limits, clock, sparedMeters);
    }

    public FaultConfig withSparedMeters(Set<String> sparedMeters) {
        return new FaultConfig(simulation, seed, metersPerKind, kinds, limits, clock, sparedMeters);
    }

    /** Meters that get a fault. */
    public int faultyMeters() {
        return kinds.size() * metersPerKind;
    }

    private static void requireEnoughHouseholds(
            SimulationConfig simulation,
            Set<FaultKind> kinds,
            int metersPerKind,
            Set<String> sparedMeters) {
        long needed = (long) kinds.size() * metersPerKind;
        long spared =
                Topology.of(simulation).meterIds().stream().filter(sparedMeters::contains).count();
        if (needed > simulation.households() - spared) {
            throw new IllegalArgumentException(
                    "fault mode gives every faulty meter a single kind: "
                            + kinds.size()
                            + " kinds x "
                            + metersPerKind
                            + " meters each need "
                            + needed
                            + " households, but the run has "
                            + simulation.households()
                            + (spared > 0 ? " of which " + spared + " are spared" : "")
                            + "; simulate more households, fewer meters per kind or fewer kinds");
        }
    }

    private static void requireEnoughTime(SimulationConfig simulation, Set<FaultKind> kinds) {
        Timeline timeline = Timeline.of(simulation);
        for (FaultKind kind : kinds) {
            long span = FaultPlanner.maxSpanSteps(kind, timeline.intervalMillis());
            if (span > timeline.faultSteps()) {
                Duration needed =
                        Duration.ofHours(2).plus(simulation.interval().multipliedBy(span - 1));
                throw new IllegalArgumentException(
                        "fault mode places faults between the first and the last hour of the"
                                + " run, and "
                                + kind
                                + " can take "
                                + span
                                + (span == 1 ? " reading" : " readings")
                                + " there, so the run must last at least "
                                + needed
                                + " (got "
                                + simulation.duration()
                                + "); simulate longer or leave "
                                + kind
                                + " out");
            }
        }
    }
}
