package io.gridpulse.simulator.fault;

import static io.gridpulse.simulator.fault.FaultFixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.simulator.CollectingSink;
import io.gridpulse.simulator.KafkaReadingSink;
import io.gridpulse.simulator.ReadingSink;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.fault.FaultFixtures.Run;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

    private static final double WIDTH_WH = JobLimits.defaults().registerWidthWh();
    private static final Set<FaultKind> EXTRA_RECORD_KINDS =
            EnumSet.of(
                    FaultKind.GARBAGE,
                    FaultKind.MISSING_ID,
                    FaultKind.MALFORMED_ID,
                    FaultKind.MALFORMED_VALUE,
                    FaultKind.FUTURE_TIMESTAMP,
                    FaultKind.ANCIENT_TIMESTAMP,
                    FaultKind.NEGATIVE_POWER,
                    FaultKind.POWER_TOO_HIGH,
                    FaultKind.DUPLICATE,
                    FaultKind.CONFLICTING_DUPLICATE,
                    FaultKind.LATE);

    private static SimulationConfig simulation;
    private static FaultConfig config;
    private static Run clean;
    private static Run faulty;

    @BeforeAll
    static void runOnceCleanAndOnceFaulty() {
        simulation = FaultFixtures.simulation();
        config = FaultFixtures.faults(simulation);
        clean = FaultFixtures.clean(simulation);
        faulty = FaultFixtures.faulty(config);
    }

    @Test
    void shouldInjectEveryKindOnThePlannedMetersEachMeterOnce() {
        FaultLedger ledger = faulty.ledger();
        assertThat(config.metersPerKind()).isEqualTo(2);
        assertThat(ledger.skipped()).isEmpty();
        Map<FaultKind, Set<String>> planned =
                FaultPlanner.plan(config).stream()
                        .collect(
                                Collectors.groupingBy(
                                        PlannedFault::kind,
                                        Collectors.mapping(
                                                PlannedFault::meterId, Collectors.toSet())));
        for (FaultKind kind : FaultKind.values()) {
            assertThat(ledger.faults(kind))
                    .as(kind.name())
                    .hasSize(2)
                    .extracting(InjectedFault::meterId)
                    .containsExactlyInAnyOrderElementsOf(planned.get(kind));
        }
        List<String> meters = ledger.faults().stream().map(InjectedFault::meterId).toList();
        assertThat(new HashSet<>(meters)).hasSize(FaultKind.values().length * 2);
    }

    @Test
    void shouldPlaceFaultsBetweenTheFirstAndLastHourExceptRolloverFromTheStart() {
        Instant earliest = simulation.start().plus(Duration.ofHours(1));
        Instant latest = simulation.end().minus(Duration.ofHours(1));
        for (InjectedFault fault : faulty.ledger().faults()) {
            if (fault.kind() == FaultKind.ROLLOVER) {
                assertThat(fault.from()).isEqualTo(simulation.start());
            } else if (fault.kind() == FaultKind.LATE) {
                // The copied reading is two hours older than the time it is sent again, or the
                // run's first.
                assertThat(fault.to()).isBetween(earliest, latest);
                Instant twoHoursBack = fault.to().minus(Duration.ofHours(2));
                assertThat(fault.from())
                        .isEqualTo(
                                twoHoursBack.isBefore(simulation.start())
                                        ? simulation.start()
                                        : twoHoursBack);
            } else {
                assertThat(fault.from()).as(fault.toString()).isAfterOrEqualTo(earliest);
                assertThat(fault.to()).as(fault.toString()).isBeforeOrEqualTo(latest);
            }
        }
    }

    @Test
    void shouldSendCleanReadingsPlusOneRecordPerExpectedDeadLetter() {
        FaultLedger ledger = faulty.ledger();

        assertThat(ledger.sent())
                .isEqualTo(ledger.cleanReadingsSent() + ledger.expectedDeadLetterCount());
        assertThat(ledger.sent())
                .isEqualTo(faulty.readings().size() + faulty.sink().rawRecords().size());
        assertThat(ledger.cleanReadingsSent())
                .isEqualTo(simulation.expectedReadings() - ledger.missingReadings());
        assertThat(ledger.extraRecordsSent()).isEqualTo(EXTRA_RECORD_KINDS.size() * 2L);
        assertThat(ledger.expectedDeadLetters())
                .containsEntry(DeadLetterReason.UNDECODABLE, 2L)
                .containsEntry(DeadLetterReason.LATE, 2L)
                .containsEntry(DeadLetterReason.DUPLICATE, 2L)
                .containsEntry(DeadLetterReason.CONFLICTING_DUPLICATE, 2L)
                .hasSize(EXTRA_RECORD_KINDS.size());
        assertThat(ledger.expectedRollovers()).isEqualTo(2);
        assertThat(ledger.expectedNewEpochs())
                .isGreaterThanOrEqualTo(2); // the swaps, and maybe frozen catch-ups
        assertThat(ledger.expectedFrozenFlags()).isLessThanOrEqualTo(2);
    }

    @Test
    void shouldLeaveTheGroundTruthAlone() {
        assertThat(faulty.truth().readings()).isEqualTo(clean.truth().readings());
        assertThat(faulty.truth().hourStarts()).isEqualTo(clean.truth().hourStarts());
        for (String meter : clean.truth().topology().meterIds()) {
            for (Instant hour : clean.truth().hourStarts()) {
                assertThat(faulty.truth().meterHourKwh(meter, hour))
                        .isEqualTo(clean.truth().meterHourKwh(meter, hour));
            }
        }
    }

    @Test
    void shouldInjectTheSameFaultsForTheSameSeedAndOthersForAnother() {
        Run again = FaultFixtures.faulty(config);
        // Compared as encoded bytes: a NaN register (MALFORMED_VALUE) is not equal to itself.
        assertThat(again.readings()).hasSameSizeAs(faulty.readings());
        for (int i = 0; i < again.readings().size(); i++) {
            assertThat(KafkaReadingSink.encode(again.readings().get(i)))
                    .isEqualTo(KafkaReadingSink.encode(faulty.readings().get(i)));
        }
        assertThat(again.sink().rawRecords()).hasSameSizeAs(faulty.sink().rawRecords());
        for (int i = 0; i < again.sink().rawRecords().size(); i++) {
            assertThat(again.sink().rawRecords().get(i).value())
                    .isEqualTo(faulty.sink().rawRecords().get(i).value());
        }
        assertThat(again.ledger().faults()).isEqualTo(faulty.ledger().faults());

        Run otherSeed = FaultFixtures.faulty(config.withSeed(config.seed() + 1));
        assertThat(otherSeed.ledger().faults()).isNotEqualTo(faulty.ledger().faults());
    }

    @Test
    void shouldPassMetersWithoutFaultsThroughUntouched() {
        Set<String> faultyMeters =
                faulty.ledger().faults().stream()
                        .map(InjectedFault::meterId)
                        .collect(Collectors.toSet());
        Map<String, List<MeterReading>> cleanByMeter = clean.byMeter();
        Map<String, List<MeterReading>> faultyByMeter = faulty.byMeter();
        for (Map.Entry<String, List<MeterReading>> meter : cleanByMeter.entrySet()) {
            if (!faultyMeters.contains(meter.getKey())) {
                assertThat(faultyByMeter.get(meter.getKey())).isEqualTo(meter.getValue());
            }
        }
    }

    @Test
    void shouldFollowEachExtraRecordRightAfterTheReadingItBelongsTo() {
        for (InjectedFault fault : faulty.ledger().faults()) {
            if (!EXTRA_RECORD_KINDS.contains(fault.kind()) || fault.kind() == FaultKind.GARBAGE) {
                continue;
            }
            Instant sentAfter = fault.kind() == FaultKind.LATE ? fault.to() : fault.from();
            int original = faulty.indexOf(fault.meterId(), sentAfter);
            MeterReading reading = faulty.readings().get(original);
            MeterReading extra = faulty.readings().get(original + 1);
            MeterReading cleanReading =
                    clean.readings().get(clean.indexOf(fault.meterId(), fault.from()));
            assertExtraCarriesDefect(fault.kind(), extra, reading, cleanReading);
        }
    }

    private static void assertExtraCarriesDefect(
            FaultKind kind, MeterReading extra, MeterReading reading, MeterReading cleanAtFrom) {
        switch (kind) {
            case MISSING_ID -> assertThat(extra.getMeterId()).isEmpty();
            case MALFORMED_ID ->
                    assertThat(extra.getMeterId())
                            .startsWith(reading.getMeterId())
                            .contains(" ", "!");
            case MALFORMED_VALUE -> assertThat(extra.getActiveEnergyWh()).isNaN();
            case FUTURE_TIMESTAMP ->
                    assertThat(extra.getTimestamp())
                            .isEqualTo(CLOCK.instant().plus(Duration.ofDays(365)));
            case ANCIENT_TIMESTAMP ->
                    assertThat(extra.getTimestamp())
                            .isEqualTo(Instant.parse("1990-01-01T00:00:00Z"));
            case NEGATIVE_POWER -> assertThat(extra.getAveragePowerW()).isEqualTo(-100.0);
            case POWER_TOO_HIGH -> assertThat(extra.getAveragePowerW()).isEqualTo(50_000.0);
            case DUPLICATE -> assertThat(extra).isEqualTo(reading).isNotSameAs(reading);
            case CONFLICTING_DUPLICATE ->
                    assertThat(extra.getActiveEnergyWh())
                            .isEqualTo(reading.getActiveEnergyWh() + 1);
            case LATE -> assertThat(extra).isEqualTo(cleanAtFrom);
            default -> throw new AssertionError(kind);
        }
        if (kind != FaultKind.MISSING_ID && kind != FaultKind.MALFORMED_ID) {
            assertThat(extra.getMeterId()).isEqualTo(reading.getMeterId());
        }
        if (kind != FaultKind.LATE) {
            // Apart from the defect, the copy is the reading it follows.
            MeterReading repaired =
                    MeterReading.newBuilder(extra)
                            .setMeterId(reading.getMeterId())
                            .setTimestamp(reading.getTimestamp())
                            .setActiveEnergyWh(reading.getActiveEnergyWh())
                            .setAveragePowerW(reading.getAveragePowerW())
                            .build();
            assertThat(repaired).isEqualTo(reading);
        }
    }

    @Test
    void shouldSendGarbageUnderTheMeterKeyRightAfterItsReading() {
        List<CollectingSink.RawRecord> raw = faulty.sink().rawRecords();
        List<InjectedFault> garbage = faulty.ledger().faults(FaultKind.GARBAGE);
        assertThat(raw).hasSameSizeAs(garbage);
        for (InjectedFault fault : garbage) {
            CollectingSink.RawRecord record =
                    raw.stream()
                            .filter(r -> r.key().equals(fault.meterId()))
                            .findFirst()
                            .orElseThrow();
            assertThat(record.readingsBefore())
                    .isEqualTo(faulty.indexOf(fault.meterId(), fault.from()) + 1);
            assertThat(record.value().length)
                    .isBetween(GarbageFault.MIN_BYTES, GarbageFault.MAX_BYTES);
            assertThat(record.value()[0])
                    .isNotEqualTo((byte) 0xC3); // never the Avro single-object marker
        }
    }

    @Test
    void shouldSkipGarbageWhenTheSinkCannotCarryRawRecords() {
        ReadingSink readingsOnly = reading -> {};
        FaultInjector injector = FaultInjector.wrap(readingsOnly, config);
        new Simulation(simulation).run(injector);

        FaultLedger ledger = injector.ledger();
        assertThat(ledger.faults(FaultKind.GARBAGE)).isEmpty();
        assertThat(ledger.skipped())
                .hasSize(2)
                .allSatisfy(
                        s -> {
                            assertThat(s.kind()).isEqualTo(FaultKind.GARBAGE);
                            assertThat(s.reason()).contains("raw records");
                        });
        assertThat(ledger.expectedDeadLetters()).doesNotContainKey(DeadLetterReason.UNDECODABLE);
        assertThat(ledger.sent())
                .isEqualTo(ledger.cleanReadingsSent() + ledger.expectedDeadLetterCount());
    }

    @Test
    void shouldWrapTheRolloverRegisterAndKeepEveryDeltaModuloTheWidth() {
        for (InjectedFault fault : faulty.ledger().faults(FaultKind.ROLLOVER)) {
            List<MeterReading> reported = faulty.byMeter().get(fault.meterId());
            List<MeterReading> truth = clean.byMeter().get(fault.meterId());
            assertThat(reported).hasSameSizeAs(truth);
            assertThat(reported.get(0).getActiveEnergyWh())
                    .isEqualTo(WIDTH_WH - RolloverFault.HEADROOM_WH);
            int wraps = 0;
            for (int i = 1; i < reported.size(); i++) {
                double delta =
                        reported.get(i).getActiveEnergyWh()
                                - reported.get(i - 1).getActiveEnergyWh();
                if (delta < 0) {
                    wraps++;
                    assertThat(reported.get(i).getTimestamp()).isEqualTo(fault.to());
                    delta += WIDTH_WH;
                }
                double cleanDelta =
                        truth.get(i).getActiveEnergyWh() - truth.get(i - 1).getActiveEnergyWh();
                assertThat(delta)
                        .isEqualTo(cleanDelta); // exactly: registers are multiples of 1/1024 Wh
            }
            assertThat(wraps).isEqualTo(1);
            assertThat(fault.expected().rollovers()).isEqualTo(1);
        }
    }

    @Test
    void shouldRestartTheSwappedMeterNearZero() {
        for (InjectedFault fault : faulty.ledger().faults(FaultKind.METER_SWAP)) {
            List<MeterReading> reported = faulty.byMeter().get(fault.meterId());
            List<MeterReading> truth = clean.byMeter().get(fault.meterId());
            double trueAtSwap =
                    truth.stream()
                            .filter(r -> r.getTimestamp().equals(fault.from()))
                            .findFirst()
                            .orElseThrow()
                            .getActiveEnergyWh();
            for (int i = 0; i < truth.size(); i++) {
                double expected =
                        truth.get(i).getTimestamp().isBefore(fault.from())
                                ? truth.get(i).getActiveEnergyWh()
                                : truth.get(i).getActiveEnergyWh()
                                        - trueAtSwap
                                        + MeterSwapFault.NEW_METER_START_WH;
                assertThat(reported.get(i).getActiveEnergyWh()).isEqualTo(expected);
            }
            assertThat(fault.expected().newEpochs()).isEqualTo(1);
            assertThat(fault.expected().energy()).isEqualTo(EnergyEffect.ESTIMATED);
        }
    }

    @Test
    void shouldHoldTheFrozenRegisterForTwentyReadingsAndDecideTheOutcomeFromThePower() {
        JobLimits limits = JobLimits.defaults();
        for (InjectedFault fault : faulty.ledger().faults(FaultKind.FROZEN)) {
            List<MeterReading> reported = faulty.byMeter().get(fault.meterId());
            List<MeterReading> truth = clean.byMeter().get(fault.meterId());
            int first = indexAt(truth, fault.from());
            int last = indexAt(truth, fault.to());
            assertThat(last - first + 1).isEqualTo(FaultPlanner.FROZEN_READINGS);
            double stuck = truth.get(first - 1).getActiveEnergyWh();
            boolean powerAlwaysFlowed = true;
            for (int i = 0; i < truth.size(); i++) {
                boolean frozen = i >= first && i <= last;
                assertThat(reported.get(i).getActiveEnergyWh())
                        .isEqualTo(frozen ? stuck : truth.get(i).getActiveEnergyWh());
                assertThat(reported.get(i).getAveragePowerW())
                        .isEqualTo(truth.get(i).getAveragePowerW());
                powerAlwaysFlowed &=
                        !frozen || truth.get(i).getAveragePowerW() >= limits.frozenMinPowerW();
            }
            assertThat(fault.expected().frozenFlags()).isEqualTo(powerAlwaysFlowed ? 1 : 0);
            double catchUpWh = truth.get(last + 1).getActiveEnergyWh() - stuck;
            boolean plausible =
                    catchUpWh <= limits.maxPowerW() * 1.5 / 60; // one minute at 1.5 x max power
            assertThat(fault.expected().newEpochs()).isEqualTo(plausible ? 0 : 1);
            assertThat(fault.expected().energy())
                    .isEqualTo(plausible ? EnergyEffect.DEFERRED : EnergyEffect.LOST);
            if (!plausible) {
                double estimateWh = truth.get(last + 1).getAveragePowerW() / 60;
                assertThat(fault.expected().lostEnergyWh())
                        .isCloseTo(catchUpWh - estimateWh, offset(1e-9));
            }
        }
    }

    @Test
    void shouldLeaveOutEveryReadingOfAGapAndNothingElse() {
        List<Gap> gaps = faulty.ledger().gaps();
        assertThat(gaps).hasSize(4);
        for (Gap gap : gaps) {
            List<MeterReading> reported = faulty.byMeter().get(gap.meterId());
            List<MeterReading> truth = clean.byMeter().get(gap.meterId());
            List<MeterReading> expected =
                    truth.stream()
                            .filter(
                                    r ->
                                            r.getTimestamp().isBefore(gap.firstMissing())
                                                    || r.getTimestamp().isAfter(gap.lastMissing()))
                            .toList();
            assertThat(reported).isEqualTo(expected);
            assertThat(truth.size() - reported.size()).isEqualTo(gap.missingReadings());
            long minutes = Duration.between(gap.firstMissing(), gap.lastMissing()).toMinutes() + 1;
            assertThat(minutes).isEqualTo(gap.missingReadings());
            if (gap.kind() == FaultKind.GAP_SHORT) {
                assertThat(minutes).isBetween(10L, 60L);
            } else {
                assertThat(minutes).isBetween(90L, 180L);
            }
            assertThat(faulty.ledger().faultOf(gap.meterId()).orElseThrow().expected().energy())
                    .isEqualTo(EnergyEffect.DEFERRED);
        }
    }

    @Test
    void shouldSendTheHeldReadingRightAfterTheNextOneAndNeverFromAQuarterHour() {
        for (InjectedFault fault : faulty.ledger().faults(FaultKind.OUT_OF_ORDER)) {
            assertThat(fault.from().toEpochMilli() % Duration.ofMinutes(15).toMillis()).isNotZero();
            assertThat(fault.to()).isEqualTo(fault.from().plus(simulation.interval()));
            int held = faulty.indexOf(fault.meterId(), fault.from());
            int next = faulty.indexOf(fault.meterId(), fault.to());
            assertThat(held).isEqualTo(next + 1);
            assertThat(faulty.readings().get(held))
                    .isEqualTo(clean.readings().get(clean.indexOf(fault.meterId(), fault.from())));
            assertThat(fault.expected()).isEqualTo(ExpectedOutcome.accepted(EnergyEffect.EXACT));
        }
    }

    @Test
    void shouldNeverHoldAReadingBackFromAQuarterHourWhateverTheSeed() {
        for (long seed = 0; seed < 200; seed++) {
            for (PlannedFault plan :
                    FaultPlanner.plan(
                            config.withSeed(seed).withKinds(EnumSet.of(FaultKind.OUT_OF_ORDER)))) {
                long millis =
                        simulation.start().toEpochMilli()
                                + plan.step() * simulation.interval().toMillis();
                assertThat(millis % Duration.ofMinutes(15).toMillis()).isNotZero();
            }
        }
    }

    @Test
    void shouldSkipOutOfOrderWhenEveryReadingIsOnAQuarterHour() {
        SimulationConfig quarterly = simulation.withInterval(Duration.ofMinutes(15));
        FaultConfig outOfOrderOnly =
                new FaultConfig(
                        quarterly,
                        7L,
                        2,
                        EnumSet.of(FaultKind.OUT_OF_ORDER),
                        JobLimits.defaults(),
                        CLOCK);
        FaultInjector injector = FaultInjector.wrap(new CollectingSink(), outOfOrderOnly);
        new Simulation(quarterly).run(injector);

        assertThat(injector.ledger().faults()).isEmpty();
        assertThat(injector.ledger().skipped())
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.reason()).contains("late"));
    }

    private static int indexAt(List<MeterReading> readings, Instant timestamp) {
        for (int i = 0; i < readings.size(); i++) {
            if (readings.get(i).getTimestamp().equals(timestamp)) {
                return i;
            }
        }
        throw new AssertionError("no reading at " + timestamp);
    }
}
