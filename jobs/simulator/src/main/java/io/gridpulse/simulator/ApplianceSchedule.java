package io.gridpulse.simulator;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One household's planned appliance events (start, end, power), planned a local day at a time.
 *
 * <p>A day's plan is drawn from its own random stream, derived from (household seed, local day), so
 * it does not depend on when the simulation started or how it is stepped. An event may run past
 * midnight; it stays in the schedule until it has ended. An appliance runs one event at a time: an
 * event drawn while the same appliance is still running is dropped (one sauna stove cannot heat
 * twice at once, and nobody bathes twice in a row). Storage is parallel primitive arrays, reused
 * across days.
 */
final class ApplianceSchedule {

    private static final long EVENT_STREAM = 3;
    private static final double MIDDAY_HOUR = 13.0;
    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private long[] startMillis = new long[8];
    private long[] endMillis = new long[8];
    private double[] powerW = new double[8];
    private int[] applianceOf = new int[8];
    private int count;

    /** Number of events currently held (planned and not yet ended). */
    int size() {
        return count;
    }

    /**
     * Adds the events of one local day.
     *
     * @param dayStartMillis the instant the local day begins (its midnight in the simulation's
     *     zone)
     */
    void planDay(HouseholdProfile profile, long localEpochDay, long dayStartMillis) {
        boolean weekend = TimeStep.isWeekend(localEpochDay);
        SplittableRandom r =
                new SplittableRandom(Noise.seed(profile.noiseSeed(), EVENT_STREAM, localEpochDay));
        for (Appliance a : Appliance.all()) {
            double power = profile.appliancePowerW(a);
            double rate = a.dailyRate(weekend) * profile.applianceUsage();
            int events = poisson(r, rate);
            for (int i = 0; i < events; i++) {
                boolean first = r.nextDouble() < a.firstWeight;
                double hour =
                        first
                                ? anchorHour(profile, a.firstAnchor, weekend)
                                        + a.firstOffsetH
                                        + a.firstSigmaH * r.nextGaussian()
                                : anchorHour(profile, a.secondAnchor, weekend)
                                        + a.secondOffsetH
                                        + a.secondSigmaH * r.nextGaussian();
                hour = wrapHour(hour);
                double minutes = a.minMinutes + (a.maxMinutes - a.minMinutes) * r.nextDouble();
                // Draw for every appliance, owned or not, so owning one does not shift the draws of
                // the others.
                long start = dayStartMillis + (long) (hour * MILLIS_PER_HOUR);
                long end = start + (long) (minutes * 60_000.0);
                if (power > 0 && !busy(a, start, end)) {
                    add(start, end, power, a);
                }
            }
        }
    }

    /** Forgets events that ended at or before the given instant. */
    void dropEndedBy(long millis) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (endMillis[i] > millis) {
                startMillis[kept] = startMillis[i];
                endMillis[kept] = endMillis[i];
                powerW[kept] = powerW[i];
                applianceOf[kept] = applianceOf[i];
                kept++;
            }
        }
        count = kept;
    }

    /**
     * Average power of all events over the interval (from, to], each weighted by how much of it it
     * covers.
     */
    double averagePowerW(long fromMillis, long toMillis) {
        double energyWms = 0;
        for (int i = 0; i < count; i++) {
            long overlap = Math.min(endMillis[i], toMillis) - Math.max(startMillis[i], fromMillis);
            if (overlap > 0) {
                energyWms += powerW[i] * overlap;
            }
        }
        return energyWms / (toMillis - fromMillis);
    }

    /** Whether the appliance already has an event overlapping (start, end). */
    private boolean busy(Appliance a, long start, long end) {
        for (int i = 0; i < count; i++) {
            if (applianceOf[i] == a.ordinal() && startMillis[i] < end && endMillis[i] > start) {
                return true;
            }
        }
        return false;
    }

    private void add(long start, long end, double power, Appliance a) {
        if (count == startMillis.length) {
            startMillis = Arrays.copyOf(startMillis, count * 2);
            endMillis = Arrays.copyOf(endMillis, count * 2);
            powerW = Arrays.copyOf(powerW, count * 2);
            applianceOf = Arrays.copyOf(applianceOf, count * 2);
        }
        startMillis[count] = start;
        endMillis[count] = end;
        powerW[count] = power;
        applianceOf[count] = a.ordinal();
        count++;
    }

    private static double anchorHour(HouseholdProfile p, Appliance.Anchor anchor, boolean weekend) {
        return switch (anchor) {
            case MORNING -> p.morningHour() + (weekend ? p.weekendMorningDelayH() : 0.0);
            case MIDDAY -> MIDDAY_HOUR;
            case EVENING -> p.eveningHour();
        };
    }

    /**
     * Keeps an event on its own local day (a wide spread around a late anchor must not spill into
     * the next).
     */
    private static double wrapHour(double hour) {
        double wrapped = hour % 24.0;
        return wrapped < 0 ? wrapped + 24.0 : wrapped;
    }

    /** Knuth's method: fine for the small daily rates used here. */
    private static int poisson(SplittableRandom r, double mean) {
        double limit = Math.exp(-mean);
        int k = 0;
        double product = r.nextDouble();
        while (product > limit) {
            k++;
            product *= r.nextDouble();
        }
        return k;
    }
}
