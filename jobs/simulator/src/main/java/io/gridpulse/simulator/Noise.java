package io.gridpulse.simulator;

/**
 * Stateless, hash-based pseudo-randomness.
 *
 * <p>Every random quantity that varies with time (load noise, weather) is a pure function of a seed
 * and a time index rather than the next draw of a stateful generator. That keeps the output
 * identical for a given seed no matter how the simulation is stepped, and costs a few
 * multiplications per value, with no allocation.
 */
final class Noise {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double UNIT_53 = 0x1.0p-53;

    private Noise() {}

    /** SplitMix64's finalizer: a fast bijective mix with good avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Derives an independent seed for a named stream (e.g. one household, one district). */
    static long seed(long seed, long stream, long index) {
        return mix(mix(seed + GOLDEN_GAMMA * (stream + 1)) + GOLDEN_GAMMA * (index + 1));
    }

    /** A uniform value in [-1, 1) for the given seed and integer index. */
    static double signedUnit(long seed, long index) {
        long bits = mix(seed + GOLDEN_GAMMA * (index + 1));
        return (bits >>> 11) * UNIT_53 * 2.0 - 1.0;
    }

    /**
     * Smooth value noise in [-1, 1]: random values at integer knots, blended with a smoothstep so
     * the curve and its slope are continuous. {@code position} is in knots (e.g. time divided by
     * the knot spacing).
     */
    static double smooth(long seed, double position) {
        double floor = Math.floor(position);
        long knot = (long) floor;
        double f = position - floor;
        double a = signedUnit(seed, knot);
        double b = signedUnit(seed, knot + 1);
        double s = f * f * (3.0 - 2.0 * f);
        return a + (b - a) * s;
    }
}
