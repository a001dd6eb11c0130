package io.gridpulse.replay.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.core.savings.BaselineModel;
import io.gridpulse.core.savings.DailyObservation;
import io.gridpulse.core.savings.Fuel;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * How a replay's daily rows become the days CalTRACK fits on, and how households add up to a
 * district.
 */
class MeterSavingsTest {

    private static final LocalDate DAY = LocalDate.of(2025, 1, 1);

    @Test
    void shouldScaleAPartlyReportedDayUpAndDropADayWithLessThanHalfItsReadings() {
        ReplayResults.MeterDays meter =
                meter(
                        Map.of(
                                DAY,
                                new double[] {10, 1.0},
                                DAY.plusDays(1),
                                new double[] {6, 0.75},
                                DAY.plusDays(2),
                                new double[] {3, 0.4}));

        List<DailyObservation> days =
                MeterSavings.days(meter, temperatures(40), DAY, DAY.plusDays(3), Fuel.GAS);

        assertThat(days)
                .extracting(DailyObservation::missing)
                .containsExactly(false, false, true, true);
        assertThat(days.get(0).usage()).isEqualTo(10.0);
        assertThat(days.get(1).usage())
                .isCloseTo(8.0, within(1e-12)); // 6 kWh in three quarters of the day
    }

    @Test
    void shouldCountAZeroElectricityDayAsMissingButNotAZeroGasDay() {
        ReplayResults.MeterDays meter = meter(Map.of(DAY, new double[] {0, 1.0}));

        assertThat(
                        MeterSavings.days(meter, temperatures(40), DAY, DAY, Fuel.ELECTRICITY)
                                .get(0)
                                .missing())
                .isTrue();
        assertThat(MeterSavings.days(meter, temperatures(40), DAY, DAY, Fuel.GAS).get(0).missing())
                .isFalse();
    }

    @Test
    void shouldGiveNoSavingsToAMeterWithoutASufficientBaseline() {
        ReplayResults.MeterDays meter = meter(Map.of(DAY, new double[] {10, 1.0}));

        MeterSavings savings =
                MeterSavings.of(
                        meter,
                        temperatures(40),
                        DAY,
                        DAY.plusDays(1),
                        DAY.plusDays(10),
                        Fuel.GAS,
                        java.util.EnumSet.allOf(io.gridpulse.core.savings.BaselineMethod.class));

        assertThat(savings.hasSavings()).isFalse();
        assertThat(savings.model()).isNull();
        assertThat(savings.sufficiency().reasons()).isNotEmpty();
    }

    @Test
    void shouldAddHouseholdsUpAsAvoidedOverPredictedWithUncertaintiesInQuadrature() {
        MeterSavings a = withSavings(100, 90, 3);
        MeterSavings b = withSavings(300, 240, 4);

        SavingsTable.Rollup district =
                SavingsTable.Rollup.of(List.of(a, b, meterWithoutBaseline()));

        assertThat(district.withSavings()).isEqualTo(2);
        assertThat(district.fraction())
                .isCloseTo(70.0 / 400, within(1e-12)); // not the mean of 10% and 20%
        assertThat(district.uncertainty()).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void shouldJudgeEachDistrictAgainstItsOwnTargetWhereItHasOne() {
        SavingsTable table = new SavingsTable(List.of(), 0.15, Map.of("d2", 0.2));

        assertThat(table.targetOf("d1")).isEqualTo(0.15);
        assertThat(table.targetOf("d2")).isEqualTo(0.2);
    }

    private static MeterSavings withSavings(double predicted, double actual, double uncertainty) {
        BaselineModel model =
                new BaselineModel(
                        BaselineModel.Kind.INTERCEPT_ONLY,
                        predicted,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        0,
                        0.1,
                        0,
                        365,
                        0);
        var savings =
                new io.gridpulse.core.savings.Savings(
                        1,
                        predicted,
                        actual,
                        predicted - actual,
                        (predicted - actual) / predicted,
                        uncertainty / (predicted - actual),
                        uncertainty);
        return new MeterSavings(
                meter(Map.of()),
                null,
                new io.gridpulse.core.savings.DegreeDayModel(
                        io.gridpulse.core.savings.DegreeDayForm.DAILY_MEAN, model),
                savings);
    }

    private static MeterSavings meterWithoutBaseline() {
        return new MeterSavings(meter(Map.of()), null, null, null);
    }

    private static ReplayResults.MeterDays meter(Map<LocalDate, double[]> days) {
        return new ReplayResults.MeterDays("m1", "f1", "d1", new TreeMap<>(days), new TreeMap<>());
    }

    private static Map<LocalDate, DayTemperature> temperatures(double fahrenheit) {
        Map<LocalDate, DayTemperature> temperatures = new TreeMap<>();
        for (int i = -400; i < 400; i++) {
            temperatures.put(DAY.plusDays(i), new DayTemperature(fahrenheit, null));
        }
        return temperatures;
    }
}
