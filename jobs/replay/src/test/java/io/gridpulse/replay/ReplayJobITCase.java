package io.gridpulse.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.testkit.InfluxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The replay command as an analyst runs it, against a real influxd: a CSV export of hourly energy
 * with UTC offsets, a missing value, an unreadable line and a repeated row, replayed twice. The
 * totals match an independent sum of the file, the summary adds up, the bad lines are kept with
 * file and line, and the rerun rewrites rather than adds.
 */
class ReplayJobITCase {

    @RegisterExtension static final InfluxServer INFLUX = new InfluxServer();

    private static final String DATABASE = "replay_it";
    private static final Instant START =
            Instant.parse("2016-03-26T00:00:00Z"); // over Chicago's DST change
    private static final int HOURS = 72;

    @TempDir static Path work;
    private static Path csv;
    private static double expectedKwh;

    /** 27 March 2016 in Chicago (CDT, UTC-5): the range of the --from/--to run. */
    private static final Instant DAY_START = Instant.parse("2016-03-27T05:00:00Z");

    private static final Instant DAY_END = Instant.parse("2016-03-28T05:00:00Z");
    private static double expectedDayKwh;
    private static long meterPointsAfterFirstRun;

    @BeforeAll
    static void replayTwice() throws Exception {
        csv = work.resolve("usage.csv");
        List<String> lines = new ArrayList<>(List.of("meter,start,kwh"));
        DateTimeFormatter withOffset = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        for (String meter : List.of("A-1", "A-2")) {
            for (int h = 0; h < HOURS; h++) {
                double kwh = 0.2 + (h % 24) * 0.05 + (meter.equals("A-2") ? 0.1 : 0);
                String time =
                        START.plusSeconds(3600L * h)
                                .atOffset(ZoneOffset.ofHours(-6))
                                .format(withOffset);
                if (meter.equals("A-1") && h == 10) {
                    lines.add(meter + "," + time + ",?"); // missing value
                    // estimated from the power on either side (0.65 and 0.75 kWh an hour): the
                    // profile is linear there, so the estimate is the value itself
                    double estimate = (0.2 + 9 * 0.05 + 0.2 + 11 * 0.05) / 2;
                    expectedKwh += estimate;
                    Instant start = START.plusSeconds(3600L * h);
                    if (!start.isBefore(DAY_START) && !start.plusSeconds(3600).isAfter(DAY_END)) {
                        expectedDayKwh += estimate;
                    }
                    continue;
                }
                lines.add(meter + "," + time + "," + String.format(Locale.ROOT, "%.3f", kwh));
                double rounded = Double.parseDouble(String.format(Locale.ROOT, "%.3f", kwh));
                expectedKwh += rounded;
                Instant start = START.plusSeconds(3600L * h);
                if (!start.isBefore(DAY_START) && !start.plusSeconds(3600).isAfter(DAY_END)) {
                    expectedDayKwh += rounded;
                }
                if (meter.equals("A-2") && h == 20) {
                    lines.add(lines.get(lines.size() - 1)); // the same row again
                }
            }
        }
        lines.add(5, "A-1,yesterday,0.5"); // line 6 of the file
        Files.write(csv, lines, StandardCharsets.UTF_8);

        assertThat(replay(DATABASE, "out")).isZero();
        meterPointsAfterFirstRun = count("meter_energy");
        assertThat(replay(DATABASE, "out")).isZero();
        assertThat(
                        replay(
                                DATABASE + "_day",
                                "out-day",
                                "--from",
                                "2016-03-27",
                                "--to",
                                "2016-03-28"))
                .isZero();
    }

    @Test
    void shouldReplayOnlyTheIntervalsInsideFromAndTo() {
        double dayKwh =
                ((Number)
                                INFLUX.query(
                                                DATABASE + "_day",
                                                "SELECT SUM(energy_kwh) FROM meter_energy WHERE \"window\" = '1h'")
                                        .get(0)
                                        .get("sum"))
                        .doubleValue();

        assertThat(expectedDayKwh).isPositive();
        assertThat(dayKwh).isCloseTo(expectedDayKwh, within(1e-6));
    }

    @Test
    void shouldMatchAnIndependentSumOfTheFile() {
        double dailyKwh =
                ((Number)
                                INFLUX.query(
                                                DATABASE,
                                                "SELECT SUM(energy_kwh) FROM meter_energy WHERE \"window\" = '1d'")
                                        .get(0)
                                        .get("sum"))
                        .doubleValue();
        double hourlyDistrictKwh =
                ((Number)
                                INFLUX.query(
                                                DATABASE,
                                                "SELECT SUM(energy_kwh) FROM district_energy WHERE \"window\" = '1h'")
                                        .get(0)
                                        .get("sum"))
                        .doubleValue();

        assertThat(dailyKwh).isCloseTo(expectedKwh, within(1e-6));
        assertThat(hourlyDistrictKwh).isCloseTo(expectedKwh, within(1e-6));
    }

    @Test
    void shouldRewriteNotAddWhenReplayedAgain() {
        assertThat(meterPointsAfterFirstRun).isPositive();
        assertThat(count("meter_energy")).isEqualTo(meterPointsAfterFirstRun);
    }

    @Test
    void shouldAccountForEveryLineInTheSummary() throws Exception {
        List<String> summary = Files.readAllLines(work.resolve("out/summary.txt"));

        long rows = 2L * HOURS + 2; // + the repeated row and the unreadable line
        assertThat(summary.get(0))
                .startsWith(String.format(Locale.ROOT, "Replayed %,d records", rows));
        assertThat(summary)
                .anyMatch(
                        line ->
                                line.matches(
                                        "\\s+accepted into the aggregates\\s+"
                                                + (rows - 3)
                                                + "\\s*"))
                .anyMatch(line -> line.matches("\\s+missing value\\s+1\\s.*"))
                .anyMatch(line -> line.matches("\\s+UNDECODABLE\\s+1\\s*"))
                .anyMatch(line -> line.matches("\\s+DUPLICATE\\s+1\\s*"))
                .anyMatch(
                        line ->
                                line.matches(
                                        String.format(
                                                Locale.ROOT,
                                                "\\s+total\\s+%d\\s+= records read",
                                                rows)));
    }

    @Test
    void shouldKeepTheBadLinesWithFileAndLine() throws Exception {
        List<String> deadLetters = Files.readAllLines(work.resolve("out/dead_letters.csv"));

        assertThat(deadLetters).hasSize(3); // header + 2
        assertThat(deadLetters)
                .anyMatch(
                        line ->
                                line.startsWith("UNDECODABLE,usage.csv line 6: column 'start':")
                                        && line.contains("yesterday"));
        assertThat(deadLetters).anyMatch(line -> line.startsWith("DUPLICATE,usage.csv line "));
    }

    private static int replay(String database, String output, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--csv",
                                csv.toString(),
                                "--map",
                                "meter=meter",
                                "--map",
                                "timestamp=start",
                                "--map",
                                "timestamp-marks=start",
                                "--map",
                                "interval=PT1H",
                                "--map",
                                "value=kwh",
                                "--map",
                                "value-kind=interval-energy",
                                "--map",
                                "unit=kWh",
                                "--map",
                                "missing=?",
                                "--map",
                                "district-id=chicago",
                                "--set",
                                "district.default-time-zone=America/Chicago",
                                "--influx",
                                INFLUX.url(),
                                "--database",
                                database,
                                "--write",
                                "both",
                                "--output",
                                work.resolve(output).toString(),
                                "--quiet"));
        args.addAll(List.of(more));
        return new CommandLine(new ReplayJob()).execute(args.toArray(String[]::new));
    }

    private static long count(String measurement) {
        return ((Number)
                        INFLUX.query(DATABASE, "SELECT COUNT(energy_kwh) FROM " + measurement)
                                .get(0)
                                .get("count"))
                .longValue();
    }
}
