package io.gridpulse.simulator.anomaly;

import io.gridpulse.simulator.SimulationConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the anomaly injector does to a run: which kinds of anomaly, on how many meters each, after
 * how long a warm-up, drawn from which seed. Two injectors with equal configs inject the same
 * anomalies into the same run.
 *
 * <pre>
 * AnomalyConfig anomalies = AnomalyConfig.defaults(config).withMetersPerType(3).withWarmUp(Duration.ofDays(14));
 * </pre>
 *
 * The constructor checks the values themselves; whether the run has room for them (enough
 * households and feeders, long enough after the warm-up) is checked by {@link #requireFitsRun()},
 * which {@link AnomalyInjector#of} calls, so that {@code defaults(config)} can be adjusted with the
 * {@code with...} methods first.
 *
 * @param simulation the run the anomalies go into
 * @param seed seed of the plan (meters, feeders, times, lengths, voltage levels)
 * @param metersPerType distinct meters per kind; FEEDER_OUTAGE hits {@link #outageFeeders()}
 *     feeders instead
 * @param warmUp time from the start without anomalies, in which each household's natural peak and
 *     night minimum are observed (the magnitudes of SPIKE, SUSTAINED_HIGH and HIGH_BASE_LOAD); at
 *     least a day
 * @param kinds the kinds to inject
 * @param sizeScale multiplies the extra load of SPIKE, SUSTAINED_HIGH and HIGH_BASE_LOAD (their
 *     floors too; a spike still stays under the household's plausible maximum); the other kinds
 *     have no size (nothing used, nothing sent, a voltage out of band)
 * @param durationScale multiplies the drawn length of every kind (at least one quarter hour resp.
 *     one reading)
 */
public record AnomalyConfig(
        SimulationConfig simulation,
        long seed,
        int metersPerType,
        Duration warmUp,
        Set<AnomalyKind> kinds,
        double sizeScale,
        double durationScale) {

    /** Households per anomalous meter of one kind by default: 1 % of the meters get each kind. */
    public static final int HOUSEHOLDS_PER_ANOMALOUS_METER = 100;

    public static final Duration DEFAULT_WARM_UP = Duration.ofDays(21);

    /**
     * Anomalies end at least this long before the run's last reading (except those that may last to
     * the end).
     */
    static final Duration END_MARGIN = Duration.ofHours(1);

    // Mixed into the simulation seed so that the anomaly plan is neither a replay of the
    // households' draws nor of the
    // fault plan's.
    private static final long SEED_SALT = 0x5EED_A40A_0000_0002L;

    public AnomalyConfig {
        Objects.requireNonNull(simulation, "simulation");
        Objects.requireNonNull(warmUp, "warmUp");
        Objects.requireNonNull(kinds, "kinds");
        kinds =
                Collections.unmodifiableSet(
                        kinds.isEmpty()
                                ? EnumSet.noneOf(AnomalyKind.class)
                                : EnumSet.copyOf(kinds));
        if (metersPerType < 1) {
            throw new IllegalArgumentException(
                    "anomaly meters per type must be at least 1, got " + metersPerType);
        }
        if (warmUp.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException(
                    "the anomaly warm-up must be at least a day (it learns each household's"
                            + " peak and night minimum), got "
                            + warmUp);
        }
        if (!(sizeScale > 0 && Double.isFinite(sizeScale))) {
            throw new IllegalArgumentException(
                    "the anomaly size scale must be positive, got " + sizeScale);
        }
        if (!(durationScale > 0 && Double.isFinite(durationScale))) {
            throw new IllegalArgumentException(
                    "the anomaly duration scale must be positive, got " + durationScale);
        }
    }

    /** Sizes and durations as drawn. */
    public AnomalyConfig(
            SimulationConfig simulation,
            long seed,
            int metersPerType,
            Duration warmUp,
            Set<AnomalyKind> kinds) {
        this(simulation, seed, metersPerType, warmUp, kinds, 1.0, 1.0);
    }

    /**
     * Every kind on {@link #defaultMetersPerType} meters each, after a {@link #DEFAULT_WARM_UP}
     * warm-up.
     */
    public static AnomalyConfig defaults(SimulationConfig simulation) {
        return new AnomalyConfig(
                simulation,
                simulation.seed() ^ SEED_SALT,
                defaultMetersPerType(simulation.households()),
                DEFAULT_WARM_UP,
                EnumSet.allOf(AnomalyKind.class));
    }

    /**
     * One meter per kind for every {@value #HOUSEHOLDS_PER_ANOMALOUS_METER} households, at least
     * one.
     */
    public static int defaultMetersPerType(int households) {
        return Math.max(1, households / HOUSEHOLDS_PER_ANOMALOUS_METER);
    }

    public AnomalyConfig withSeed(long seed) {
        return new AnomalyConfig(
                simulation, seed, metersPerType, warmUp, kinds, sizeScale, durationScale);
    }

    public AnomalyConfig withMetersPerType(int metersPerType) {
        return new AnomalyConfig(
                simulation, seed, metersPerType, warmUp, kinds, sizeScale, durationScale);
    }

    public AnomalyConfig withWarmUp(Duration warmUp) {
        return new AnomalyConfig(
                simulation, seed, metersPerType, warmUp, kinds, sizeScale, durationScale);
    }

    public AnomalyConfig withKinds(Set<AnomalyKind> kinds) {
        return new AnomalyConfig(
                simulation, seed, metersPerType, warmUp, kinds, sizeScale, durationScale);
    }

    public AnomalyConfig withSizeScale(double sizeScale) {
        return new AnomalyConfig(
                simulation, seed, metersPerType, warmUp, kinds, sizeScale, durationScale);
    }

    public AnomalyConfig withDurationScale(double durationScale) {
        return new AnomalyConfig(
                simulation, seed, metersPerType, warmUp, kinds, sizeScale, durationScale);
    }

    /** The shortest SUSTAINED_HIGH this config injects (its duration scale applied). */
    public Duration shortestSustainedHigh() {
        int quarters = AnomalyPlanner.SUSTAINED_MIN_HOURS * AnomalyPlanner.QUARTERS_PER_HOUR;
        return Duration.ofMinutes(15).multipliedBy(AnomalyPlanner.scaled(quarters, durationScale));
    }

    /** The shortest FEEDER_OUTAGE this config injects (its duration scale applied). */
    public Duration shortestOutage() {
        return Duration.ofMinutes(
                AnomalyPlanner.scaled(AnomalyPlanner.OUTAGE_MIN_MINUTES, durationScale));
    }

    /**
     * Feeders with a FEEDER_OUTAGE: one per 5 meters per type, at least one; 0 without that kind.
     */
    public int outageFeeders() {
        return kinds.contains(AnomalyKind.FEEDER_OUTAGE) ? Math.max(1, metersPerType / 5) : 0;
    }

    /** Meters with an anomaly of their own (not counting the meters of outage feeders). */
    public int anomalousMeters() {
        int meterKinds = kinds.size() - (kinds.contains(AnomalyKind.FEEDER_OUTAGE) ? 1 : 0);
        return meterKinds * metersPerType;
    }

    /** Readings of the warm-up: those up to the first reading at or after start + warm-up. */
    public long warmUpSteps() {
        long interval = simulation.interval().toMillis();
        return (warmUp.toMillis() + interval - 1) / interval;
    }

    /** End of the warm-up: the time of its last reading; anomalies start at or after it. */
    public Instant warmUpEnd() {
        return simulation.start().plusMillis(warmUpSteps() * simulation.interval().toMillis());
    }

    /**
     * Checks that the run has room for the anomalies: enough feeders for the outages with one left
     * without, enough meters off the outage feeders for one kind each, enough time after the
     * warm-up for the longest kind.
     *
     * @return this config
     * @throws IllegalArgumentException saying what is missing
     */
    public AnomalyConfig requireFitsRun() {
        int households = simulation.households();
        int feedersWithMeters = Math.min(simulation.feeders(), households);
        int outages = outageFeeders();
        if (outages > 0 && feedersWithMeters < outages + 1) {
            throw new IllegalArgumentException(
                    "FEEDER_OUTAGE cuts "
                            + outages
                            + (outages == 1 ? " feeder" : " feeders")
                            + " and leaves at least one without an outage, so the run needs "
                            + (outages + 1)
                            + " feeders with meters, but has "
                            + feedersWithMeters
                            + "; simulate more feeders, fewer meters per"
                            + " type or leave FEEDER_OUTAGE out");
        }
        int metersPerFeeder = (households + simulation.feeders() - 1) / simulation.feeders();
        long free = households - (long) outages * metersPerFeeder;
        if (anomalousMeters() > free) {
            throw new IllegalArgumentException(
                    "anomaly mode gives every anomalous meter a single type, off the outage"
                            + " feeders: "
                            + anomalousMeters()
                            + " meters needed, but the run has "
                            + households
                            + " households"
                            + (outages > 0
                                    ? " of which up to "
                                            + outages * metersPerFeeder
                                            + " are on outage feeders"
                                    : "")
                            + "; simulate more households or fewer meters per type");
        }
        Duration after = simulation.duration().minus(warmUp);
        for (AnomalyKind kind : kinds) {
            Duration needed =
                    AnomalyPlanner.roomNeeded(kind, durationScale)
                            .plus(END_MARGIN)
                            .plus(Duration.ofMinutes(30))
                            .plus(simulation.interval());
            if (after.compareTo(needed) < 0) {
                throw new IllegalArgumentException(
                        "anomalies start after the warm-up ("
                                + warmUp
                                + ") and "
                                + kind
                                + " needs "
                                + needed
                                + " after it, so the run must last at least "
                                + warmUp.plus(needed)
                                + " (got "
                                + simulation.duration()
                                + "); simulate longer, shorten the warm-up or leave "
                                + kind
                                + " out");
            }
        }
        if (warmUpSteps() > simulation.steps()) {
            throw new IllegalArgumentException("the run ends before the anomaly warm-up does");
        }
        return this;
    }
}
