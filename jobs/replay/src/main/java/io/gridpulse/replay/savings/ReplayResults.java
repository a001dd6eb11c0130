package io.gridpulse.replay.savings;

import io.gridpulse.core.savings.DayTemperatureSums;
import io.gridpulse.core.savings.LocalDayHours;
import io.gridpulse.core.savings.MeteredDays;
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
 * rows of {@code meter_aggregates.csv}) with the energy of each of the day's hours (its {@code
 * HOUR} rows, when the meter reads hourly or more often), and each district's daily mean
 * temperature ({@code weather.csv}), on the districts' local calendar days.
 */
final class ReplayResults {

    /**
     * A meter's identity and its days: energy in kWh and the share of the day's readings that
     * arrived; and per day, each hour's energy in kWh by the hour since local midnight, NaN for an
     * hour with less than half of its readings.
     */
    record MeterDays(
            String meterId,
            String feederId,
            String districtId,
            TreeMap<LocalDate, double[]> days,
            TreeMap<LocalDate, double[]> hours) {

        MeterDays(String meterId, String feederId, String districtId) {
            this(meterId, feederId, districtId, new TreeMap<>(), new TreeMap<>());
        }
    }

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
            int expected = header.indexOf("expectedSamples");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",", -1);
                boolean day = f[window].equals("DAY");
                if (!day && !f[window].equals("HOUR")) {
                    continue;
                }
                MeterDays meterDays =
                        meters.computeIfAbsent(
                                f[meter], id -> new MeterDays(id, f[feeder], f[district]));
                ZonedDateTime windowStart = Instant.parse(f[start]).atZone(zone);
                double kwh = Double.parseDouble(f[energy]);
                double share = Double.parseDouble(f[completeness]);
                // A window can be written again (a later reading updated it): the last row is its
                // final state.
                if (day) {
                    checkMidnight(windowStart, zone, aggregates);
                    meterDays.days().put(windowStart.toLocalDate(), new double[] {kwh, share});
                } else if (Integer.parseInt(f[expected]) >= 1) {
                    // an hour of a meter that reads less often than hourly is a share of a longer
                    // reading, not a measured hour
                    double[] hours =
                            meterDays
                                    .hours()
                                    .computeIfAbsent(
                                            windowStart.toLocalDate(), d -> emptyHours(d, zone));
                    int hour = LocalDayHours.sinceMidnight(windowStart);
                    if (hour < hours.length) {
                        hours[hour] =
                                share >= MeteredDays.MIN_COMPLETENESS
                                        ? MeteredDays.wholeDay(kwh, share)
                                        : Double.NaN;
                    }
                }
            }
        }
        return meters;
    }

    private static void checkMidnight(ZonedDateTime windowStart, ZoneId zone, Path aggregates)
            throws WrongTimeZoneException {
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
    }

    /** A local day's hours (23, 24 or 25), none known yet. */
    private static double[] emptyHours(LocalDate date, ZoneId zone) {
        double[] hours = new double[LocalDayHours.in(date, zone)];
        Arrays.fill(hours, Double.NaN);
        return hours;
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
