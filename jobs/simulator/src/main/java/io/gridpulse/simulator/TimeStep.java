package io.gridpulse.simulator;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * The clock facts of one reading interval, computed once per step and shared by every household.
 *
 * <p>Daily routines follow the local clock, so the zone's offset (which changes at daylight saving
 * transitions) is looked up here once per step instead of once per reading. Smooth load shapes are
 * evaluated at the middle of the interval, which is a close stand-in for their average over it.
 */
final class TimeStep {

    static final long MILLIS_PER_DAY = 86_400_000L;
    static final double MILLIS_PER_HOUR = 3_600_000.0;

    private final ZoneRules rules;
    private final long intervalMillis;

    private long endMillis;
    private long startMillis;
    private long midMillis;
    private double localHour;
    private boolean weekend;
    private long latestLocalDay;

    TimeStep(ZoneId zone, long intervalMillis) {
        this.rules = zone.getRules();
        this.intervalMillis = intervalMillis;
    }

    /** Moves to the interval that ends at {@code endMillis}. */
    void moveTo(long endMillis) {
        this.endMillis = endMillis;
        this.startMillis = endMillis - intervalMillis;
        this.midMillis = startMillis + intervalMillis / 2;
        long localMid = midMillis + offsetMillis(midMillis);
        this.localHour = Math.floorMod(localMid, MILLIS_PER_DAY) / MILLIS_PER_HOUR;
        this.weekend = isWeekend(Math.floorDiv(localMid, MILLIS_PER_DAY));
        // The last local day this interval touches: its appliance plans must exist before the
        // interval is computed.
        long lastMillis = endMillis - 1;
        this.latestLocalDay = Math.floorDiv(lastMillis + offsetMillis(lastMillis), MILLIS_PER_DAY);
    }

    long offsetMillis(long epochMillis) {
        return rules.getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds() * 1000L;
    }

    /** Saturday or Sunday. Epoch day 0 (1970-01-01) was a Thursday. */
    static boolean isWeekend(long localEpochDay) {
        int dayOfWeek = (int) Math.floorMod(localEpochDay + 3, 7); // 0 = Monday
        return dayOfWeek >= 5;
    }

    long endMillis() {
        return endMillis;
    }

    long startMillis() {
        return startMillis;
    }

    long midMillis() {
        return midMillis;
    }

    long intervalMillis() {
        return intervalMillis;
    }

    /** Local clock hour in [0, 24) at the middle of the interval. */
    double localHour() {
        return localHour;
    }

    boolean weekend() {
        return weekend;
    }

    /** Local epoch day of the last instant of the interval. */
    long latestLocalDay() {
        return latestLocalDay;
    }
}
