package io.gridpulse.core.savings;

import java.time.ZonedDateTime;
import java.util.Arrays;

/**
 * One local day's temperature observations summed as a flat array (so it fits Flink state as a
 * {@code double[]}): the day's sum and count, then each local hour's, then how many hours the day
 * has (23, 24 or 25 in its zone). From it come the day's mean temperature and its hourly means,
 * both in °F. The hourly means count only when at least {@value #MIN_HOURS} hours were observed:
 * with fewer, degree hours would miss the cold (or hot) hours unseen, and the day's mean is the
 * better estimate.
 */
public final class DayTemperatureSums {

    public static final int MIN_HOURS = 20;

    /** Hours a local day can have: 25 on the day the clocks go back. */
    private static final int HOURS = 25;

    private DayTemperatureSums() {}

    private static final int HOURS_IN_DAY = 2 + 2 * HOURS;

    public static double[] empty() {
        return new double[HOURS_IN_DAY + 1];
    }

    /**
     * Adds an observation at {@code local} time; returns the array to keep (a shorter one, from
     * state written before hours were kept, is widened).
     */
    public static double[] add(double[] sums, ZonedDateTime local, double celsius) {
        double[] wide = sums.length <= HOURS_IN_DAY ? Arrays.copyOf(sums, HOURS_IN_DAY + 1) : sums;
        wide[HOURS_IN_DAY] = LocalDayHours.in(local.toLocalDate(), local.getZone());
        wide[0] += celsius;
        wide[1]++;
        int hour = Math.min(HOURS - 1, LocalDayHours.sinceMidnight(local));
        wide[2 + 2 * hour] += celsius;
        wide[3 + 2 * hour]++;
        return wide;
    }

    public static double meanF(double[] sums) {
        return DailyObservation.celsiusToFahrenheit(sums[0] / sums[1]);
    }

    /**
     * The hours' means in °F, indexed by the hour since local midnight, as many as the day has (NaN
     * for an hour not observed); null with fewer than {@value #MIN_HOURS} hours observed.
     */
    public static double[] hoursF(double[] sums) {
        double[] hours = new double[HOURS];
        Arrays.fill(hours, Double.NaN);
        int observed = 0;
        int last = -1;
        for (int h = 0; h < HOURS && 3 + 2 * h < sums.length; h++) {
            if (sums[3 + 2 * h] > 0) {
                hours[h] = DailyObservation.celsiusToFahrenheit(sums[2 + 2 * h] / sums[3 + 2 * h]);
                observed++;
                last = h;
            }
        }
        int length = sums.length > HOURS_IN_DAY ? (int) sums[HOURS_IN_DAY] : last + 1;
        return observed >= MIN_HOURS ? Arrays.copyOf(hours, Math.max(length, last + 1)) : null;
    }
}
