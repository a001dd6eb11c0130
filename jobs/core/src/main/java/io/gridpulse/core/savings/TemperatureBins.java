package io.gridpulse.core.savings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CalTRACK's hourly temperature bins: knots at 30, 45, 55, 65, 75 and 90 °F cut the temperature
 * into bins, and a temperature T becomes one feature per bin, the part of T that lies in it (the
 * first bin takes min(T, first knot), the last max(0, T - last knot)), so a model linear in the
 * features is piecewise linear in T with a kink at each knot. A bin with fewer than {@value
 * #MIN_HOURS} baseline hours is joined to its neighbour (its knot dropped), as a slope fitted on a
 * handful of hours would be noise.
 */
public record TemperatureBins(double[] knotsF) {

    public static final double[] CALTRACK_KNOTS_F = {30, 45, 55, 65, 75, 90};
    static final int MIN_HOURS = 20;

    public int count() {
        return knotsF.length + 1;
    }

    /** The knots for these baseline temperatures, thinly populated bins joined to a neighbour. */
    public static TemperatureBins forBaseline(double[] temperaturesF) {
        List<Double> knots = new ArrayList<>();
        for (double knot : CALTRACK_KNOTS_F) {
            knots.add(knot);
        }
        boolean joined = true;
        while (joined && !knots.isEmpty()) {
            joined = false;
            int[] counts = counts(knots, temperaturesF);
            for (int bin = 0; bin < counts.length && !joined; bin++) {
                if (counts[bin] < MIN_HOURS) {
                    // the last bin has no knot above it: join it to the one below
                    knots.remove(bin < knots.size() ? bin : bin - 1);
                    joined = true;
                }
            }
        }
        return new TemperatureBins(knots.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The features of T, written into {@code into} (length {@link #count()}). */
    public void features(double temperatureF, double[] into) {
        for (int bin = 0; bin < count(); bin++) {
            into[bin] = feature(bin, temperatureF);
        }
    }

    /** The part of T in {@code bin}. */
    public double feature(int bin, double temperatureF) {
        if (knotsF.length == 0) {
            return temperatureF;
        }
        if (bin == 0) {
            return Math.min(temperatureF, knotsF[0]);
        }
        if (bin == knotsF.length) {
            return Math.max(0, temperatureF - knotsF[knotsF.length - 1]);
        }
        double width = knotsF[bin] - knotsF[bin - 1];
        return Math.max(0, Math.min(temperatureF - knotsF[bin - 1], width));
    }

    private static int[] counts(List<Double> knots, double[] temperaturesF) {
        int[] counts = new int[knots.size() + 1];
        for (double t : temperaturesF) {
            int bin = 0;
            while (bin < knots.size() && t > knots.get(bin)) {
                bin++;
            }
            counts[bin]++;
        }
        return counts;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TemperatureBins that && Arrays.equals(knotsF, that.knotsF);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(knotsF);
    }

    @Override
    public String toString() {
        return "TemperatureBins" + Arrays.toString(knotsF);
    }
}
