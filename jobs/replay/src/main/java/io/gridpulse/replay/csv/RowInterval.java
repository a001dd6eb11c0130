package io.gridpulse.replay.csv;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The length of a row's interval: a fixed length of time ({@code PT15M}, {@code 1h}), or calendar
 * days or months ({@code P1D}, {@code 1d}, {@code P1M}) counted on the local calendar of the
 * mapping's time zone. A day is then 23 or 25 hours on the days clocks change, as a utility's daily
 * or monthly billing export means it.
 */
public final class RowInterval implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Duration fixed; // null: calendar
    private final Period calendar; // null: fixed
    private final ZoneId zone;

    private RowInterval(Duration fixed, Period calendar, ZoneId zone) {
        this.fixed = fixed;
        this.calendar = calendar;
        this.zone = zone;
    }

    static RowInterval fixed(Duration length) {
        return new RowInterval(Objects.requireNonNull(length), null, null);
    }

    static RowInterval calendar(Period period, ZoneId zone) {
        return new RowInterval(null, Objects.requireNonNull(period), Objects.requireNonNull(zone));
    }

    public boolean isCalendar() {
        return calendar != null;
    }

    /** The end of the interval that starts at {@code startMillis}. */
    public long endAfter(long startMillis) {
        return fixed != null
                ? startMillis + fixed.toMillis()
                : Instant.ofEpochMilli(startMillis)
                        .atZone(zone)
                        .plus(calendar)
                        .toInstant()
                        .toEpochMilli();
    }

    /** The start of the interval that ends at {@code endMillis}. */
    public long startBefore(long endMillis) {
        return fixed != null
                ? endMillis - fixed.toMillis()
                : Instant.ofEpochMilli(endMillis)
                        .atZone(zone)
                        .minus(calendar)
                        .toInstant()
                        .toEpochMilli();
    }

    /**
     * The usual length, for what needs one number (the expected readings per quarter hour): a
     * calendar day counts 24 hours, a month 30 days.
     */
    public Duration nominal() {
        return fixed != null
                ? fixed
                : Duration.ofDays(calendar.toTotalMonths() * 30L + calendar.getDays());
    }

    @Override
    public String toString() {
        return fixed != null ? fixed.toString() : calendar + " (calendar, " + zone + ")";
    }
}
