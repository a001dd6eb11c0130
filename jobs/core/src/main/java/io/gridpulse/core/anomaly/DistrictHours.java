package io.gridpulse.core.anomaly;

import java.util.Arrays;

/**
 * A district's outdoor temperature per hour (the latest observation within each hour), as the
 * anomaly detectors look it up: a Flink POJO held in their broadcast state, the hours as an array
 * from {@link #firstHour} (NaN where none was observed).
 */
public class DistrictHours {

    private static final long HOUR_MILLIS = 3_600_000L;

    /**
     * An hour without an observation takes the last one of up to this many hours before: weather
     * stations skip a report now and then.
     */
    static final int MAX_HOURS_CARRIED = 2;

    /** Epoch hour of {@code celsius[0]}. */
    public long firstHour;

    public float[] celsius = new float[0];

    public DistrictHours() {}

    /** The temperature at an instant, °C, or NaN when none was observed near enough. */
    double at(long epochMillis) {
        long hour = Math.floorDiv(epochMillis, HOUR_MILLIS);
        for (long h = hour; h >= hour - MAX_HOURS_CARRIED; h--) {
            long i = h - firstHour;
            if (i >= 0 && i < celsius.length && !Float.isNaN(celsius[(int) i])) {
                return celsius[(int) i];
            }
        }
        return Double.NaN;
    }

    /**
     * The temperature in the middle of {@code [start, end)}, °C, or NaN: the observation of its
     * hour moved along the trend from the hour before, where both were observed (else {@link #at}).
     * Hourly observations stand for their hour's start; a quarter hour late in a night that cools
     * by a degree an hour is most of a degree colder, which an electrically heated or
     * air-conditioned household's use follows. Only past observations, so a quarter hour is judged
     * as soon as its hour's observation is known, and the same live and replayed.
     */
    double during(long start, long end) {
        long middle = start + (end - start) / 2;
        long hour = Math.floorDiv(middle, HOUR_MILLIS);
        if (!observed(middle) || !observed(middle - HOUR_MILLIS)) {
            return at(middle);
        }
        double now = celsius[(int) (hour - firstHour)];
        double before = celsius[(int) (hour - 1 - firstHour)];
        double intoHour = (middle - hour * HOUR_MILLIS) / (double) HOUR_MILLIS;
        return now + (now - before) * intoHour;
    }

    /**
     * The end of the hour an observation at {@code epochMillis} stands for, less a millisecond: how
     * far the weather is known once it has arrived.
     */
    public static long knownUntil(long epochMillis) {
        return Math.floorDiv(epochMillis, HOUR_MILLIS) * HOUR_MILLIS + HOUR_MILLIS - 1;
    }

    /** Whether the hour of {@code epochMillis} has an observation of its own. */
    boolean observed(long epochMillis) {
        long i = Math.floorDiv(epochMillis, HOUR_MILLIS) - firstHour;
        return i >= 0 && i < celsius.length && !Float.isNaN(celsius[(int) i]);
    }

    /** An observation at {@code epochMillis}: it stands for its hour. */
    void put(long epochMillis, double temperatureC) {
        long hour = Math.floorDiv(epochMillis, HOUR_MILLIS);
        if (celsius.length == 0) {
            firstHour = hour;
        }
        if (hour < firstHour) {
            int before = (int) (firstHour - hour);
            float[] grown = new float[celsius.length + before];
            Arrays.fill(grown, 0, before, Float.NaN);
            System.arraycopy(celsius, 0, grown, before, celsius.length);
            celsius = grown;
            firstHour = hour;
        }
        int i = (int) (hour - firstHour);
        if (i >= celsius.length) {
            int length = Math.max(i + 1, celsius.length + celsius.length / 2 + 24);
            int old = celsius.length;
            celsius = Arrays.copyOf(celsius, length);
            Arrays.fill(celsius, old, length, Float.NaN);
        }
        celsius[i] = (float) temperatureC;
    }

    /** Forgets the hours before {@code epochMillis}: no quarter hour will look them up again. */
    void dropBefore(long epochMillis) {
        long hour = Math.floorDiv(epochMillis, HOUR_MILLIS) - MAX_HOURS_CARRIED;
        if (hour <= firstHour || celsius.length == 0) {
            return;
        }
        int drop = (int) Math.min(celsius.length, hour - firstHour);
        celsius = Arrays.copyOfRange(celsius, drop, celsius.length);
        firstHour = hour;
    }
}
