package io.gridpulse.simulator.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.simulator.CsvCells;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyLedgerTest {

    private static final Instant T0 = Instant.parse("2026-01-26T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-26T10:30:00Z");

    private static AnomalyLedger ledger;

    @BeforeAll
    static void runWithAnomalies() {
        ledger = AnomalyFixtures.anomalous().ledger();
    }

    @Test
    void shouldWriteOneRowPerAnomalySortedByStartThenSubjectAndReadThemBack(@TempDir Path dir)
            throws IOException {
        ledger.writeCsv(dir.resolve("truth"));
        Path file = dir.resolve("truth").resolve(AnomalyLedger.CSV_FILE);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0))
                .isEqualTo("type,meter_id,feeder_id,district_id,start,end,extra_w,detail");
        assertThat(lines).hasSize(1 + 6 * 3 + 1);
        InjectedAnomaly spike = ledger.anomalies(AnomalyKind.SPIKE).get(0);
        assertThat(lines)
                .contains(
                        String.join(
                                ",",
                                "SPIKE",
                                spike.meterId(),
                                spike.feederId(),
                                spike.districtId(),
                                spike.start().toString(),
                                spike.end().toString(),
                                Double.toString(spike.extraW()),
                                "\"" + spike.detail() + "\""));
        assertThat(lines)
                .filteredOn(line -> line.startsWith("FEEDER_OUTAGE,"))
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith("FEEDER_OUTAGE,,D"));

        List<InjectedAnomaly> read = AnomalyLedgerCsv.read(file);
        assertThat(read).isEqualTo(ledger.anomalies());
        assertThat(read)
                .isSortedAccordingTo(
                        Comparator.comparing(InjectedAnomaly::start)
                                .thenComparing(InjectedAnomaly::subject));
        AnomalyLedger again = AnomalyLedger.read(file, ledger.config());
        assertThat(again.cleanHouseholdDays()).isEqualTo(ledger.cleanHouseholdDays());
        assertThat(again.readingsNotSent()).isEqualTo(ledger.readingsNotSent());
        assertThat(again.summaryLine()).isEqualTo(ledger.summaryLine());
    }

    @Test
    void shouldQuoteDetailsAndLeaveTheMeterOfAFeederOutageEmpty(@TempDir Path dir) {
        AnomalyConfig config = AnomalyFixtures.anomalies(AnomalyFixtures.simulation());
        AnomalyLedger small =
                new AnomalyLedger(
                        config,
                        List.of(
                                new InjectedAnomaly(
                                        AnomalyKind.VOLTAGE,
                                        "M000002",
                                        "D02-F01",
                                        "D02",
                                        T1,
                                        T1.plusSeconds(1800),
                                        0.0,
                                        "high, \"very\""),
                                new InjectedAnomaly(
                                        AnomalyKind.FEEDER_OUTAGE,
                                        null,
                                        "D01-F01",
                                        "D01",
                                        T0,
                                        T1,
                                        -1234.5,
                                        "cut")));
        small.writeCsv(dir);

        assertThat(Files.exists(dir.resolve(AnomalyLedger.CSV_FILE))).isTrue();
        assertThat(AnomalyLedgerCsv.read(dir.resolve(AnomalyLedger.CSV_FILE)))
                .isEqualTo(small.anomalies());
        assertThat(small.anomalies().get(0).type()).isEqualTo(AnomalyKind.FEEDER_OUTAGE);
        assertThat(CsvCells.split("VOLTAGE,M000002,D02-F01,D02,a,b,0.0,\"high, \"\"very\"\"\""))
                .containsExactly(
                        "VOLTAGE", "M000002", "D02-F01", "D02", "a", "b", "0.0", "high, \"very\"");
        // Meter M000001 is on feeder D01-F01 (of 8): the outage is its anomaly too.
        assertThat(small.anomalyOf("M000001"))
                .map(InjectedAnomaly::type)
                .contains(AnomalyKind.FEEDER_OUTAGE);
        assertThat(small.isClean("M000003")).isTrue();
        assertThat(small.readingsNotSent()).isEqualTo(6 * 5);
        assertThat(small.cleanHouseholdDays()).isEqualTo((40 - 5 - 1) * 2.0);
    }

    @Test
    void shouldRefuseAFileThatIsNotALedger(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("faults.csv"), "kind,meter_id\n");

        assertThatThrownBy(() -> AnomalyLedgerCsv.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an anomaly ledger");
    }

    @Test
    void shouldAffectTheReadingsAfterStartUpToAndIncludingEnd() {
        InjectedAnomaly a =
                new InjectedAnomaly(
                        AnomalyKind.SPIKE, "M000001", "D01-F01", "D01", T0, T1, 4000, "x");

        assertThat(a.affects(T0)).isFalse();
        assertThat(a.affects(T0.plusSeconds(300))).isTrue();
        assertThat(a.affects(T1)).isTrue();
        assertThat(a.affects(T1.plusSeconds(300))).isFalse();
        assertThat(a.subject()).isEqualTo("M000001");
        assertThatThrownBy(
                        () ->
                                new InjectedAnomaly(
                                        AnomalyKind.FEEDER_OUTAGE,
                                        "M000001",
                                        "D01-F01",
                                        "D01",
                                        T0,
                                        T1,
                                        0,
                                        "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                new InjectedAnomaly(
                                        AnomalyKind.SPIKE,
                                        "M000001",
                                        "D01-F01",
                                        "D01",
                                        T1,
                                        T0,
                                        0,
                                        "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
