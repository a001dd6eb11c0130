package io.gridpulse.replay.gaps;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A meter's mean energy per hour of the week (hour 0: Monday 00:00 to 01:00 in the district's local
 * time), learned from its own hourly energy, and the energy it suggests for a span the meter did
 * not report. The hours are the pipeline's hourly windows (whole hours since the epoch), each
 * placed in the week by the local time at which it starts.
 */
public final class HourOfWeekProfile {

    static final long HOUR_MILLIS = 3_600_000L;
    static final int HOURS_OF_WEEK = 7 * 24;

    /**
     * Fewest observed hours behind an hour of week's mean for it to be used: one hour could be the
     * exception (a holiday, a guest) rather than the habit.
     */
    public static final int MIN_OBSERVATIONS = 2;

    /** A span of time, {@code [start, end)} in epoch milliseconds. */
    public record Span(long start, long end) {
        boolean overlaps(long from, long until) {
            return start < until && from < end;
        }
    }

    /**
     * What the profile says for a span: {@code kwh} is NaN when one of the span's hours of week has
     * fewer than {@link #MIN_OBSERVATIONS} observed hours; {@code minObservations} is the fewest
     * observed hours behind any of them; {@code unobserved} how many of its {@code hoursOfWeek}
     * distinct hours of week fall short.
     */
    public record Estimate(double kwh, int minObservations, int unobserved, int hoursOfWeek) {

        public boolean estimated() {
            return !Double.isNaN(kwh);
        }

        /** Why there is an estimate, or why there is none, in words. */
        public String note() {
            return estimated()
                    ? String.format(
                            Locale.ROOT,
                            "each of its %d hours of week from at least %d observed hours",
                            hoursOfWeek,
                            minObservations)
                    : String.format(
                            Locale.ROOT,
                            "no estimate: %d of its %d hours of week observed fewer than %d times",
                            unobserved,
                            hoursOfWeek,
                            MIN_OBSERVATIONS);
        }
    }

    private final ZoneId zone;
    private final double[] sumKwh = new double[HOURS_OF_WEEK];
    private final int[] observations = new int[HOURS_OF_WEEK];

    public HourOfWeekProfile(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * The profile of a meter's hourly energy ({@code hourlyKwh} by hour start), leaving out what is
     * not a whole observed hour: hours that overlap one of its {@code gaps}, and its first and last
     * hour, which its data may cover only in part (the first one holds the reading added at the
     * start of interval data, with no energy before it).
     */
    public static HourOfWeekProfile learn(
            ZoneId zone, Map<Long, Double> hourlyKwh, List<Span> gaps) {
        HourOfWeekProfile profile = new HourOfWeekProfile(zone);
        TreeMap<Long, Double> hours = new TreeMap<>(hourlyKwh);
        if (hours.size() > 2) {
            hours.pollFirstEntry();
            hours.pollLastEntry();
            hours.forEach(
                    (start, kwh) -> {
                        long end = start + HOUR_MILLIS;
                        if (gaps.stream().noneMatch(gap -> gap.overlaps(start, end))) {
                            profile.add(start, kwh);
                        }
                    });
        }
        return profile;
    }

    /** One observed hour: the hour starting at {@code hourStart} used {@code kwh}. */
    public void add(long hourStart, double kwh) {
        int hour = hourOfWeek(hourStart);
        sumKwh[hour] += kwh;
        observations[hour]++;
    }

    public int observations(int hourOfWeek) {
        return observations[hourOfWeek];
    }

    /** Mean energy of an hour of week, NaN if never observed. */
    public double meanKwh(int hourOfWeek) {
        return observations[hourOfWeek] == 0
                ? Double.NaN
                : sumKwh[hourOfWeek] / observations[hourOfWeek];
    }

    /**
     * The energy of {@code span}: each hour it touches contributes its hour of week's mean, in
     * proportion to the part of the hour inside the span.
     */
    public Estimate estimate(Span span) {
        boolean[] touched = new boolean[HOURS_OF_WEEK];
        double kwh = 0;
        for (long hourStart = span.start() - Math.floorMod(span.start(), HOUR_MILLIS);
                hourStart < span.end();
                hourStart += HOUR_MILLIS) {
            long inside =
                    Math.min(span.end(), hourStart + HOUR_MILLIS)
                            - Math.max(span.start(), hourStart);
            int hour = hourOfWeek(hourStart);
            touched[hour] = true;
            kwh += meanKwh(hour) * inside / HOUR_MILLIS;
        }
        int hoursOfWeek = 0;
        int unobserved = 0;
        int minObservations = Integer.MAX_VALUE;
        for (int hour = 0; hour < HOURS_OF_WEEK; hour++) {
            if (touched[hour]) {
                hoursOfWeek++;
                minObservations = Math.min(minObservations, observations[hour]);
                if (observations[hour] < MIN_OBSERVATIONS) {
                    unobserved++;
                }
            }
        }
        return new Estimate(
                unobserved > 0 ? Double.NaN : kwh,
                hoursOfWeek == 0 ? 0 : minObservations,
                unobserved,
                hoursOfWeek);
    }

    /** Hour of the week in the profile's zone at {@code instant}, 0 (Monday 00:00) to 167. */
    int hourOfWeek(long instant) {
        ZonedDateTime local = Instant.ofEpochMilli(instant).atZone(zone);
        return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
    }
}
