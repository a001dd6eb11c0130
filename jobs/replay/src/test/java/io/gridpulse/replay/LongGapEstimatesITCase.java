package io.gridpulse.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.testkit.InfluxServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three weeks of a household's quarter-hour energy with the same weekly habit every week and a hole
 * of 6.5 hours on the second Wednesday, longer than {@code vee.max-gap}, replayed into files and a
 * real influxd with {@code --estimate-long-gaps} and without: with it, the hole's energy comes back
 * from the meter's hour-of-week profile, apart from the energy; without it, no estimate anywhere;
 * the energy is the same in both.
 */
class LongGapEstimatesITCase {

    @RegisterExtension static final InfluxServer INFLUX = new InfluxServer();

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    /** Monday 8 January 2024, 00:00 in Helsinki (UTC+2, no clock change in these weeks). */
    private static final ZonedDateTime MONDAY = ZonedDateTime.of(2024, 1, 8, 0, 0, 0, 0, HELSINKI);

    /** The second Wednesday, 09:45 to 16:15: 26 quarter hours missing. */
    private static final Instant HOLE_START =
            MONDAY.plusDays(9).withHour(9).withMinute(45).toInstant();

    private static final Instant HOLE_END =
            MONDAY.plusDays(9).withHour(16).withMinute(15).toInstant();

    @TempDir static Path work;
    private static double fileKwh;
    private static double holeKwh;

    /**
     * The weekly habit: a daily swing, more at weekends, and a little more each quarter of an hour.
     */
    private static double kwh(ZonedDateTime quarterStart) {
        int hour = quarterStart.getHour();
        boolean weekend = quarterStart.getDayOfWeek().getValue() >= 6;
        double daily = 0.05 + 0.1 * (1 + Math.sin(2 * Math.PI * (hour - 6) / 24.0));
        return (weekend ? 1.3 : 1.0) * daily + 0.004 * (quarterStart.getMinute() / 15);
    }

    @BeforeAll
    static void replayWithAndWithoutEstimates() throws IOException {
        List<String> lines = new ArrayList<>(List.of("start,kwh"));
        for (ZonedDateTime t = MONDAY; t.isBefore(MONDAY.plusWeeks(3)); t = t.plusMinutes(15)) {
            double value = Double.parseDouble(String.format(Locale.ROOT, "%.4f", kwh(t)));
            Instant start = t.toInstant();
            if (!start.isBefore(HOLE_START) && start.isBefore(HOLE_END)) {
                holeKwh += value;
            } else {
                fileKwh += value;
                lines.add(start + "," + value);
            }
        }
        Files.write(work.resolve("home.csv"), lines);

        assertThat(replay("gaps_on", "on", "--estimate-long-gaps")).isZero();
        assertThat(replay("gaps_off", "off")).isZero();
    }

    @Test
    void shouldEstimateTheHoleFromTheMetersHourOfWeekProfile() throws IOException {
        List<Map<String, String>> estimates = rows("on/gap_estimates.csv");

        assertThat(estimates).hasSize(1);
        Map<String, String> estimate = estimates.get(0);
        assertThat(estimate.get("gap_start")).isEqualTo(HOLE_START.toString());
        assertThat(estimate.get("gap_end")).isEqualTo(HOLE_END.toString());
        assertThat(Double.parseDouble(estimate.get("gap_hours"))).isEqualTo(6.5);
        assertThat(estimate.get("method")).isEqualTo("hour-of-week-profile");
        // weeks 1 and 3 behind each hour of the second Wednesday's hole
        assertThat(estimate.get("min_observations")).isEqualTo("2");
        // The habit repeats every week, so whole hours come back exactly; the two quarter hours at
        // the ends get a quarter of their hour's mean, not their own value: well within 1%.
        double estimatedKwh = Double.parseDouble(estimate.get("estimated_kwh"));
        assertThat(estimatedKwh).isCloseTo(holeKwh, within(0.01 * holeKwh));

        List<Map<String, Object>> points =
                INFLUX.query("gaps_on", "SELECT * FROM data_gap_estimate");
        assertThat(points).hasSize(1);
        assertThat((Double) points.get(0).get("estimated_kwh"))
                .isCloseTo(estimatedKwh, within(1e-9));
        assertThat(points.get(0).get("method")).isEqualTo("hour-of-week-profile");
        assertThat(points.get(0).get("meter")).isEqualTo("home-1");
        // stamped like the gap's data_gap point: the first missing reading, one interval in
        assertThat(points.get(0).get("time"))
                .isEqualTo(HOLE_START.plus(Duration.ofMinutes(15)).toString());
        assertThat(INFLUX.query("gaps_on", "SELECT * FROM data_gap")).hasSize(1);

        assertThat(Files.readString(work.resolve("on/summary.txt")))
                .contains(
                        String.format(
                                Locale.ROOT,
                                "Long gaps: 1, of which 1 estimated from their meter's hour-of-week"
                                        + " profile: %.3f kWh, kept apart (gap estimates), not included"
                                        + " in any total.",
                                estimatedKwh));
    }

    @Test
    void shouldEstimateNothingWithoutTheOption() throws IOException {
        assertThat(work.resolve("off/gap_estimates.csv")).doesNotExist();
        assertThat(INFLUX.query("gaps_off", "SHOW MEASUREMENTS"))
                .extracting(row -> row.get("name"))
                .contains("data_gap")
                .doesNotContain("data_gap_estimate");
        assertThat(Files.readString(work.resolve("off/summary.txt"))).doesNotContain("Long gaps");
    }

    @Test
    void shouldLeaveTheEnergyAsItIs() throws IOException {
        for (String file :
                List.of("meter_aggregates.csv", "group_aggregates.csv", "data_gaps.csv")) {
            assertThat(sortedLines("on/" + file)).as(file).isEqualTo(sortedLines("off/" + file));
        }
        for (String database : List.of("gaps_on", "gaps_off")) {
            double dailyKwh =
                    ((Number)
                                    INFLUX.query(
                                                    database,
                                                    "SELECT SUM(energy_kwh) FROM meter_energy WHERE \"window\" = '1d'")
                                            .get(0)
                                            .get("sum"))
                            .doubleValue();
            // the file's energy, without the hole's
            assertThat(dailyKwh).as(database).isCloseTo(fileKwh, within(1e-6));
        }
    }

    private static int replay(String database, String output, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--csv",
                                work.resolve("home.csv").toString(),
                                "--map",
                                "timestamp=start",
                                "--map",
                                "timestamp-marks=start",
                                "--map",
                                "interval=PT15M",
                                "--map",
                                "value=kwh",
                                "--map",
                                "value-kind=interval-energy",
                                "--map",
                                "unit=kWh",
                                "--map",
                                "meter-id=home-1",
                                "--set",
                                "district.default-time-zone=Europe/Helsinki",
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
        return CommandLines.run(new ReplayJob(), args.toArray(String[]::new));
    }

    /** A CSV file's rows as column-to-value maps (no field of these files is quoted). */
    private static List<Map<String, String>> rows(String file) throws IOException {
        List<String> lines = Files.readAllLines(work.resolve(file));
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), fields[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** A file's lines in order: parallel writers may write the same rows in another order. */
    private static List<String> sortedLines(String file) throws IOException {
        return Files.readAllLines(work.resolve(file)).stream().sorted().toList();
    }
}
