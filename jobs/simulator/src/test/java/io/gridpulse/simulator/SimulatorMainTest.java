package io.gridpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.schema.MeterReading;
import io.gridpulse.simulator.anomaly.AnomalyLedgerCsv;
import io.gridpulse.simulator.anomaly.InjectedAnomaly;
import io.gridpulse.simulator.savings.SavingsTruth;
import io.gridpulse.simulator.savings.SavingsTruthCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulatorMainTest {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    @Test
    void shouldReadStartAsInstantLocalDateTimeOrDate() {
        assertThat(SimulatorMain.parseStart("2026-01-11T22:00:00Z", HELSINKI))
                .isEqualTo(Instant.parse("2026-01-11T22:00:00Z"));
        assertThat(SimulatorMain.parseStart("2026-01-12T00:00", HELSINKI))
                .isEqualTo(Instant.parse("2026-01-11T22:00:00Z"));
        assertThat(SimulatorMain.parseStart("2026-07-01", HELSINKI))
                .isEqualTo(Instant.parse("2026-06-30T21:00:00Z"));
        assertThat(SimulatorMain.parseStart(null, ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2026-01-12T00:00:00Z"));
        assertThatThrownBy(() -> SimulatorMain.parseStart("yesterday", HELSINKI))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldWriteAnAvroFileAndTheGroundTruth(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("readings.avro");
        Path truth = dir.resolve("truth");

        int exit =
                execute(
                        "--households",
                        "12",
                        "--feeders",
                        "4",
                        "--districts",
                        "2",
                        "--duration",
                        "PT2H",
                        "--output-file",
                        file.toString(),
                        "--truth-dir",
                        truth.toString(),
                        "--progress-seconds",
                        "60");

        assertThat(exit).isZero();
        long count = 0;
        try (DataFileReader<MeterReading> reader =
                new DataFileReader<>(
                        file.toFile(), new SpecificDatumReader<>(MeterReading.class))) {
            for (MeterReading ignored : reader) {
                count++;
            }
        }
        assertThat(count).isEqualTo(12 * 121);
        assertThat(Files.readAllLines(truth.resolve("district-hourly.csv"))).hasSize(1 + 2 * 2);
        assertThat(truth.resolve("meter-hourly.csv")).exists();
        assertThat(truth.resolve("households.csv")).exists();
    }

    @Test
    void shouldInjectFaultsAndWriteTheirLedgerNextToTheTruth(@TempDir Path dir) throws IOException {
        Path truth = dir.resolve("truth");

        int exit =
                execute(
                        "--households",
                        "40",
                        "--feeders",
                        "4",
                        "--districts",
                        "2",
                        "--duration",
                        "PT6H",
                        "--output-file",
                        dir.resolve("readings.avro").toString(),
                        "--truth-dir",
                        truth.toString(),
                        "--faults",
                        "--fault-meters-per-kind",
                        "2",
                        "--progress-seconds",
                        "60");

        assertThat(exit).isZero();
        List<String> faults = Files.readAllLines(truth.resolve("faults.csv"));
        // 17 kinds on 2 meters each; GARBAGE is skipped (a file cannot hold raw records) but
        // listed.
        assertThat(faults).hasSize(1 + 17 * 2);
        assertThat(faults)
                .filteredOn(line -> line.startsWith("GARBAGE,"))
                .allSatisfy(line -> assertThat(line).contains(",skipped,"));
        assertThat(truth.resolve("district-hourly.csv")).exists();
    }

    @Test
    void shouldRefuseFaultOptionsThatCannotWork() {
        assertThat(execute("--households", "40", "--dry-run", "--fault-meters-per-kind", "2"))
                .isEqualTo(2);
        assertThat(execute("--households", "16", "--dry-run", "--faults")).isEqualTo(2);
        assertThat(execute("--households", "40", "--duration", "PT3H", "--dry-run", "--faults"))
                .isEqualTo(2);
    }

    @Test
    void shouldInjectAnomaliesAndWriteTheirLedgerNextToTheTruth(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("readings.avro");
        Path truth = dir.resolve("truth");

        int exit =
                execute(
                        "--households",
                        "40",
                        "--feeders",
                        "8",
                        "--districts",
                        "2",
                        "--duration",
                        "P3D",
                        "--interval",
                        "PT15M",
                        "--output-file",
                        file.toString(),
                        "--truth-dir",
                        truth.toString(),
                        "--anomalies",
                        "--anomaly-meters-per-type",
                        "2",
                        "--anomaly-warm-up",
                        "P1D",
                        "--progress-seconds",
                        "60");

        // Exit 0: silent meters and outages send fewer readings, and the run still counts as
        // complete.
        assertThat(exit).isZero();
        List<InjectedAnomaly> anomalies = AnomalyLedgerCsv.read(truth.resolve("anomalies.csv"));
        assertThat(anomalies).hasSize(6 * 2 + 1);
        Instant warmUpEnd = Instant.parse("2026-01-12T22:00:00Z");
        assertThat(anomalies).allSatisfy(a -> assertThat(a.start()).isAfterOrEqualTo(warmUpEnd));
        long count = 0;
        try (DataFileReader<MeterReading> reader =
                new DataFileReader<>(
                        file.toFile(), new SpecificDatumReader<>(MeterReading.class))) {
            for (MeterReading r : reader) {
                count++;
                assertThat(anomalies)
                        .noneMatch(
                                a ->
                                        a.type().silences()
                                                && a.concerns(r.getMeterId(), r.getFeederId())
                                                && a.affects(r.getTimestamp()));
            }
        }
        assertThat(count).isLessThan(40 * (3 * 96 + 1));
    }

    @Test
    void shouldRefuseAnomalyOptionsThatCannotWork() {
        assertThat(execute("--households", "40", "--dry-run", "--anomaly-meters-per-type", "2"))
                .isEqualTo(2);
        assertThat(execute("--households", "40", "--dry-run", "--anomaly-warm-up", "P2D"))
                .isEqualTo(2);
        assertThat(
                        execute(
                                "--households",
                                "400",
                                "--duration",
                                "P16D",
                                "--dry-run",
                                "--anomalies",
                                "--faults"))
                .isEqualTo(2);
        // The default P14D warm-up does not fit into the default day.
        assertThat(execute("--households", "40", "--dry-run", "--anomalies")).isEqualTo(2);
    }

    @Test
    void shouldWriteTheSavingsTruthOfAReductionInTheChosenClimateAndMix(@TempDir Path dir)
            throws IOException {
        Path truth = dir.resolve("truth");

        int exit =
                execute(
                        "--households",
                        "8",
                        "--feeders",
                        "2",
                        "--districts",
                        "2",
                        "--zone",
                        "America/Phoenix",
                        "--climate",
                        "hot-summer",
                        "--household-mix",
                        "cooling-heavy",
                        "--start",
                        "2025-07-01",
                        "--duration",
                        "P2D",
                        "--interval",
                        "PT1H",
                        "--reduction",
                        "0.15",
                        "--reduction-from",
                        "2025-07-02",
                        "--reduction-districts",
                        "D01",
                        "--dry-run",
                        "--truth-dir",
                        truth.toString(),
                        "--progress-seconds",
                        "60");

        assertThat(exit).isZero();
        List<SavingsTruth> savings = SavingsTruthCsv.read(truth);
        assertThat(savings).extracting(SavingsTruth::districtId).containsExactly("D01", "D02");
        assertThat(savings.get(0).from()).isEqualTo(Instant.parse("2025-07-02T07:00:00Z"));
        assertThat(savings.get(0).savingsFraction()).isCloseTo(0.15, within(1e-6));
        assertThat(savings.get(1).savingsFraction()).isZero();
        // July in the desert: the air-conditioned households use far more than a Nordic July's.
        assertThat(savings.get(1).withoutKwh()).isGreaterThan(4 * 20.0);
    }

    @Test
    void shouldRefuseClimatesAndMixesItDoesNotKnow() {
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new SimulatorMain());
        cmd.setErr(new PrintWriter(err));

        assertThat(cmd.execute("--dry-run", "--climate", "tropic")).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("unknown climate 'tropic'; one of nordic, hot-summer\n");
        assertThat(execute("--dry-run", "--household-mix", "gas")).isEqualTo(2);
        assertThat(execute("--dry-run", "--reduction", "1.5", "--reduction-from", "2026-01-12"))
                .isEqualTo(2);
        assertThat(execute("--dry-run", "--reduction", "0.1", "--reduction-from", "soon"))
                .isEqualTo(2);
    }

    @Test
    void shouldRefuseToRunWithoutAnOutput() {
        assertThat(execute("--households", "1")).isEqualTo(2);
    }

    @Test
    void shouldRefuseAnImpossibleTopologyAsAUsageError() {
        assertThat(execute("--feeders", "2", "--districts", "3", "--dry-run")).isEqualTo(2);
    }

    private static int execute(String... args) {
        CommandLine cmd = new CommandLine(new SimulatorMain());
        cmd.setErr(new PrintWriter(new StringWriter()));
        return cmd.execute(args);
    }
}
