package io.gridpulse.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.schema.DeadLetterReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultLedgerTest {

    private static FaultLedger ledger;

    @BeforeAll
    static void runFaulty() {
        ledger = FaultFixtures.faulty(FaultFixtures.faults(FaultFixtures.simulation())).ledger();
    }

    @Test
    void shouldWriteOneRowPerFaultWithItsExpectedOutcome(@TempDir Path dir) throws IOException {
        ledger.writeCsv(dir.resolve("truth"));

        List<String> lines = Files.readAllLines(dir.resolve("truth").resolve(FaultLedger.CSV_FILE));
        assertThat(lines.get(0)).isEqualTo(FaultLedgerCsv.HEADER);
        assertThat(lines).hasSize(1 + ledger.faults().size());
        InjectedFault late = ledger.faults(FaultKind.LATE).get(0);
        assertThat(lines)
                .anySatisfy(
                        line ->
                                assertThat(line)
                                        .startsWith(
                                                String.join(
                                                        ",",
                                                        "LATE",
                                                        late.meterId(),
                                                        late.feederId(),
                                                        late.districtId(),
                                                        "injected",
                                                        late.from().toString(),
                                                        late.to().toString(),
                                                        "LATE",
                                                        "0",
                                                        "0",
                                                        "0",
                                                        "EXACT",
                                                        "0.0",
                                                        "\"identical copy")));
        assertThat(lines)
                .anySatisfy(
                        line ->
                                assertThat(line)
                                        .startsWith("ROLLOVER,")
                                        .contains(",,1,0,0,EXACT,"));
    }

    @Test
    void shouldReadBackTheInjectedFaultsItWrote(@TempDir Path dir) {
        ledger.writeCsv(dir);

        assertThat(FaultLedgerCsv.readInjected(dir.resolve(FaultLedger.CSV_FILE)))
                .isEqualTo(ledger.faults());
    }

    @Test
    void shouldListSkippedFaultsInTheCsvToo(@TempDir Path dir) throws IOException {
        FaultLedger withSkipped = new FaultLedger();
        withSkipped.skip(
                new SkippedFault(
                        FaultKind.GARBAGE,
                        "M000001",
                        "D01-F01",
                        "D01",
                        "no raw records, \"file\""));
        withSkipped.writeCsv(dir);

        assertThat(Files.readAllLines(dir.resolve(FaultLedger.CSV_FILE)))
                .containsExactly(
                        FaultLedgerCsv.HEADER,
                        "GARBAGE,M000001,D01-F01,D01,skipped,,,,,,,,,\"no raw records, \"\"file\"\"\"");
        assertThat(FaultLedgerCsv.readInjected(dir.resolve(FaultLedger.CSV_FILE))).isEmpty();
    }

    @Test
    void shouldSummariseEachKindOnOneLine() {
        List<String> lines = ledger.summaryLines();

        assertThat(lines).hasSize(FaultKind.values().length);
        assertThat(lines.get(0))
                .startsWith("fault GARBAGE:")
                .contains("2 meters", "2 dead letters UNDECODABLE");
        assertThat(lines)
                .anySatisfy(
                        line ->
                                assertThat(line)
                                        .startsWith("fault ROLLOVER:")
                                        .contains("2 rollovers"));
        assertThat(lines)
                .anySatisfy(
                        line ->
                                assertThat(line)
                                        .startsWith("fault GAP_LONG:")
                                        .contains("readings not sent"));
        assertThat(lines)
                .anySatisfy(
                        line ->
                                assertThat(line)
                                        .startsWith("fault FROZEN:")
                                        .contains("frozen flags"));
    }

    @Test
    void shouldCountExpectedOutcomesFromTheFaults() {
        FaultLedger small = new FaultLedger();
        small.record(
                fault(FaultKind.DUPLICATE, ExpectedOutcome.rejected(DeadLetterReason.DUPLICATE)));
        small.record(
                fault(
                        FaultKind.METER_SWAP,
                        new ExpectedOutcome(null, 0, 1, 0, EnergyEffect.ESTIMATED, 0)));
        small.record(
                fault(
                        FaultKind.FROZEN,
                        new ExpectedOutcome(null, 0, 1, 1, EnergyEffect.LOST, 12.5)));
        small.countCleanReading();
        small.countCleanReading();
        small.countExtraRecord();

        assertThat(small.expectedDeadLetters())
                .containsExactly(Map.entry(DeadLetterReason.DUPLICATE, 1L));
        assertThat(small.expectedNewEpochs()).isEqualTo(2);
        assertThat(small.expectedFrozenFlags()).isEqualTo(1);
        assertThat(small.sent()).isEqualTo(3);
        assertThat(small.extraRecordsSent()).isEqualTo(1);
        assertThat(small.faultOf("M000001")).isPresent();
        assertThat(small.faults().get(2).expected().describe())
                .isEqualTo("accepted, 1 new epoch, 1 frozen flag, energy LOST (12.500 Wh)");
    }

    private static InjectedFault fault(FaultKind kind, ExpectedOutcome expected) {
        Instant at = Instant.parse("2026-01-12T10:00:00Z");
        return new InjectedFault(kind, "M000001", "D01-F01", "D01", at, at, expected, "test");
    }
}
