package io.gridpulse.replay.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.gridpulse.core.io.ReadingTypes;
import io.gridpulse.core.vee.ReadingRules;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.MeterReading;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A meter's hourly interval rows, sorted by time as BATCH delivers them, becoming register
 * readings.
 */
class RowsToReadingsTest {

    private static final long HOUR = 3_600_000L;
    private static final long T0 = Instant.parse("2016-01-01T00:00:00Z").toEpochMilli();

    /** The live rules, but for history: 2016 is older than the live job's ten-year horizon. */
    private static final ReadingRules RULES =
            new ReadingRules(Duration.ofMinutes(5), Duration.ofDays(365L * 200), 30_000);

    private KeyedOneInputStreamOperatorTestHarness<
                    String, MeterRow, Either<DeadLetter, MeterReading>>
            harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new RowsToReadings(
                                        RULES, List.of("/data/usage.csv"), Duration.ofHours(1))),
                        MeterRow::meterId,
                        Types.STRING);
        harness.setup(ReadingTypes.DECODED.createSerializer(new SerializerConfigImpl()));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void shouldAddIntervalsUpIntoARegisterAnchoredAtTheFirstStart() throws Exception {
        send(interval(0, 1_000, 7));
        send(interval(1, 500, 8));

        assertThat(readings())
                .extracting(
                        r -> r.getTimestamp().toEpochMilli() - T0,
                        MeterReading::getActiveEnergyWh,
                        MeterReading::getAveragePowerW)
                .containsExactly(
                        tuple(0L, 0.0, 0.0),
                        tuple(HOUR, 1_000.0, 1_000.0),
                        tuple(2 * HOUR, 1_500.0, 500.0));
    }

    @Test
    void shouldEstimateAMissingRowFromThePowerOnEitherSideAndMarkItEstimated() throws Exception {
        send(interval(0, 1_000, 7));
        send(interval(2, 300, 9)); // the hour 1-2 was missing: 1,000 W before, 300 W after

        assertThat(readings())
                .extracting(
                        r -> r.getTimestamp().toEpochMilli() - T0,
                        MeterReading::getActiveEnergyWh,
                        MeterReading::getEstimated)
                .containsExactly(
                        tuple(0L, 0.0, false),
                        tuple(HOUR, 1_000.0, false),
                        tuple(2 * HOUR, 1_650.0, true),
                        tuple(3 * HOUR, 1_950.0, false));
    }

    @Test
    void shouldLeaveAGapLongerThanTheMaximumMissingNotInvented() throws Exception {
        send(interval(0, 1_000, 7));
        send(interval(3, 300, 10)); // hours 1-3 missing: longer than vee.max-gap

        assertThat(readings())
                .extracting(
                        r -> r.getTimestamp().toEpochMilli() - T0, MeterReading::getActiveEnergyWh)
                .containsExactly(tuple(0L, 0.0), tuple(HOUR, 1_000.0), tuple(4 * HOUR, 1_300.0));
    }

    @Test
    void shouldKeepTheFirstOfTwoRowsForAnIntervalAndRejectTheSecond() throws Exception {
        send(interval(0, 1_000, 7));
        send(interval(0, 1_000, 8));
        send(interval(0, 999, 9));
        send(interval(1, 100, 10));

        assertThat(readings())
                .extracting(MeterReading::getActiveEnergyWh)
                .containsExactly(0.0, 1_000.0, 1_100.0);
        assertThat(deadLetters())
                .extracting(DeadLetter::getReason, DeadLetter::getSourceOffset)
                .containsExactly(
                        tuple(DeadLetterReason.DUPLICATE, 8L),
                        tuple(DeadLetterReason.CONFLICTING_DUPLICATE, 9L));
        assertThat(deadLetters().get(0).getMessage())
                .startsWith("usage.csv line 8: meter m1 has a second row");
    }

    @Test
    void shouldRejectAnImplausibleRowWithoutCountingItsEnergy() throws Exception {
        send(interval(0, 1_000, 7));
        send(interval(1, -50, 8)); // negative energy: NEGATIVE_POWER
        send(interval(2, 200, 9));

        assertThat(deadLetters())
                .extracting(DeadLetter::getReason)
                .containsExactly(DeadLetterReason.NEGATIVE_POWER);
        // the rejected hour is a missing one: estimated from the power on either side
        assertThat(readings())
                .extracting(MeterReading::getActiveEnergyWh)
                .containsExactly(0.0, 1_000.0, 1_600.0, 1_800.0);
    }

    @Test
    void shouldPassARegisterWithThePowerSinceThePreviousRow() throws Exception {
        send(register(0, 10_000, 7));
        send(register(1, 10_800, 8));

        assertThat(readings())
                .extracting(MeterReading::getActiveEnergyWh, MeterReading::getAveragePowerW)
                .containsExactly(tuple(10_000.0, 0.0), tuple(10_800.0, 800.0));
    }

    private void send(MeterRow row) throws Exception {
        harness.processElement(row, row.endMillis);
    }

    private static MeterRow interval(int hour, double energyWh, long line) {
        MeterRow row = row(hour, line);
        row.startMillis = T0 + hour * HOUR;
        row.endMillis = row.startMillis + HOUR;
        row.energyWh = energyWh;
        row.powerW = energyWh; // one hour
        return row;
    }

    private static MeterRow register(int hour, double registerWh, long line) {
        MeterRow row = row(hour, line);
        row.startMillis = T0 + hour * HOUR;
        row.endMillis = row.startMillis;
        row.register = true;
        row.energyWh = registerWh;
        row.powerW = Double.NaN;
        return row;
    }

    private static MeterRow row(int hour, long line) {
        MeterRow row = new MeterRow();
        row.meterId = "m1";
        row.feederId = "f1";
        row.districtId = "d1";
        row.voltageV = Double.NaN;
        row.file = 0;
        row.line = line;
        return row;
    }

    private List<MeterReading> readings() {
        return harness.extractOutputValues().stream()
                .filter(Either::isRight)
                .map(Either::right)
                .toList();
    }

    private List<DeadLetter> deadLetters() {
        return harness.extractOutputValues().stream()
                .filter(Either::isLeft)
                .map(Either::left)
                .toList();
    }
}
