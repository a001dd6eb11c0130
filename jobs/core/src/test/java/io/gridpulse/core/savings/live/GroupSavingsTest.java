package io.gridpulse.core.savings.live;

import static io.gridpulse.core.savings.live.SavingsFixtures.START;
import static io.gridpulse.core.savings.live.SavingsFixtures.endOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GroupSavingsTest {

    private static final LocalDate DAY = START.plusDays(4);

    private KeyedOneInputStreamOperatorTestHarness<String, SavingsDay, SavingsDay> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new GroupSavings(
                                SavingsDay.DISTRICT,
                                SavingsFixtures.SETTINGS,
                                SavingsFixtures.ZONES),
                        meter -> meter.districtId,
                        Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void shouldSumAvoidedOverPredictedAndAddUncertaintiesInQuadrature() throws Exception {
        harness.processElement(counted("m1", DAY, 30, 24, 3.0, null, 1), endOf(DAY) - 1);
        harness.processElement(counted("m2", DAY, 20, 18, 4.0, null, 1), endOf(DAY) - 1);
        harness.processElement(notCounted("m3", DAY, SavingsDay.NO_MODEL), endOf(DAY) - 1);
        harness.processWatermark(endOf(DAY) - 1);

        SavingsDay district = single();
        assertThat(district.level).isEqualTo(SavingsDay.DISTRICT);
        assertThat(district.id).isEqualTo("D1");
        assertThat(district.cumulativePredictedKwh).isCloseTo(50, within(1e-9));
        assertThat(district.savingsFraction()).isCloseTo(8.0 / 50, within(1e-9));
        assertThat(district.uncertaintyKwh).isCloseTo(5.0, within(1e-9));
        assertThat(district.metersCounted).isEqualTo(2);
        assertThat(district.metersWithoutModel).isEqualTo(1);
        assertThat(district.onTrack()).isTrue();
    }

    @Test
    void shouldEmitARevisedDayAgainWithTheRevisionReplacingTheFirstVersion() throws Exception {
        harness.processElement(counted("m1", DAY, 30, 24, 3.0, null, 1), endOf(DAY) - 1);
        harness.processWatermark(endOf(DAY) - 1);
        // The same meter day again, 3 kWh more: it arrives as the change it makes.
        SavingsDay revision = counted("m1", DAY, 0, 3, 0, SavingsDay.COUNTED, 0);
        harness.processElement(revision, endOf(DAY) - 1);
        harness.processWatermark(endOf(DAY) + 1000);

        List<SavingsDay> results = harness.extractOutputValues();
        assertThat(results).hasSize(2);
        assertThat(results.get(1).cumulativeActualKwh).isCloseTo(27, within(1e-9));
        assertThat(results.get(1).metersCounted).isEqualTo(1);
        assertThat(results.get(1).countedDays).isEqualTo(1);
    }

    @Test
    void shouldGiveEachDayTheTotalsUpToItAndProjectThePaceToTheProgrammesEnd() throws Exception {
        for (int d = 0; d < 3; d++) {
            LocalDate day = DAY.plusDays(d);
            harness.processElement(counted("m1", day, 50, 40, 1.0, null, 1), endOf(day) - 1);
        }
        harness.processWatermark(endOf(DAY.plusDays(2)) - 1);

        List<SavingsDay> results = harness.extractOutputValues();
        assertThat(results)
                .extracting(r -> r.cumulativePredictedKwh)
                .containsExactly(50.0, 100.0, 150.0);
        assertThat(results).extracting(r -> r.countedDays).containsExactly(1L, 2L, 3L);
        assertThat(results.get(2).projectedFraction).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void shouldShowARevisionOfADayNoLongerKeptInTheNewestDaysTotals() throws Exception {
        int days = 40;
        for (int d = 0; d < days; d++) {
            LocalDate day = DAY.plusDays(d);
            harness.processElement(counted("m1", day, 50, 40, 1.0, null, 1), endOf(day) - 1);
            harness.processWatermark(endOf(day) - 1);
        }
        LocalDate newest = DAY.plusDays(days - 1);
        harness.processElement(counted("m1", DAY, 0, 5, 0, SavingsDay.COUNTED, 0), endOf(newest));
        harness.processWatermark(endOf(newest) + 1);

        List<SavingsDay> results = harness.extractOutputValues();
        SavingsDay last = results.get(results.size() - 1);
        assertThat(results).hasSize(days + 1);
        assertThat(last.day).isEqualTo(newest.toEpochDay());
        assertThat(last.cumulativeActualKwh).isCloseTo(40.0 * days + 5, within(1e-9));
        assertThat(last.actualKwh).isCloseTo(40, within(1e-9));
    }

    private static SavingsDay counted(
            String meter,
            LocalDate day,
            double predictedChange,
            double actualChange,
            double uncertaintySquaredChange,
            String previousStatus,
            int countedDaysChange) {
        SavingsDay result = meterDay(meter, day, SavingsDay.COUNTED);
        result.previousStatus = previousStatus;
        result.predictedChangeKwh = predictedChange;
        result.actualChangeKwh = actualChange;
        result.uncertaintySquaredChangeKwh2 = uncertaintySquaredChange * uncertaintySquaredChange;
        result.countedDaysChange = countedDaysChange;
        return result;
    }

    private static SavingsDay notCounted(String meter, LocalDate day, String status) {
        return meterDay(meter, day, status);
    }

    private static SavingsDay meterDay(String meter, LocalDate day, String status) {
        SavingsDay result = new SavingsDay();
        result.level = SavingsDay.METER;
        result.id = meter;
        result.feederId = "F1";
        result.districtId = "D1";
        result.day = day.toEpochDay();
        result.dayStartMillis = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        result.status = status;
        return result;
    }

    private SavingsDay single() {
        List<SavingsDay> results = harness.extractOutputValues();
        assertThat(results).hasSize(1);
        return results.get(0);
    }
}
