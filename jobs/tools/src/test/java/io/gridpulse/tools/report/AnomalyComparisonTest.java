package io.gridpulse.tools.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.simulator.anomaly.AnomalyKind;
import io.gridpulse.simulator.anomaly.InjectedAnomaly;
import io.gridpulse.tools.report.AnomalyComparison.Counts;
import io.gridpulse.tools.report.AnomalyComparison.Found;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnomalyComparisonTest {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    private static InjectedAnomaly injected(
            String type, String meter, String feeder, String start, String end) {
        return new InjectedAnomaly(
                AnomalyKind.valueOf(type),
                meter,
                feeder,
                feeder.substring(0, 3),
                Instant.parse(start),
                Instant.parse(end),
                0,
                "injected " + type);
    }

    private static Found found(String type, String meter, String feeder, String start, String end) {
        return new Found(
                type,
                meter,
                feeder,
                Instant.parse(start),
                end == null ? null : Instant.parse(end),
                "found " + type);
    }

    @Test
    void shouldMatchTheSameTypeAndMeterOverlappingInTimeWithAnHourOfSlack() {
        InjectedAnomaly spike =
                injected(
                        "SPIKE",
                        "M000001",
                        "D01-F01",
                        "2026-01-30T10:00:00Z",
                        "2026-01-30T10:30:00Z");

        assertThat(
                        AnomalyComparison.matches(
                                spike,
                                found(
                                        "SPIKE",
                                        "M000001",
                                        "D01-F01",
                                        "2026-01-30T10:15:00Z",
                                        "2026-01-30T10:30:00Z")))
                .isTrue();
        // Within the slack: starts an hour after the end, ends an hour before the start.
        assertThat(
                        AnomalyComparison.matches(
                                spike,
                                found(
                                        "SPIKE",
                                        "M000001",
                                        "D01-F01",
                                        "2026-01-30T11:30:00Z",
                                        "2026-01-30T11:45:00Z")))
                .isTrue();
        assertThat(
                        AnomalyComparison.matches(
                                spike,
                                found(
                                        "SPIKE",
                                        "M000001",
                                        "D01-F01",
                                        "2026-01-30T08:45:00Z",
                                        "2026-01-30T09:00:00Z")))
                .isTrue();
        // Beyond it, another meter, another type.
        assertThat(
                        AnomalyComparison.matches(
                                spike,
                                found(
                                        "SPIKE",
                                        "M000001",
                                        "D01-F01",
                                        "2026-01-30T11:45:00Z",
                                        "2026-01-30T12:00:00Z")))
                .isFalse();
        assertThat(
                        AnomalyComparison.matches(
                                spike,
                                found(
                                        "SPIKE",
                                        "M000002",
                                        "D01-F01",
                                        "2026-01-30T10:15:00Z",
                                        "2026-01-30T10:30:00Z")))
                .isFalse();
        assertThat(
                        AnomalyComparison.matches(
                                spike,
                                found(
                                        "SUSTAINED_HIGH",
                                        "M000001",
                                        "D01-F01",
                                        "2026-01-30T10:00:00Z",
                                        "2026-01-30T12:00:00Z")))
                .isFalse();
        // Still open: no end, so it overlaps everything after its start.
        assertThat(
                        AnomalyComparison.matches(
                                spike,
                                found("SPIKE", "M000001", "D01-F01", "2026-01-30T07:00:00Z", null)))
                .isTrue();
    }

    @Test
    void shouldMatchAFeederOutageByItsFeederAndOnlyWithoutAMeter() {
        InjectedAnomaly outage =
                injected(
                        "FEEDER_OUTAGE",
                        null,
                        "D02-F03",
                        "2026-01-30T16:00:00Z",
                        "2026-01-30T17:30:00Z");

        assertThat(
                        AnomalyComparison.matches(
                                outage,
                                found(
                                        "FEEDER_OUTAGE",
                                        null,
                                        "D02-F03",
                                        "2026-01-30T16:05:00Z",
                                        "2026-01-30T17:35:00Z")))
                .isTrue();
        assertThat(
                        AnomalyComparison.matches(
                                outage,
                                found(
                                        "FEEDER_OUTAGE",
                                        null,
                                        "D02-F04",
                                        "2026-01-30T16:05:00Z",
                                        "2026-01-30T17:35:00Z")))
                .isFalse();
        assertThat(
                        AnomalyComparison.matches(
                                outage,
                                found(
                                        "FEEDER_OUTAGE",
                                        "M000042",
                                        "D02-F03",
                                        "2026-01-30T16:05:00Z",
                                        "2026-01-30T17:35:00Z")))
                .isFalse();
    }

    @Test
    void shouldCountPerTypeAndListWhatWasNotInjectedAndWhatWasMissed() {
        List<InjectedAnomaly> injected =
                List.of(
                        injected(
                                "SPIKE",
                                "M000001",
                                "D01-F01",
                                "2026-01-30T10:00:00Z",
                                "2026-01-30T10:30:00Z"),
                        injected(
                                "SPIKE",
                                "M000002",
                                "D01-F01",
                                "2026-01-31T10:00:00Z",
                                "2026-01-31T10:30:00Z"),
                        injected(
                                "FEEDER_OUTAGE",
                                null,
                                "D02-F03",
                                "2026-01-30T16:00:00Z",
                                "2026-01-30T17:30:00Z"),
                        injected(
                                "VOLTAGE",
                                "M000003",
                                "D01-F02",
                                "2026-02-01T08:00:00Z",
                                "2026-02-01T09:00:00Z"));
        List<Found> found =
                List.of(
                        // The first spike, found twice (two runs): both match it.
                        found(
                                "SPIKE",
                                "M000001",
                                "D01-F01",
                                "2026-01-30T10:00:00Z",
                                "2026-01-30T10:15:00Z"),
                        found(
                                "SPIKE",
                                "M000001",
                                "D01-F01",
                                "2026-01-30T10:30:00Z",
                                "2026-01-30T10:45:00Z"),
                        found("FEEDER_OUTAGE", null, "D02-F03", "2026-01-30T16:00:00Z", null),
                        // Nothing injected there.
                        found(
                                "METER_SILENT",
                                "M000009",
                                "D01-F01",
                                "2026-01-29T03:00:00Z",
                                "2026-01-29T05:00:00Z"),
                        // Another type than injected on that meter at that time: not a match, but
                        // said so in the list.
                        found(
                                "HIGH_BASE_LOAD",
                                "M000002",
                                "D01-F01",
                                "2026-01-31T09:00:00Z",
                                "2026-01-31T11:00:00Z"));

        AnomalyComparison comparison = AnomalyComparison.of(injected, found);

        assertThat(comparison.byType())
                .containsOnlyKeys(
                        "FEEDER_OUTAGE", "HIGH_BASE_LOAD", "METER_SILENT", "SPIKE", "VOLTAGE");
        assertThat(comparison.byType().get("SPIKE")).isEqualTo(new Counts(2, 2, 2, 1));
        assertThat(comparison.byType().get("FEEDER_OUTAGE")).isEqualTo(new Counts(1, 1, 1, 0));
        assertThat(comparison.byType().get("METER_SILENT")).isEqualTo(new Counts(0, 1, 0, 0));
        assertThat(comparison.byType().get("VOLTAGE")).isEqualTo(new Counts(1, 0, 0, 1));
        assertThat(comparison.byType().get("HIGH_BASE_LOAD")).isEqualTo(new Counts(0, 1, 0, 0));
        assertThat(comparison.notInjected())
                .extracting(Found::meterId)
                .containsExactly("M000009", "M000002");
        assertThat(comparison.notFound())
                .extracting(InjectedAnomaly::meterId)
                .containsExactly("M000002", "M000003");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        comparison.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), HELSINKI);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .containsPattern("SPIKE +2 +2 +2 +0 +1")
                .containsPattern("METER_SILENT +0 +1 +0 +1 +0")
                .containsPattern("total +4 +5 +3 +2 +2")
                .contains("Detected 2 of 4 injected; 3 of 5 found match an injected one.")
                .contains("Found but not injected: 2 (times in Europe/Helsinki)")
                .contains(
                        "METER_SILENT       M000009          2026-01-29 05:00 - 2026-01-29 07:00  found METER_SILENT\n")
                .contains(
                        "HIGH_BASE_LOAD     M000002          2026-01-31 11:00 - 2026-01-31 13:00  found HIGH_BASE_LOAD"
                                + "  [injected there: SPIKE]")
                .contains("Injected but not found: 2 (times in Europe/Helsinki)")
                .contains(
                        "VOLTAGE            M000003          2026-02-01 10:00 - 2026-02-01 11:00  injected VOLTAGE");
    }

    @Test
    void shouldListAtMostTenOfEachSide() {
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            found.add(
                    found(
                            "SPIKE",
                            "M0000" + (10 + i),
                            "D01-F01",
                            "2026-01-30T10:00:00Z",
                            "2026-01-30T10:15:00Z"));
        }

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AnomalyComparison.of(List.of(), found)
                .print(new PrintStream(bytes, true, StandardCharsets.UTF_8), HELSINKI);
        String printed = bytes.toString(StandardCharsets.UTF_8);

        assertThat(printed)
                .contains("Found but not injected: 12, the first 10")
                .doesNotContain("Injected but not found")
                .contains("M000019")
                .doesNotContain("M000020");
    }
}
