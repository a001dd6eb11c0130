package io.gridpulse.core.savings;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CalTRACK's data sufficiency for a daily baseline: the baseline is the {@value #BASELINE_DAYS}
 * days ending at its last day; it must cover all of them (from its first day to its last, no more
 * and no less) and at most {@value #MAX_MISSING_PERCENT}% of those days may be missing. A day is
 * missing when it has no observation, its usage is missing, its temperature is unknown, or (for
 * {@link Fuel#ELECTRICITY}) its usage is zero. A date given twice is an error in the input and is
 * reported too.
 */
public final class DataSufficiency {

    public static final int BASELINE_DAYS = 365;
    public static final int MAX_MISSING_PERCENT = 10;

    /**
     * Whether the baseline is sufficient, and if not, one human-readable reason per rule it breaks.
     */
    public record Result(
            boolean sufficient, int coveredDays, int missingDays, List<String> reasons) {

        public Result {
            reasons = List.copyOf(reasons);
        }
    }

    private DataSufficiency() {}

    /** The check with zero usage counted as real usage, as for gas. */
    public static Result check(List<DailyObservation> baseline) {
        return check(baseline, Fuel.GAS);
    }

    public static Result check(List<DailyObservation> baseline, Fuel fuel) {
        if (baseline.isEmpty()) {
            return new Result(false, 0, 0, List.of("baseline is empty"));
        }
        List<String> reasons = new ArrayList<>();
        TreeMap<LocalDate, DailyObservation> byDate = new TreeMap<>();
        Map<LocalDate, Integer> repeats = new HashMap<>();
        for (DailyObservation day : baseline) {
            if (byDate.putIfAbsent(day.date(), day) != null) {
                repeats.merge(day.date(), 2, (count, ignored) -> count + 1);
            }
        }
        repeats.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(
                        repeat ->
                                reasons.add(
                                        String.format(
                                                Locale.ROOT,
                                                "%s appears %d times",
                                                repeat.getKey(),
                                                repeat.getValue())));

        LocalDate first = byDate.firstKey();
        LocalDate last = byDate.lastKey();
        int covered = (int) ChronoUnit.DAYS.between(first, last) + 1;
        if (covered < BASELINE_DAYS) {
            reasons.add(
                    String.format(
                            Locale.ROOT,
                            "baseline covers %d days, needs %d",
                            covered,
                            BASELINE_DAYS));
        } else if (covered > BASELINE_DAYS) {
            reasons.add(
                    String.format(
                            Locale.ROOT,
                            "baseline covers %d days, at most %d (the %d days before the"
                                    + " intervention)",
                            covered,
                            BASELINE_DAYS,
                            BASELINE_DAYS));
        }

        // Missing days are counted within the baseline window; days before it are already reported
        // as excess coverage.
        LocalDate windowStart = last.minusDays(Math.min(covered, BASELINE_DAYS) - 1L);
        int windowDays = (int) ChronoUnit.DAYS.between(windowStart, last) + 1;
        int missing = 0;
        int withoutUse = 0;
        int withoutTemperature = 0;
        for (LocalDate date = windowStart; !date.isAfter(last); date = date.plusDays(1)) {
            DailyObservation day = byDate.get(date);
            if (isMissing(day, fuel)) {
                missing++;
                // say which input is missing: the meter's use, or the weather
                if (day == null || day.missing() || !usageCounts(day, fuel)) {
                    withoutUse++;
                } else {
                    withoutTemperature++;
                }
            }
        }
        // Integer comparison, so exactly 10% passes and 36.5 of 365 cannot be rounded either way.
        if (missing * 100L > (long) MAX_MISSING_PERCENT * windowDays) {
            reasons.add(
                    String.format(
                            Locale.ROOT,
                            "%d of %d days missing (%.1f%%), at most %d%%: %d without use, %d"
                                    + " without temperature",
                            missing,
                            windowDays,
                            100.0 * missing / windowDays,
                            MAX_MISSING_PERCENT,
                            withoutUse,
                            withoutTemperature));
        }
        return new Result(reasons.isEmpty(), covered, missing, reasons);
    }

    private static boolean usageCounts(DailyObservation day, Fuel fuel) {
        return !(fuel.zeroUsageIsMissing() && day.usage() == 0.0);
    }

    private static boolean isMissing(DailyObservation day, Fuel fuel) {
        return day == null
                || !day.hasUsageAndTemperature()
                || (fuel.zeroUsageIsMissing() && day.usage() == 0.0);
    }
}
