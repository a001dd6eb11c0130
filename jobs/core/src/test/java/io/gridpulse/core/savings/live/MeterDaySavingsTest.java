package io.gridpulse.core.savings.live;

import static io.gridpulse.core.savings.live.SavingsFixtures.START;
import static io.gridpulse.core.savings.live.SavingsFixtures.day;
import static io.gridpulse.core.savings.live.SavingsFixtures.endOf;
import static io.gridpulse.core.savings.live.SavingsFixtures.heatingModel;
import static io.gridpulse.core.savings.live.SavingsFixtures.insufficientModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.core.savings.TemperatureBins;
import io.gridpulse.core.savings.TimeOfWeekModel;
import io.gridpulse.schema.BaselineModel;
import io.gridpulse.schema.DegreeDayForm;
import io.gridpulse.schema.MeterAggregate;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MeterDaySavingsTest {

    private static final LocalDate DAY = START.plusDays(4);

    private KeyedBroadcastOperatorTestHarness<
                    String, Either<BaselineModel, MeterAggregate>, DistrictTemperature, SavingsDay>
            harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                        new MeterDaySavings(SavingsFixtures.SETTINGS, SavingsFixtures.ZONES),
                        input ->
                                input.isLeft()
                                        ? input.left().getMeterId()
                                        : input.right().getMeterId(),
                        Types.STRING,
                        MeterDaySavings.TEMPERATURES,
                        MeterDaySavings.HOURLY_TEMPERATURES);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void shouldCountADayAgainstThePredictionForItsTemperature() throws Exception {
        temperature("D1", DAY, 50.0);
        model(heatingModel("m1"));
        use(day("m1", "D1", DAY, 24.0, 1.0));

        SavingsDay result = single();
        assertThat(result.status).isEqualTo(SavingsDay.COUNTED);
        assertThat(result.predictedKwh).isCloseTo(30.0, within(1e-9));
        assertThat(result.actualKwh).isCloseTo(24.0, within(1e-9));
        assertThat(result.savingsFraction()).isCloseTo(0.2, within(1e-9));
        assertThat(result.countedDays).isEqualTo(1);
        assertThat(result.target).isEqualTo(0.15);
        assertThat(result.onTrack()).isTrue();
        assertThat(result.uncertaintyKwh).isPositive().isFinite();
    }

    @Test
    void shouldPredictADegreeHourModelFromTheDaysHoursAndADailyMeanModelFromItsMean()
            throws Exception {
        // a mean of 60 °F: no heating degree days by the mean, but 12 hours at 50 °F (5 degree
        // days from the hours) and 12 at 70 °F
        double[] hours = new double[24];
        for (int h = 0; h < 24; h++) {
            hours[h] = h < 12 ? 50.0 : 70.0;
        }
        DistrictTemperature day = new DistrictTemperature("D1", DAY.toEpochDay(), 60.0, 24);
        day.hoursF = hours;
        harness.processBroadcastElement(day, endOf(DAY) - 1);
        BaselineModel hourly = heatingModel("m1");
        hourly.setDegreeDays(DegreeDayForm.HOURLY);
        model(hourly);
        model(heatingModel("m2"));
        use(day("m1", "D1", DAY, 10.0, 1.0));
        use(day("m2", "D1", DAY, 10.0, 1.0));

        List<SavingsDay> results = harness.extractOutputValues();
        assertThat(results).extracting(r -> r.predictedKwh).containsExactly(20.0, 10.0);
    }

    @Test
    void shouldPredictAnHourlyModelFromTheHoursOfTheDayOfTheWeek() throws Exception {
        // in this weekday's hours 6.5 kWh - 0.1 kWh per °F up to 55 °F: 1.5 kWh an hour at 50 °F,
        // 1 kWh at 70 °F; 12 hours of each: 30 kWh (other weekdays' hours would be 0.5 kWh less)
        double[] hours = new double[24];
        for (int h = 0; h < 24; h++) {
            hours[h] = h < 12 ? 50.0 : 70.0;
        }
        DistrictTemperature day = new DistrictTemperature("D1", DAY.toEpochDay(), 60.0, 24);
        day.hoursF = hours;
        harness.processBroadcastElement(day, endOf(DAY) - 1);
        double[] intercepts = new double[168];
        java.util.Arrays.fill(intercepts, 0.5);
        for (int h = 0; h < 24; h++) {
            intercepts[TimeOfWeekModel.hourOfWeek(DAY, h)] = 6.5;
        }
        TimeOfWeekModel towt =
                new TimeOfWeekModel(
                        new TemperatureBins(new double[] {55}),
                        intercepts,
                        new boolean[168],
                        new double[] {0, 0},
                        new double[] {-0.1, 0},
                        170,
                        8760,
                        0.8,
                        0.3,
                        0,
                        0.5);
        BaselineModel record = heatingModel("m1");
        record.setKind(null);
        record.setIntercept(null);
        record.setTimeOfWeek(FittedModels.toRecord(towt));
        model(record);
        use(day("m1", "D1", DAY, 18.0, 1.0));

        SavingsDay result = harness.extractOutputValues().get(0);
        assertThat(result.status).isEqualTo(SavingsDay.COUNTED);
        assertThat(result.predictedKwh).isCloseTo(30.0, within(1e-9));
        assertThat(FittedModels.of(record)).isEqualTo(towt);
        assertThat(result.uncertaintyKwh).isPositive().isFinite();
    }

    @Test
    void shouldWaitForTheDaysTemperatureAndSettleWithoutOneOnlyWhenTheWatermarkPassesTheDay()
            throws Exception {
        model(heatingModel("m1"));
        use(day("m1", "D1", DAY, 24.0, 1.0));
        use(day("m1", "D1", DAY.plusDays(1), 24.0, 1.0));
        assertThat(harness.extractOutputValues()).isEmpty();

        temperature("D1", DAY, 50.0);
        harness.processWatermark(endOf(DAY.plusDays(1)) - 1);
        harness.processBroadcastWatermark(endOf(DAY.plusDays(1)) - 1);

        List<SavingsDay> results = harness.extractOutputValues();
        assertThat(results)
                .extracting(r -> r.status)
                .containsExactly(SavingsDay.COUNTED, SavingsDay.NO_WEATHER);
        assertThat(results.get(1).reason).contains("no temperature for district D1");
        assertThat(results.get(1).countedDays).isEqualTo(1);
    }

    @Test
    void shouldKeepTheTemperaturesOfDaysAheadOfTheReadingsAsInABackfill() throws Exception {
        // The weather topic is read to its end long before the readings: a year of temperatures
        // arrives first.
        for (int d = 0; d < 365; d++) {
            temperature("D1", START.plusDays(d), 50.0);
        }
        model(heatingModel("m1"));
        use(day("m1", "D1", START, 24.0, 1.0));

        assertThat(single().status).isEqualTo(SavingsDay.COUNTED);
    }

    @Test
    void shouldReportAMeterWithoutAModelAndNeverInventItsSavings() throws Exception {
        temperature("D1", DAY, 50.0);
        use(day("m1", "D1", DAY, 24.0, 1.0));

        SavingsDay result = single();
        assertThat(result.status).isEqualTo(SavingsDay.NO_MODEL);
        assertThat(result.countedDays).isZero();
        assertThat(result.cumulativePredictedKwh).isZero();
        assertThat(result.metersWithoutModel).isEqualTo(1);
        assertThat(result.savingsFraction()).isNaN();
    }

    @Test
    void shouldSayWhyABaselineIsInsufficient() throws Exception {
        temperature("D1", DAY, 50.0);
        model(insufficientModel("m1"));
        use(day("m1", "D1", DAY, 24.0, 1.0));

        SavingsDay result = single();
        assertThat(result.status).isEqualTo(SavingsDay.INSUFFICIENT_BASELINE);
        assertThat(result.reason).contains("100 of 365 baseline days missing");
        assertThat(result.countedDays).isZero();
    }

    @Test
    void shouldReplaceARevisedDayInsteadOfAddingIt() throws Exception {
        temperature("D1", DAY, 50.0);
        model(heatingModel("m1"));
        use(day("m1", "D1", DAY, 24.0, 1.0));
        use(day("m1", "D1", DAY, 27.0, 1.0)); // late readings re-fired the day

        List<SavingsDay> results = harness.extractOutputValues();
        SavingsDay revised = results.get(1);
        assertThat(revised.previousStatus).isEqualTo(SavingsDay.COUNTED);
        assertThat(revised.cumulativeActualKwh).isCloseTo(27.0, within(1e-9));
        assertThat(revised.cumulativePredictedKwh).isCloseTo(30.0, within(1e-9));
        assertThat(revised.countedDays).isEqualTo(1);
        assertThat(revised.actualChangeKwh).isCloseTo(3.0, within(1e-9));
        assertThat(revised.predictedChangeKwh).isZero();
        assertThat(revised.countedDaysChange).isZero();
        double squares =
                results.get(0).uncertaintySquaredChangeKwh2 + revised.uncertaintySquaredChangeKwh2;
        assertThat(squares)
                .isCloseTo(revised.uncertaintyKwh * revised.uncertaintyKwh, within(1e-9));
    }

    @Test
    void shouldNotSettleAVersionOfTheDayThatARevisionReplacedWhileItWaited() throws Exception {
        model(heatingModel("m1"));
        use(day("m1", "D1", DAY, 24.0, 1.0)); // waits for the temperature
        temperature("D1", DAY, 50.0);
        use(day("m1", "D1", DAY, 27.0, 1.0)); // the revision comes once the temperature is known
        harness.processWatermark(endOf(DAY));
        harness.processBroadcastWatermark(endOf(DAY));

        SavingsDay result = single();
        assertThat(result.cumulativeActualKwh).isCloseTo(27.0, within(1e-9));
    }

    @Test
    void shouldScaleAPartialDayAndLeaveOutDaysWithTooLittleDataOrNoElectricity() throws Exception {
        temperature("D1", DAY, 50.0);
        temperature("D1", DAY.plusDays(1), 50.0);
        temperature("D1", DAY.plusDays(2), 50.0);
        model(heatingModel("m1"));
        use(day("m1", "D1", DAY, 20.0, 0.8));
        use(day("m1", "D1", DAY.plusDays(1), 10.0, 0.4));
        use(day("m1", "D1", DAY.plusDays(2), 0.0, 1.0));

        List<SavingsDay> results = harness.extractOutputValues();
        assertThat(results.get(0).actualKwh).isCloseTo(25.0, within(1e-9));
        assertThat(results)
                .extracting(r -> r.status)
                .containsExactly(
                        SavingsDay.COUNTED, SavingsDay.MISSING_DATA, SavingsDay.MISSING_DATA);
        assertThat(results.get(2).countedDays).isEqualTo(1);
    }

    @Test
    void shouldUseTheDistrictsOwnTargetAndIgnoreDaysOutsideTheProgramme() throws Exception {
        temperature("D2", DAY, 50.0);
        temperature("D2", START.minusDays(1), 50.0);
        model(heatingModel("m2"));
        use(day("m2", "D2", START.minusDays(1), 24.0, 1.0));
        use(day("m2", "D2", DAY, 28.0, 1.0));

        SavingsDay result = single();
        assertThat(result.target).isEqualTo(0.10);
        assertThat(result.savingsFraction()).isCloseTo(2.0 / 30, within(1e-9));
        assertThat(result.onTrack()).isFalse();
    }

    private SavingsDay single() {
        List<SavingsDay> results = harness.extractOutputValues();
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private void temperature(String district, LocalDate day, double temperatureF) throws Exception {
        harness.processBroadcastElement(
                new DistrictTemperature(district, day.toEpochDay(), temperatureF, 24),
                endOf(day) - 1);
    }

    private void model(BaselineModel model) throws Exception {
        harness.processElement(Either.Left(model), 0L);
    }

    private void use(MeterAggregate day) throws Exception {
        harness.processElement(Either.Right(day), day.getWindowEnd().toEpochMilli() - 1);
    }
}
