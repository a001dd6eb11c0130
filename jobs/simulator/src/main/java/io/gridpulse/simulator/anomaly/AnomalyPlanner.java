package io.gridpulse.simulator.anomaly;

import io.gridpulse.schema.QuarterHours;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Draws the anomaly plan from the seed: which feeders get an outage, which meters get which kind (a
 * meter at most one, none on an outage feeder; METER_SILENT meters spread evenly over the other
 * feeders, so that together they do not look like an outage) and when. First the outage feeders,
 * then the meters, then per kind in declaration order per anomaly always four draws (position,
 * length, level, seed), so the plan depends only on the config.
 */
final class AnomalyPlanner {

    static final long MINUTE_MILLIS = 60_000L;
    static final long DAY_MILLIS = 86_400_000L;
    static final int QUARTERS_PER_HOUR = 4;
    // VOLTAGE levels: jitter of at most 0.3 V keeps the reports within 255-262 V resp. 190-203 V.
    static final double HIGH_LEVEL_MIN_V = 255.5;
    static final double HIGH_LEVEL_RANGE_V = 6.0;
    static final double LOW_LEVEL_MIN_V = 190.5;
    static final double LOW_LEVEL_RANGE_V = 12.0;
    static final double VOLTAGE_JITTER_V = 0.3;

    /** SUSTAINED_HIGH lasts from this many hours... */
    static final int SUSTAINED_MIN_HOURS = 4;

    /** ...to this many, before the duration scale. */
    static final int SUSTAINED_MAX_HOURS = 8;

    /** A FEEDER_OUTAGE lasts at least this many minutes, before the duration scale. */
    static final int OUTAGE_MIN_MINUTES = 60;

    private AnomalyPlanner() {}

    /**
     * The time after the warm-up a kind needs at least (its longest length; HIGH_BASE_LOAD: one day
     * of it).
     */
    static Duration roomNeeded(AnomalyKind kind) {
        return switch (kind) {
            case SPIKE -> Duration.ofMinutes(30);
            case SUSTAINED_HIGH -> Duration.ofHours(SUSTAINED_MAX_HOURS);
            case HIGH_BASE_LOAD, ZERO_CONSUMPTION -> Duration.ofHours(24);
            case METER_SILENT -> Duration.ofHours(12);
            case FEEDER_OUTAGE -> Duration.ofHours(4);
            case VOLTAGE -> Duration.ofHours(2);
        };
    }

    /** The room a kind needs when its lengths are scaled (see {@link #scaled}). */
    static Duration roomNeeded(AnomalyKind kind, double durationScale) {
        long minutes = roomNeeded(kind).toMinutes();
        return Duration.ofMinutes(scaled((int) minutes, durationScale));
    }

    static List<PlannedAnomaly> plan(AnomalyConfig config) {
        SimulationConfig sim = config.simulation();
        Topology topology = Topology.of(sim);
        Steps steps = new Steps(sim, config.warmUpSteps());
        SplittableRandom random = new SplittableRandom(config.seed());

        int feedersWithMeters = Math.min(topology.feeders(), topology.households());
        int[] feeders = shuffled(feedersWithMeters, config.outageFeeders(), random);
        boolean[] cut = new boolean[topology.feeders()];
        for (int i = 0; i < config.outageFeeders(); i++) {
            cut[feeders[i]] = true;
        }
        int[] eligible = new int[topology.households()];
        int count = 0;
        for (int m = 0; m < topology.households(); m++) {
            if (!cut[topology.feederOfMeter(m)]) {
                eligible[count++] = m;
            }
        }
        int[] order = shuffled(count, count, random);
        for (int i = 0; i < count; i++) {
            order[i] = eligible[order[i]];
        }
        // Silent meters spread over the feeders, so that they do not look like a feeder outage
        // together.
        int spareFeeders = feedersWithMeters - config.outageFeeders();
        int silentPerFeeder = (config.metersPerType() + spareFeeders - 1) / spareFeeders;
        int[] silentOnFeeder = new int[topology.feeders()];

        List<PlannedAnomaly> plan = new ArrayList<>();
        int nextMeter = 0;
        for (AnomalyKind kind : config.kinds()) { // an EnumSet: declaration order
            int n = kind.feederLevel() ? config.outageFeeders() : config.metersPerType();
            for (int i = 0; i < n; i++) {
                if (kind == AnomalyKind.METER_SILENT) {
                    moveToFront(
                            order,
                            nextMeter,
                            m -> silentOnFeeder[topology.feederOfMeter(m)] < silentPerFeeder);
                    silentOnFeeder[topology.feederOfMeter(order[nextMeter])]++;
                }
                int meter = kind.feederLevel() ? -1 : order[nextMeter++];
                int feeder = kind.feederLevel() ? feeders[i] : topology.feederOfMeter(meter);
                plan.add(
                        draw(
                                kind,
                                i,
                                meter,
                                feeder,
                                steps,
                                random,
                                config.seed(),
                                config.durationScale()));
            }
        }
        return plan;
    }

    /**
     * The {@code i}-th anomaly of a kind; the plan's seed decides whether the first VOLTAGE is high
     * or low.
     */
    private static PlannedAnomaly draw(
            AnomalyKind kind,
            int i,
            int meter,
            int feeder,
            Steps steps,
            SplittableRandom random,
            long planSeed,
            double scale) {
        double position = random.nextDouble();
        double length = random.nextDouble();
        double level = random.nextDouble();
        long seed = random.nextLong();
        return switch (kind) {
            case SPIKE ->
                    steps.quarters(
                            kind, meter, feeder, scaled(between(1, 2, length), scale), position);
            case SUSTAINED_HIGH ->
                    steps.quarters(
                            kind,
                            meter,
                            feeder,
                            scaled(
                                    quartersOfHours(
                                            SUSTAINED_MIN_HOURS, SUSTAINED_MAX_HOURS, length),
                                    scale),
                            position);
            case ZERO_CONSUMPTION ->
                    steps.quarters(
                            kind,
                            meter,
                            feeder,
                            scaled(quartersOfHours(6, 24, length), scale),
                            position);
            case HIGH_BASE_LOAD ->
                    steps.baseLoad(
                            meter,
                            feeder,
                            scaled(quartersOfHours(2 * 24, 4 * 24, length), scale),
                            position);
            case METER_SILENT ->
                    steps.readings(
                            kind,
                            meter,
                            feeder,
                            scaled(between(4 * 60, 12 * 60, length), scale),
                            position,
                            i % 3 == 2,
                            0,
                            seed);
            case FEEDER_OUTAGE ->
                    steps.readings(
                            kind,
                            meter,
                            feeder,
                            scaled(between(OUTAGE_MIN_MINUTES, 4 * 60, length), scale),
                            position,
                            false,
                            0,
                            seed);
            // Alternate high and low, so that half are each.
            case VOLTAGE ->
                    steps.readings(
                            kind,
                            meter,
                            feeder,
                            scaled(between(30, 120, length), scale),
                            position,
                            false,
                            (i + (planSeed & 1)) % 2 == 0
                                    ? HIGH_LEVEL_MIN_V + HIGH_LEVEL_RANGE_V * level
                                    : LOW_LEVEL_MIN_V + LOW_LEVEL_RANGE_V * level,
                            seed);
        };
    }

    /**
     * A drawn length (quarter hours or minutes) times the config's duration scale, at least 1. The
     * scale applies after the draw, so that it changes the lengths and nothing else of the plan.
     */
    static int scaled(int length, double scale) {
        return (int) Math.max(1, Math.round(length * scale));
    }

    /**
     * Whole quarter hours from {@code minHours} to {@code maxHours} hours (inclusive), at the drawn
     * length.
     */
    private static int quartersOfHours(int minHours, int maxHours, double draw) {
        return between(minHours * QUARTERS_PER_HOUR, maxHours * QUARTERS_PER_HOUR, draw);
    }

    /**
     * A whole number from {@code min} to {@code max} (inclusive) at the drawn position in [0, 1).
     */
    private static int between(int min, int max, double draw) {
        return min + (int) (draw * (max - min + 1));
    }

    /**
     * Moves the first of {@code values[from..]} that fits to position {@code from}, shifting the
     * ones it passes one up; leaves them as they are if none fits.
     */
    private static void moveToFront(int[] values, int from, IntPredicate fits) {
        for (int i = from; i < values.length; i++) {
            if (fits.test(values[i])) {
                int value = values[i];
                System.arraycopy(values, from, values, from + 1, i - from);
                values[from] = value;
                return;
            }
        }
    }

    /** The first {@code count} entries of a seeded permutation of 0..n-1 (partial Fisher-Yates). */
    private static int[] shuffled(int n, int count, SplittableRandom random) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(n - i);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }

    /**
     * The run's reading times and the part of it anomalies go into: from the end of the warm-up
     * (reading {@code warmUpSteps}) to an hour before the last reading.
     */
    private record Steps(long startMillis, long intervalMillis, long steps, long warmUpSteps) {

        Steps(SimulationConfig sim, long warmUpSteps) {
            this(sim.start().toEpochMilli(), sim.interval().toMillis(), sim.steps(), warmUpSteps);
        }

        long millisOf(long step) {
            return startMillis + step * intervalMillis;
        }

        long loMillis() {
            return millisOf(warmUpSteps);
        }

        long hiMillis() {
            return millisOf(steps) - AnomalyConfig.END_MARGIN.toMillis();
        }

        /** The last step whose reading is at or before the time. */
        long stepAtOrBefore(long millis) {
            return Math.floorDiv(millis - startMillis, intervalMillis);
        }

        /**
         * {@code quarters} whole quarter hours starting on a drawn quarter-hour boundary, mapped to
         * readings.
         */
        PlannedAnomaly quarters(
                AnomalyKind kind, int meter, int feeder, int quarters, double position) {
            long span = quarters * QuarterHours.MILLIS;
            long from = ceilQuarter(loMillis());
            long to = floorQuarter(hiMillis()) - span;
            long q =
                    from
                            + (long) (position * ((to - from) / QuarterHours.MILLIS + 1))
                                    * QuarterHours.MILLIS;
            long first = stepAtOrBefore(q) + 1;
            long last = Math.max(first, stepAtOrBefore(q + span));
            return new PlannedAnomaly(kind, meter, feeder, first, last, false, 0, 0);
        }

        /**
         * From a drawn quarter hour at least a day before the end; to the end if it would run into
         * the last hour.
         */
        PlannedAnomaly baseLoad(int meter, int feeder, int quarters, double position) {
            long from = ceilQuarter(loMillis());
            long to = floorQuarter(hiMillis() - DAY_MILLIS);
            long q =
                    from
                            + (long) (position * ((to - from) / QuarterHours.MILLIS + 1))
                                    * QuarterHours.MILLIS;
            long endMillis = q + quarters * QuarterHours.MILLIS;
            long first = stepAtOrBefore(q) + 1;
            boolean toEnd = endMillis > hiMillis();
            long last = toEnd ? steps : Math.max(first, stepAtOrBefore(endMillis));
            return new PlannedAnomaly(
                    AnomalyKind.HIGH_BASE_LOAD, meter, feeder, first, last, toEnd, 0, 0);
        }

        /**
         * So many minutes' worth of readings (at least one) from a drawn reading on; to the end if
         * asked.
         */
        PlannedAnomaly readings(
                AnomalyKind kind,
                int meter,
                int feeder,
                int minutes,
                double position,
                boolean toEnd,
                double voltageV,
                long seed) {
            long n = Math.max(1, minutes * MINUTE_MILLIS / intervalMillis);
            long from = warmUpSteps + 1;
            long to = stepAtOrBefore(hiMillis()) - n + 1;
            long first = from + (long) (position * (to - from + 1));
            long last = toEnd ? steps : first + n - 1;
            return new PlannedAnomaly(kind, meter, feeder, first, last, toEnd, voltageV, seed);
        }

        private static long ceilQuarter(long millis) {
            return Math.floorDiv(millis + QuarterHours.MILLIS - 1, QuarterHours.MILLIS)
                    * QuarterHours.MILLIS;
        }

        private static long floorQuarter(long millis) {
            return Math.floorDiv(millis, QuarterHours.MILLIS) * QuarterHours.MILLIS;
        }
    }
}
