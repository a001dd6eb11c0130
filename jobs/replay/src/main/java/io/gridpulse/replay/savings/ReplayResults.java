package io.gridpulse.replay.savings;

import io.gridpulse.core.savings.DayTemperatureSums;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A replay's result files read back as daily series: each meter's daily energy (the {@code DAY}
 * rows of {@code meter_aggregates.csv}) and each district's daily mean temperature ({@code
 * weather.csv}), on the districts' local calendar days.
 */
final class ReplayResults {

    /**
     * A meter's identity and its days: energy in kWh and the share of the day's readings that
     * arrived.
     */
    record MeterDays(
            String meterId,
            String feederId,
            String districtId,
            TreeMap<LocalDate, double[]> days) {}

    private ReplayResults() {}

    /** The results' daily windows are not the calendar days of the zone they are read in. */
    static final class WrongTimeZoneException extends IOException {
        WrongTimeZoneException(String message) {
            super(message);
        }
    }

    static Map<String, MeterDays> meterDays(Path directory, ZoneId zone) throws IOException {
        Map<String, MeterDays> meters = new TreeMap<>();
        Path aggregates = directory.resolve("meter_aggregates.csv");
        try (BufferedReader in = Files.newBufferedReader(aggregates, StandardCharsets.UTF_8)) {
            List<String> header = Arrays.asList(in.readLine().split(","));
            int meter = header.indexOf("meterId");
            int feeder = header.indexOf("feederId");
            int district = header.indexOf("districtId");
            int window = header.indexOf("window");
            int start = header.indexOf("windowStart");
            int energy = header.indexOf("energyKwh");
            int completeness = header.indexOf("completeness");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",", -1);
                if (!f[window].equals("DAY")) {
                    continue;
                }
                MeterDays days =
                        meters.computeIfAbsent(
                                f[meter],
                                id -> new MeterDays(id, f[feeder], f[district], new TreeMap<>()));
                ZonedDateTime windowStart = Instant.parse(f[start]).atZone(zone);
                if (!windowStart.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                    throw new WrongTimeZoneException(
                            "the daily windows in "
                                    + aggregates
                                    + " start at "
                                    + windowStart.toLocalTime()
                                    + " in "
                                    + zone
                                    + ", not at midnight: the replay's days are those of another"
                                    + " time zone; give its district.default-time-zone as"
                                    + " --time-zone");
                }
                LocalDate date = windowStart.toLocalDate();
                // A day can be written again (a later reading updated it): the last row is the
                // day's final state.
                days.days()
                        .put(
                                date,
                                new double[] {
                                    Double.parseDouble(f[energy]),
                                    Double.parseDouble(f[completeness])
                                });
            }
        }
        return meters;
    }

    /** Temperature per district and local day: the day's mean and its hourly means (°F). */
    static Map<String, TreeMap<LocalDate, DayTemperature>> dailyTemperatures(
            Path directory, ZoneId zone) throws IOException {
        Map<String, TreeMap<LocalDate, double[]>> sums = new TreeMap<>();
        try (BufferedReader in =
                Files.newBufferedReader(directory.resolve("weather.csv"), StandardCharsets.UTF_8)) {
            List<String> header = Arrays.asList(in.readLine().split(","));
            int district = header.indexOf("districtId");
            int time = header.indexOf("time");
            int temperature = header.indexOf("temperatureC");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",", -1);
                ZonedDateTime local = Instant.parse(f[time]).atZone(zone);
                TreeMap<LocalDate, double[]> byDay =
                        sums.computeIfAbsent(f[district], d -> new TreeMap<>());
                LocalDate date = local.toLocalDate();
                double[] day = byDay.computeIfAbsent(date, d -> DayTemperatureSums.empty());
                byDay.put(
                        date,
                        DayTemperatureSums.add(day, local, Double.parseDouble(f[temperature])));
            }
        }
        Map<String, TreeMap<LocalDate, DayTemperature>> days = new TreeMap<>();
        sums.forEach(
                (id, byDay) -> {
                    TreeMap<LocalDate, DayTemperature> series = new TreeMap<>();
                    byDay.forEach(
                            (date, sum) ->
                                    series.put(
                                            date,
                                            new DayTemperature(
                                                    DayTemperatureSums.meanF(sum),
                                                    DayTemperatureSums.hoursF(sum))));
                    days.put(id, series);
                });
        return days;
    }
}
