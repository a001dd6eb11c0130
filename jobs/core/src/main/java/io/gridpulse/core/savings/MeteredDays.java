package io.gridpulse.core.savings;

/**
 * Which metered days count, and as how much: one rule for the analysts' report and the live job, so
 * the two agree day for day. CalTRACK: a day with less than half its readings is missing, a partial
 * day counts scaled up to the whole day, and for electricity a day of zero use is missing (a home
 * always draws something).
 */
public final class MeteredDays {

    public static final double MIN_COMPLETENESS = 0.5;

    private MeteredDays() {}

    /** Whether a day with this use and share of its readings ({@code completeness}) counts. */
    public static boolean counts(double usage, double completeness, Fuel fuel) {
        return completeness >= MIN_COMPLETENESS && !(fuel.zeroUsageIsMissing() && usage == 0);
    }

    /** The whole day's use from the use of the readings that came. */
    public static double wholeDay(double usage, double completeness) {
        return usage / Math.min(1.0, completeness);
    }
}
