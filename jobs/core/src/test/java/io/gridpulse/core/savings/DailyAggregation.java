package io.gridpulse.core.savings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;

/**
 * Hourly usage and temperature to {@link DailyObservation}s per local calendar day (23, 24 or 25
 * hours across DST). A day with more than half its hours missing is missing; otherwise its usage is
 * the sum of the hours present scaled to the whole day (so a day with one lost hour is not read as
 * a saving), and its temperature the mean of the hourly temperatures present (NaN under the same
 * more-than-half rule).
 */
final class DailyAggregation {

    private final NavigableMap<Instant, Double> usage;
    private final NavigableMap<Instant, Double> temperatureF;
    private final ZoneId zone;

    DailyAggregation(
            NavigableMap<Instant, Double> usage,
            NavigableMap<Instant, Double> temperatureF,
            ZoneId zone) {
        this.usage = usage;
        this.temperatureF = temperatureF;
        this.zone = zone;
    }

    /** The days from {@code first} to {@code last}, both included, in order. */
    List<DailyObservation> days(LocalDate first, LocalDate last) {
        List<DailyObservation> days = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            days.add(day(date));
        }
        return days;
    }

    Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    /** The same days with each hour's temperature and use (NaN where the series lack it). */
    List<DailyObservation> daysWithHours(LocalDate first, LocalDate last) {
        List<DailyObservation> days = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            Instant start = startOf(date);
            int hoursInDay = (int) Duration.between(start, startOf(date.plusDays(1))).toHours();
            double[] temperatures = new double[hoursInDay];
            double[] use = new double[hoursInDay];
            for (int h = 0; h < hoursInDay; h++) {
                Instant hour = start.plus(Duration.ofHours(h));
                temperatures[h] = temperatureF.getOrDefault(hour, Double.NaN);
                use[h] = usage.getOrDefault(hour, Double.NaN);
            }
            DailyObservation day = day(date).withHourlyTemperatures(temperatures);
            days.add(day.missing() ? day : day.withHourlyUsage(use));
        }
        return days;
    }

    private DailyObservation day(LocalDate date) {
        Instant start = startOf(date);
        Instant end = startOf(date.plusDays(1));
        int hoursInDay = (int) Duration.between(start, end).toHours();
        Collection<Double> usageHours = usage.subMap(start, true, end, false).values();
        Collection<Double> temperatureHours = temperatureF.subMap(start, true, end, false).values();
        double temperature =
                mostlyPresent(temperatureHours.size(), hoursInDay)
                        ? sum(temperatureHours) / temperatureHours.size()
                        : Double.NaN;
        if (!mostlyPresent(usageHours.size(), hoursInDay)) {
            return DailyObservation.missing(date, temperature);
        }
        return DailyObservation.of(
                date, sum(usageHours) * hoursInDay / usageHours.size(), temperature);
    }

    private static boolean mostlyPresent(int present, int hoursInDay) {
        return 2 * (hoursInDay - present) <= hoursInDay;
    }

    private static double sum(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum();
    }
}
