package io.gridpulse.tools.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoSummaryTest {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static final Instant MIDNIGHT =
            Instant.parse("2026-01-11T22:00:00Z"); // Mon 12 Jan 00:00 in Helsinki

    private static List<DistrictHour> hours(int count, double kwh) {
        List<DistrictHour> hours = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            hours.add(
                    new DistrictHour(
                            "D01", MIDNIGHT.plus(Duration.ofHours(i)), kwh, 2 * kwh + i % 24, 10));
        }
        return hours;
    }

    private static String print(List<DistrictHour> measured, List<DistrictHour> truth) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DemoSummary.print(
                new PrintStream(bytes, true, StandardCharsets.UTF_8),
                measured,
                truth,
                HELSINKI,
                0.001,
                "http://127.0.0.1:8086",
                "db",
                Map.of(),
                "");
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintARowPerHourForUpToTwoDays() {
        String printed = print(hours(24, 1.5), hours(24, 1.5));

        assertThat(printed)
                .contains("District D01 (hours in Europe/Helsinki)")
                .containsPattern("Mon 12 Jan 23:00 +1\\.500 +1\\.500 +0\\.0000 +26\\.00 +10/10")
                .containsPattern("day total +36\\.000 +36\\.000 +0\\.0000 +OK");
    }

    @Test
    void shouldPrintARowPerLocalDayForLongerRunsWithMissingHoursNoted() {
        List<DistrictHour> measured = new ArrayList<>(hours(72, 1.0));
        measured.remove(30); // Tue 13 Jan 06:00

        String printed = print(measured, hours(72, 1.0));

        assertThat(printed)
                .contains("District D01 (days in Europe/Helsinki)")
                .containsPattern("Mon 12 Jan +24\\.000 +24\\.000 +0\\.0000 +25\\.00 +10/10 *\\R")
                .containsPattern(
                        "Tue 13 Jan +23\\.000 +24\\.000 +-4\\.1667 +25\\.00 +10/10 +1 h missing")
                .containsPattern("total +71\\.000 +72\\.000 .* MISMATCH")
                .doesNotContain("Mon 12 Jan 01:00");
    }
}
