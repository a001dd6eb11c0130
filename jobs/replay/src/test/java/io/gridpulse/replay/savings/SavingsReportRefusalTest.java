package io.gridpulse.replay.savings;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.replay.CommandLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Savings runs that could only give a meaningless figure end in one line and a non-zero exit. */
class SavingsReportRefusalTest {

    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);

    @TempDir Path results;

    private String err;

    @Test
    void shouldRefuseAReportingPeriodThatOverlapsTheBaseline() throws IOException {
        writeResults("D1", "D1", "00:00");
        assertThat(run("--baseline-end", "2024-12-30", "--reporting-start", "2024-12-01"))
                .isEqualTo(2);
        assertThat(err).contains("--reporting-start 2024-12-01 must come after --baseline-end");
        assertThat(err.lines()).hasSize(1);
    }

    @Test
    void shouldRefuseAReportingPeriodThatEndsBeforeItStarts() throws IOException {
        writeResults("D1", "D1", "00:00");
        assertThat(
                        run(
                                "--baseline-end", "2024-12-30",
                                "--reporting-start", "2025-01-05",
                                "--reporting-end", "2025-01-01"))
                .isEqualTo(2);
        assertThat(err).contains("--reporting-end 2025-01-01 is before --reporting-start");
    }

    @Test
    void shouldRefuseATimeZoneOtherThanTheReplays() throws IOException {
        writeResults("D1", "D1", "06:00"); // the replay's days began at 06:00 UTC: Chicago's
        assertThat(run("--baseline-end", "2024-12-30", "--reporting-start", "2025-01-01"))
                .isEqualTo(2);
        assertThat(err).contains("start at 06:00 in UTC, not at midnight");
        assertThat(err.lines()).hasSize(1);
    }

    @Test
    void shouldSayWhichDistrictsWeatherIsMissing() throws IOException {
        writeResults("D1", "D2", "00:00");
        assertThat(run("--baseline-end", "2024-12-30", "--reporting-start", "2025-01-01"))
                .isEqualTo(2);
        assertThat(err).contains("has no temperature for district D1 (it has D2)");
    }

    @Test
    void shouldNameTheMissingResultFile() throws IOException {
        writeResults("D1", "D1", "00:00");
        Files.delete(results.resolve("weather.csv"));
        assertThat(run("--baseline-end", "2024-12-30", "--reporting-start", "2025-01-01"))
                .isEqualTo(2);
        assertThat(err).contains("weather.csv is missing");
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--results", results.toString()));
        all.addAll(List.of("--time-zone", "UTC"));
        all.addAll(List.of(args));
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return CommandLines.run(new SavingsReport(), all.toArray(String[]::new));
        } finally {
            System.setErr(original);
            err = captured.toString(StandardCharsets.UTF_8).strip();
        }
    }

    /**
     * Two years of days of one meter in {@code meterDistrict}, weather for {@code weatherDistrict}.
     */
    private void writeResults(String meterDistrict, String weatherDistrict, String dayStartUtc)
            throws IOException {
        List<String> aggregates = new ArrayList<>();
        aggregates.add(
                "meterId,feederId,districtId,window,windowStart,windowEnd,energyKwh,completeness");
        List<String> weather = new ArrayList<>(List.of("districtId,time,temperatureC"));
        for (int d = 0; d < 730; d++) {
            LocalDate date = FIRST.plusDays(d);
            String start = date + "T" + dayStartUtc + ":00Z";
            String end = date.plusDays(1) + "T" + dayStartUtc + ":00Z";
            aggregates.add(
                    String.join(",", "m1", "f1", meterDistrict, "DAY", start, end, "10.0", "1.0"));
            weather.add(weatherDistrict + "," + date + "T12:00:00Z,5.0");
        }
        Files.write(results.resolve("meter_aggregates.csv"), aggregates);
        Files.write(results.resolve("weather.csv"), weather);
    }
}
