package io.gridpulse.core.meter;

import static io.gridpulse.testkit.TestReadings.QUARTER;
import static io.gridpulse.testkit.TestReadings.T0;
import static io.gridpulse.testkit.TestReadings.minutes;
import static io.gridpulse.testkit.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.core.quality.QualityEvent;
import io.gridpulse.core.vee.DuplicateRule;
import io.gridpulse.core.vee.FrozenRegisterRule;
import io.gridpulse.core.vee.GapRule;
import io.gridpulse.core.vee.LatenessRule;
import io.gridpulse.core.vee.RegisterRules;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.MeterReading;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-meter stage, driven through Flink's operator harness with explicit watermarks. */
class MeterProcessorTest {

    private static final double REGISTER_WIDTH_WH = 1_000_000;
    private static final Duration ALLOWED_LATENESS = Duration.ofHours(1);
    private static final Duration RETENTION = Duration.ofDays(2);

    private KeyedOneInputStreamOperatorTestHarness<String, MeterReading, MeterQuarter> harness;
    private Duration readingInterval = Duration.ofMinutes(1);

    @BeforeEach
    void openHarness() throws Exception {
        harness = newHarness(null);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void shouldForgetAMeterSilentForTheRetentionAndLeaveNoTimer() throws Exception {
        send(reading("m1", minutes(0), 1_000));
        send(reading("m1", minutes(5), 1_100));
        watermark(minutes(15));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).as("the timer that forgets it").isEqualTo(1);

        watermark(minutes(5).plus(RETENTION).minus(QUARTER));
        assertThat(harness.numKeyedStateEntries()).as("within the retention").isEqualTo(1);

        watermark(minutes(15).plus(RETENTION));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void shouldRememberAMeterHeardWithinTheRetentionAndStartAfreshAfterIt() throws Exception {
        send(reading("m1", minutes(0), 1_000));
        send(reading("m1", minutes(5), 1_100));
        watermark(minutes(15));
        Duration later = RETENTION.minusHours(1);
        send(reading("m1", later, 2_000));
        watermark(minutes(15).plus(RETENTION)); // past the first reading's retention
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        watermark(later.plus(RETENTION).plus(QUARTER));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();

        // Back after that: a new meter, no gap, nothing interpolated.
        Duration back = later.plus(RETENTION).plus(Duration.ofHours(2));
        send(reading("m1", back, 5_000));
        send(reading("m1", back.plus(minutes(1)), 5_010));
        watermark(back.plus(QUARTER));
        assertThat(total(T0.plus(back)).energyWh).isCloseTo(10, within(1e-9));
        assertThat(total(T0.plus(back).minus(QUARTER)).energyWh).isZero();
        assertThat(total(T0.plus(back)).estimatedWh).isZero();
    }

    @Test
    void shouldAttributeTheReadingOnTheBoundaryToTheQuarterItCloses() throws Exception {
        send(reading("m1", minutes(0), 1_000));
        send(reading("m1", minutes(5), 1_100));
        send(reading("m1", minutes(15), 1_300)); // closes (00:00, 00:15]
        send(reading("m1", minutes(20), 1_400));

        watermark(minutes(15));

        Totals quarter = total(T0);
        assertThat(quarter.energyWh).isCloseTo(300, within(1e-9));
        assertThat(quarter.samples).isEqualTo(2);
    }

    @Test
    void shouldSpreadAnHourlyReadingOverTheFourQuarterHoursOfItsHourAsMeasured() throws Exception {
        harness.close();
        readingInterval = Duration.ofHours(1);
        harness = newHarness(null);
        send(reading("m1", minutes(0), 1_000));
        send(reading("m1", minutes(60), 1_400));

        watermark(minutes(60));

        for (int quarter = 0; quarter < 4; quarter++) {
            Totals totals = total(T0.plus(QUARTER.multipliedBy(quarter)));
            assertThat(totals.energyWh).isCloseTo(100, within(1e-9));
            assertThat(totals.estimatedWh).isZero();
        }
        assertThat(total(T0.plus(QUARTER.multipliedBy(3))).samples).isEqualTo(1);
    }

    @Test
    void shouldNotEmitBeforeTheWatermarkReachesTheQuarterEnd() throws Exception {
        send(reading("m1", minutes(1), 1_000));
        send(reading("m1", minutes(15), 1_300));

        harness.processWatermark(T0.plus(QUARTER).toEpochMilli() - 1);

        assertThat(additions()).isEmpty();
    }

    @Test
    void shouldProcessReadingsInTimeOrderWhateverOrderTheyArriveIn() throws Exception {
        send(reading("m1", minutes(14), 2_000));
        send(reading("m1", minutes(30), 3_000));
        send(reading("m1", minutes(16), 2_200)); // out of order, interval crosses 00:15
        send(reading("m1", minutes(10), 1_500));

        watermark(minutes(30));

        // 14 -> 16 misses the reading at 15: its 200 Wh are split at 00:15 by interpolation.
        assertThat(total(T0).energyWh).isCloseTo(500 + 100, within(1e-9));
        assertThat(total(T0.plus(QUARTER)).energyWh).isCloseTo(100 + 800, within(1e-9));
    }

    @Test
    void shouldDropAnIdenticalDuplicateAndKeepTheFirstOfConflictingOnes() throws Exception {
        send(reading("m1", minutes(1), 1_000));
        send(reading("m1", minutes(2), 1_010));
        send(reading("m1", minutes(2), 1_010)); // identical
        send(reading("m1", minutes(3), 1_020));
        send(reading("m1", minutes(3), 1_999)); // same time, different register

        watermark(minutes(15));

        Totals quarter = total(T0);
        assertThat(quarter.samples).isEqualTo(3);
        assertThat(quarter.energyWh).isCloseTo(20, within(1e-9));
        assertThat(rejected())
                .extracting(DeadLetter::getReason)
                .containsExactly(
                        DeadLetterReason.DUPLICATE, DeadLetterReason.CONFLICTING_DUPLICATE);
    }

    @Test
    void shouldRepairARegisterRolloverExactly() throws Exception {
        send(reading("m1", minutes(1), REGISTER_WIDTH_WH - 30));
        send(reading("m1", minutes(2), REGISTER_WIDTH_WH - 10));
        send(reading("m1", minutes(3), 15)); // wrapped: 10 + 15 Wh

        watermark(minutes(15));

        Totals quarter = total(T0);
        assertThat(quarter.energyWh).isCloseTo(45, within(1e-9));
        assertThat(quarter.estimatedWh).isZero();
        assertThat(repairs())
                .singleElement()
                .satisfies(
                        repair -> {
                            assertThat(repair.outcome).isEqualTo(QualityEvent.ROLLOVER);
                            assertThat(repair.count).isEqualTo(1);
                            assertThat(repair.timestamp)
                                    .isEqualTo(T0.plus(minutes(15)).toEpochMilli());
                        });
    }

    @Test
    void shouldStartANewEpochWhenTheMeterIsReplacedAndEstimateTheStepFromPower() throws Exception {
        send(reading("m1", "F1", "D1", T0.plus(minutes(1)), 500_000, 600));
        send(reading("m1", "F1", "D1", T0.plus(minutes(2)), 500_010, 600));
        send(
                reading(
                        "m1",
                        "F1",
                        "D1",
                        T0.plus(minutes(3)),
                        3,
                        600)); // new meter: register starts near zero
        send(reading("m1", "F1", "D1", T0.plus(minutes(4)), 13, 600));

        watermark(minutes(15));

        Totals quarter = total(T0);
        // 10 Wh measured + 10 Wh estimated (600 W for one minute) + 10 Wh measured in the new
        // epoch.
        assertThat(quarter.energyWh).isCloseTo(30, within(1e-9));
        assertThat(quarter.estimatedWh).isCloseTo(10, within(1e-9));
        assertThat(repairs())
                .extracting(
                        repair -> repair.outcome,
                        repair -> repair.meterId,
                        repair -> repair.feederId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(QualityEvent.NEW_EPOCH, "m1", "F1"));
    }

    @Test
    void shouldFlagAFrozenRegisterAndKeepItsCatchUpAsMeasuredEnergy() throws Exception {
        double powerW =
                2_500; // 20 stuck minutes at 2.5 kW: a catch-up far above one minute's plausible
        // maximum
        send(reading("m1", "F1", "D1", T0.plus(minutes(1)), 10_000, powerW));
        for (int minute = 2; minute <= 21; minute++) {
            send(reading("m1", "F1", "D1", T0.plus(minutes(minute)), 10_000, powerW));
        }
        double caughtUpWh = 10_000 + powerW * 21 / 60;
        send(reading("m1", "F1", "D1", T0.plus(minutes(22)), caughtUpWh, powerW));
        watermark(minutes(30));

        assertThat(total(T0).energyWh + total(T0.plus(QUARTER)).energyWh)
                .isCloseTo(powerW * 21 / 60, within(1e-6));
        assertThat(total(T0.plus(QUARTER)).estimatedWh).isZero();
        assertThat(repairs())
                .extracting(repair -> repair.outcome)
                .containsExactly(QualityEvent.FROZEN_REGISTER);
    }

    @Test
    void shouldNeverLetAnImplausibleJumpReachAWindow() throws Exception {
        send(reading("m1", "F1", "D1", T0.plus(minutes(1)), 1_000, 600));
        send(reading("m1", "F1", "D1", T0.plus(minutes(2)), 9_000_000, 600)); // 9 MWh in a minute

        watermark(minutes(15));

        assertThat(total(T0).energyWh).isCloseTo(10, within(1e-9));
    }

    @Test
    void shouldSendReadingsLaterThanTheAllowedLatenessToTheRejectedOutputAsLate() throws Exception {
        send(reading("m1", minutes(15), 1_300));
        watermark(minutes(15).plus(ALLOWED_LATENESS));

        send(reading("m1", minutes(14), 1_290));

        assertThat(rejected())
                .extracting(DeadLetter::getReason)
                .containsExactly(DeadLetterReason.LATE);
    }

    @Test
    void shouldAddALateReadingWithinTheAllowedLatenessToItsClosedQuarter() throws Exception {
        send(reading("m1", minutes(13), 1_280));
        send(reading("m1", minutes(15), 1_300));
        watermark(minutes(20));

        send(reading("m1", minutes(14), 1_290)); // its energy is already in the 13 -> 15 delta

        assertThat(rejected()).isEmpty();
        assertThat(additions()).hasSize(2);
        MeterQuarter late = additions().get(1);
        assertThat(late.end).isEqualTo(T0.plus(QUARTER).toEpochMilli());
        assertThat(late.samples).isEqualTo(1);
        assertThat(late.energyWh).isZero();
        assertThat(late.first).isFalse(); // the meter already counts as reporting in that quarter
        assertThat(total(T0).samples).isEqualTo(3);
        assertThat(total(T0).energyWh).isCloseTo(20, within(1e-9));
        // The quarter's aggregate is written again, whole: the InfluxDB point is replaced, not
        // added to.
        assertThat(sideOutput(MeterProcessor.QUARTERS))
                .extracting(MeterAggregate::getSampleCount)
                .containsExactly(2, 3);
        assertThat(sideOutput(MeterProcessor.QUARTERS))
                .extracting(MeterAggregate::getWindowStart)
                .containsOnly(T0);
        // 14 was interpolated when the quarter closed, then arrived.
        assertThat(repairs())
                .extracting(repair -> repair.outcome)
                .containsExactly(QualityEvent.ESTIMATED, QualityEvent.LATE_ACCEPTED);
    }

    @Test
    void shouldDropALateCopyOfAnAcceptedReadingAsADuplicate() throws Exception {
        send(reading("m1", minutes(5), 1_100));
        send(reading("m1", minutes(10), 1_200));
        watermark(minutes(20));

        send(reading("m1", minutes(5), 1_100));

        assertThat(rejected())
                .extracting(DeadLetter::getReason)
                .containsExactly(DeadLetterReason.DUPLICATE);
        assertThat(total(T0).samples).isEqualTo(2);
    }

    @Test
    void shouldTakeALateReadingNewerThanAnyAcceptedAsTheNextRegisterValue() throws Exception {
        send(reading("m1", minutes(15), 1_300));
        watermark(minutes(30)); // the meter was silent in (00:15, 00:30]

        send(reading("m1", minutes(20), 1_350));

        Totals second = total(T0.plus(QUARTER));
        assertThat(second.energyWh).isCloseTo(50, within(1e-9));
        assertThat(second.samples).isEqualTo(1);
        assertThat(second.firsts).isEqualTo(1);
    }

    @Test
    void shouldInterpolateAShortGapAcrossQuarterHoursAndFlagItAsEstimated() throws Exception {
        for (int minute = 1; minute <= 10; minute++) {
            send(reading("m1", minutes(minute), 1_000 + minute * 10));
        }
        watermark(minutes(15));
        assertThat(total(T0).energyWh)
                .isCloseTo(90, within(1e-9)); // emitted on time with what had arrived

        send(reading("m1", minutes(20), 1_200)); // 11..19 never arrived: 100 Wh over 10 minutes
        watermark(minutes(30));

        Totals first = total(T0);
        assertThat(first.energyWh)
                .isCloseTo(140, within(1e-9)); // every minute of (00:00, 00:15], as used
        assertThat(sideOutput(MeterProcessor.QUARTERS))
                .filteredOn(a -> a.getWindowStart().equals(T0))
                .extracting(MeterAggregate::getEnergyKwh)
                .satisfiesExactly(
                        kwh -> assertThat(kwh).isCloseTo(0.090, within(1e-9)),
                        kwh -> assertThat(kwh).isCloseTo(0.140, within(1e-9)));
        assertThat(first.estimatedWh).isCloseTo(50, within(1e-9));
        assertThat(first.firsts).isEqualTo(1); // the gap's share is an addition, not a second meter
        Totals second = total(T0.plus(QUARTER));
        assertThat(second.energyWh).isCloseTo(50, within(1e-9));
        assertThat(second.estimatedWh)
                .isCloseTo(40, within(1e-9)); // minutes 16..19; minute 20 is the reading's own
        assertThat(second.samples).isEqualTo(1);
        assertThat(repairs())
                .filteredOn(repair -> repair.outcome.equals(QualityEvent.ESTIMATED))
                .singleElement()
                .satisfies(repair -> assertThat(repair.count).isEqualTo(9));
    }

    @Test
    void shouldKeepEnergyTheSenderEstimatedEstimatedToTheReadingsOwnInterval() throws Exception {
        send(reading("m1", minutes(1), 1_000));
        // minutes 2..9 missing from an export: the sender estimated them into this reading
        MeterReading gapEnd = reading("m1", minutes(10), 1_090);
        gapEnd.setEstimated(true);
        send(gapEnd);
        send(reading("m1", minutes(11), 1_100));
        watermark(minutes(15));

        Totals quarter = total(T0);
        assertThat(quarter.energyWh).isCloseTo(100, within(1e-9));
        assertThat(quarter.estimatedWh).isCloseTo(90, within(1e-9)); // all of minutes 2..10
    }

    @Test
    void shouldLeaveAGapLongerThanTheLimitMissingAndReportIt() throws Exception {
        send(reading("m1", "F1", "D1", T0.plus(minutes(1)), 1_000, 600));
        send(reading("m1", "F1", "D1", T0.plus(minutes(91)), 1_900, 600)); // 89 readings missing
        watermark(minutes(105));

        assertThat(total(T0.plus(Duration.ofMinutes(90))).energyWh)
                .isCloseTo(10, within(1e-9)); // its own minute
        assertThat(sideOutput(MeterProcessor.GAPS))
                .singleElement()
                .satisfies(
                        gap -> {
                            assertThat(gap.firstMissing)
                                    .isEqualTo(T0.plus(minutes(2)).toEpochMilli());
                            assertThat(gap.lastMissing)
                                    .isEqualTo(T0.plus(minutes(90)).toEpochMilli());
                            assertThat(gap.missingReadings).isEqualTo(89);
                            assertThat(gap.unattributedWh).isCloseTo(890, within(1e-9));
                        });
        assertThat(total(T0.plus(QUARTER)).samples).isZero();
    }

    @Test
    void shouldContinueFromTheRestoredRegisterAfterARestart() throws Exception {
        send(reading("m1", minutes(15), 5_000));
        watermark(minutes(15));
        send(reading("m1", minutes(16), 5_010)); // still pending when the snapshot is taken
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = newHarness(snapshot);
        send(reading("m1", minutes(30), 5_500));
        watermark(minutes(30));

        Totals afterRestart = total(T0.plus(QUARTER));
        assertThat(afterRestart.energyWh).isCloseTo(500, within(1e-9));
        assertThat(afterRestart.samples).isEqualTo(2);
    }

    @Test
    void shouldCountTheReadingsItAccepted() throws Exception {
        for (int minute = 1; minute <= 12; minute++) {
            send(reading("m1", minutes(minute), 1_000 + minute * 10));
        }
        watermark(minutes(15));

        assertThat(total(T0).samples).isEqualTo(12);
        assertThat(total(T0).firsts).isEqualTo(1);
    }

    @Test
    void shouldWriteBackEveryChangeSoRocksDbKeepsItToo() throws Exception {
        // RocksDB hands out copies: a change made after update() would be lost there, though the
        // heap backend hides it.
        harness.close();
        harness = newHarness(null, new EmbeddedRocksDBStateBackend());
        for (int minute = 1; minute <= 10; minute++) {
            send(reading("m1", minutes(minute), 1_000 + minute * 10));
        }
        watermark(minutes(15));
        send(reading("m1", minutes(20), 1_200)); // 11..19 interpolated
        watermark(minutes(30));
        send(reading("m1", minutes(12), 1_120)); // late, within the allowed lateness
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        List<MeterAggregate> before = sideOutput(MeterProcessor.QUARTERS);
        harness.close();

        harness = newHarness(snapshot, new EmbeddedRocksDBStateBackend());
        watermark(minutes(30)); // the harness does not restore the watermark
        send(
                reading(
                        "m1",
                        minutes(14),
                        1_140)); // late again: the restored totals must include the earlier
        // additions
        List<MeterAggregate> after = sideOutput(MeterProcessor.QUARTERS);

        assertThat(before)
                .filteredOn(a -> a.getWindowStart().equals(T0))
                .extracting(MeterAggregate::getSampleCount)
                .containsExactly(10, 10, 11);
        assertThat(after)
                .singleElement()
                .satisfies(
                        quarter -> {
                            assertThat(quarter.getSampleCount()).isEqualTo(12);
                            assertThat(quarter.getEnergyKwh()).isCloseTo(0.140, within(1e-9));
                        });
    }

    private KeyedOneInputStreamOperatorTestHarness<String, MeterReading, MeterQuarter> newHarness(
            OperatorSubtaskState restoreFrom) throws Exception {
        return newHarness(restoreFrom, null);
    }

    private KeyedOneInputStreamOperatorTestHarness<String, MeterReading, MeterQuarter> newHarness(
            OperatorSubtaskState restoreFrom, org.apache.flink.runtime.state.StateBackend backend)
            throws Exception {
        MeterSettings settings =
                new MeterSettings(
                        readingInterval,
                        new RegisterRules(REGISTER_WIDTH_WH, 30_000),
                        new DuplicateRule(readingInterval),
                        new GapRule(readingInterval, Duration.ofHours(1)),
                        new FrozenRegisterRule(15, 50),
                        new LatenessRule(ALLOWED_LATENESS),
                        RETENTION);
        KeyedOneInputStreamOperatorTestHarness<String, MeterReading, MeterQuarter> h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new MeterProcessor(settings)),
                        MeterReading::getMeterId,
                        Types.STRING);
        if (backend != null) {
            h.setStateBackend(backend);
        }
        if (restoreFrom != null) {
            h.initializeState(restoreFrom);
        }
        h.open();
        return h;
    }

    private void send(MeterReading reading) throws Exception {
        harness.processElement(reading, reading.getTimestamp().toEpochMilli());
    }

    private void watermark(Duration offset) throws Exception {
        harness.processWatermark(T0.plus(offset).toEpochMilli());
    }

    private List<MeterQuarter> additions() {
        return harness.extractOutputValues();
    }

    private List<DeadLetter> rejected() {
        return sideOutput(MeterProcessor.REJECTED);
    }

    private List<QualityEvent> repairs() {
        return sideOutput(MeterProcessor.REPAIRS);
    }

    private <T> List<T> sideOutput(org.apache.flink.util.OutputTag<T> tag) {
        var records = harness.getSideOutput(tag);
        return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
    }

    /**
     * Everything the stage added to the quarter hour starting at {@code start}, summed as the
     * roll-ups sum it.
     */
    private Totals total(java.time.Instant start) {
        long end = start.plus(QUARTER).toEpochMilli();
        Totals totals = new Totals();
        for (MeterQuarter addition : additions()) {
            if (addition.end == end) {
                totals.energyWh += addition.energyWh;
                totals.estimatedWh += addition.estimatedWh;
                totals.samples += addition.samples;
                totals.firsts += addition.first ? 1 : 0;
            }
        }
        return totals;
    }

    private static final class Totals {
        double energyWh;
        double estimatedWh;
        int samples;
        int firsts;
    }
}
