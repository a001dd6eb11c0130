package io.gridpulse.simulator.fault;

import io.gridpulse.simulator.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Draws the fault plan from the seed: which meters get which kind (a meter at most one) and when.
 * Kinds are drawn in declaration order and every fault draws the same number of random values, so
 * the plan depends only on the config.
 */
final class FaultPlanner {

    /**
     * Readings a FROZEN fault holds the register for: more than the job's default 15 needed for a
     * flag.
     */
    static final int FROZEN_READINGS = 20;

    private static final int SHORT_GAP_MIN_MINUTES = 10;
    private static final int SHORT_GAP_MAX_MINUTES = 60;
    private static final int LONG_GAP_MIN_MINUTES = 90;
    private static final int LONG_GAP_MAX_MINUTES = 180;
    private static final long MINUTE_MILLIS = 60_000L;

    private FaultPlanner() {}

    static List<PlannedFault> plan(FaultConfig config) {
        Topology topology = Topology.of(config.simulation());
        Timeline timeline = Timeline.of(config.simulation());
        SplittableRandom random = new SplittableRandom(config.seed());
        int[] meters = shuffledMeters(candidates(topology, config), config.faultyMeters(), random);
        List<PlannedFault> plan = new ArrayList<>(config.faultyMeters());
        int next = 0;
        for (FaultKind kind : config.kinds()) { // an EnumSet: declaration order
            for (int i = 0; i < config.metersPerKind(); i++) {
                int meter = meters[next++];
                long[] when = draw(kind, timeline, random);
                String feederId = topology.feederId(topology.feederOfMeter(meter));
                String districtId = topology.districtId(topology.districtOfMeter(meter));
                plan.add(
                        new PlannedFault(
                                kind,
                                topology.meterId(meter),
                                feederId,
                                districtId,
                                when[0],
                                when[1],
                                random.nextLong()));
            }
        }
        return plan;
    }

    /**
     * The most steps a fault of the kind occupies from its first step, including the reading that
     * ends it (the one after a gap or a frozen stretch, the next one for OUT_OF_ORDER); 0 for
     * ROLLOVER, which starts with the run.
     */
    static long maxSpanSteps(FaultKind kind, long intervalMillis) {
        return switch (kind) {
            case ROLLOVER -> 0;
            case OUT_OF_ORDER -> 2;
            case FROZEN -> FROZEN_READINGS + 1;
            case GAP_SHORT -> gapReadings(SHORT_GAP_MAX_MINUTES, intervalMillis) + 1;
            case GAP_LONG -> gapReadings(LONG_GAP_MAX_MINUTES, intervalMillis) + 1;
            default -> 1;
        };
    }

    /** Readings missing from a gap of so many minutes: at least one, whatever the interval. */
    static long gapReadings(int minutes, long intervalMillis) {
        return Math.max(1, minutes * MINUTE_MILLIS / intervalMillis);
    }

    /** The indices of the meters that may get a fault, in meter order: all but the spared. */
    private static int[] candidates(Topology topology, FaultConfig config) {
        return IntStream.range(0, topology.households())
                .filter(m -> !config.sparedMeters().contains(topology.meterId(m)))
                .toArray();
    }

    /**
     * The first {@code count} entries of a seeded permutation of the candidates (partial
     * Fisher-Yates); without spared meters the same as ever.
     */
    private static int[] shuffledMeters(int[] meters, int count, SplittableRandom random) {
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(meters.length - i);
            int swap = meters[i];
            meters[i] = meters[j];
            meters[j] = swap;
        }
        return meters;
    }

    /**
     * {first step, length} of one fault; always two draws so that every fault consumes the same
     * randomness.
     */
    private static long[] draw(FaultKind kind, Timeline timeline, SplittableRandom random) {
        double position = random.nextDouble();
        double lengthDraw = random.nextDouble();
        long first = timeline.firstFaultStep();
        long last = timeline.lastFaultStep();
        return switch (kind) {
            case ROLLOVER -> new long[] {0, 0};
            case FROZEN ->
                    new long[] {pick(first, last - FROZEN_READINGS, position), FROZEN_READINGS};
            case GAP_SHORT, GAP_LONG -> {
                boolean isShort = kind == FaultKind.GAP_SHORT;
                int minMinutes = isShort ? SHORT_GAP_MIN_MINUTES : LONG_GAP_MIN_MINUTES;
                int maxMinutes = isShort ? SHORT_GAP_MAX_MINUTES : LONG_GAP_MAX_MINUTES;
                int minutes = minMinutes + (int) (lengthDraw * (maxMinutes - minMinutes + 1));
                long missing = gapReadings(minutes, timeline.intervalMillis());
                yield new long[] {pick(first, last - missing, position), missing};
            }
            case OUT_OF_ORDER ->
                    new long[] {pickSharingQuarter(timeline, first, last - 1, position), 0};
            default -> new long[] {pick(first, last, position), 0};
        };
    }

    /** A step in [from, to], both inclusive, at the drawn position. */
    private static long pick(long from, long to, double position) {
        return from + (long) (position * (to - from + 1));
    }

    /**
     * The first step from the drawn one on (wrapping around) whose next reading is in the same
     * quarter hour; -1 if there is none (intervals of 15 minutes or more).
     */
    private static long pickSharingQuarter(Timeline timeline, long from, long to, double position) {
        long start = pick(from, to, position);
        long count = to - from + 1;
        for (long i = 0; i < count; i++) {
            long step = from + Math.floorMod(start - from + i, count);
            if (timeline.sharesQuarterWithNext(step)) {
                return step;
            }
        }
        return -1;
    }
}
