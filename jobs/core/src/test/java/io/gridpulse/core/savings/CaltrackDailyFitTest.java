package io.gridpulse.core.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.core.savings.BaselineModel.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CaltrackDailyFitTest {

    private static final double[] TEMPERATURES = SyntheticDays.seasonalTemperatures(365, 42);

    @Test
    void shouldRecoverAnExactHeatingModel() {
        List<DailyObservation> days =
                SyntheticDays.days(TEMPERATURES, t -> 5 + 2 * DegreeDays.heating(55, t));

        BaselineModel model = CaltrackDailyFit.fit(days);

        assertThat(model.kind()).isEqualTo(Kind.HEATING_ONLY);
        assertThat(model.heatingBalancePointF()).isEqualTo(55.0);
        assertThat(model.intercept()).isCloseTo(5.0, within(1e-9));
        assertThat(model.heatingCoefficient()).isCloseTo(2.0, within(1e-9));
        assertThat(model.coolingCoefficient()).isNaN();
        assertThat(model.coolingBalancePointF()).isNaN();
        assertThat(model.adjustedRSquared()).isCloseTo(1.0, within(1e-12));
        assertThat(model.cvRmse()).isCloseTo(0.0, within(1e-9));
        assertThat(model.baselineDays()).isEqualTo(365);
        assertThat(model.predict(45)).isCloseTo(25.0, within(1e-9));
        assertThat(model.predict(80)).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void shouldRecoverAnExactCoolingModel() {
        List<DailyObservation> days =
                SyntheticDays.days(TEMPERATURES, t -> 3 + 1.5 * DegreeDays.cooling(70, t));

        BaselineModel model = CaltrackDailyFit.fit(days);

        assertThat(model.kind()).isEqualTo(Kind.COOLING_ONLY);
        assertThat(model.coolingBalancePointF()).isEqualTo(70.0);
        assertThat(model.intercept()).isCloseTo(3.0, within(1e-9));
        assertThat(model.coolingCoefficient()).isCloseTo(1.5, within(1e-9));
        assertThat(model.heatingCoefficient()).isNaN();
    }

    @Test
    void shouldRecoverAnExactHeatingAndCoolingModel() {
        List<DailyObservation> days =
                SyntheticDays.days(
                        TEMPERATURES,
                        t -> 4 + 1 * DegreeDays.heating(50, t) + 2 * DegreeDays.cooling(72, t));

        BaselineModel model = CaltrackDailyFit.fit(days);

        assertThat(model.kind()).isEqualTo(Kind.HEATING_AND_COOLING);
        assertThat(model.heatingBalancePointF()).isEqualTo(50.0);
        assertThat(model.coolingBalancePointF()).isEqualTo(72.0);
        assertThat(model.intercept()).isCloseTo(4.0, within(1e-9));
        assertThat(model.heatingCoefficient()).isCloseTo(1.0, within(1e-9));
        assertThat(model.coolingCoefficient()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void shouldStayCloseToTheTruthUnderNoise() {
        Random noise = new Random(7);
        List<DailyObservation> days =
                SyntheticDays.days(
                        TEMPERATURES,
                        t -> 5 + 2 * DegreeDays.heating(55, t) + noise.nextGaussian());

        BaselineModel model = CaltrackDailyFit.fit(days);

        assertThat(model.kind().hasHeating()).isTrue();
        assertThat(model.heatingBalancePointF()).isBetween(53.0, 57.0);
        assertThat(model.heatingCoefficient()).isCloseTo(2.0, within(0.1));
        assertThat(model.adjustedRSquared()).isBetween(0.9, 1.0);
    }

    @Test
    void shouldChooseInterceptOnlyWhenTemperatureDoesNotMatter() {
        // Every temperature occurs on two consecutive days, once with 9 and once with 11: any
        // degree-day column is
        // uncorrelated with usage, so no slope explains anything.
        List<DailyObservation> days = new ArrayList<>();
        for (int d = 0; d < 364; d++) {
            double temperature = TEMPERATURES[d / 2 * 2];
            days.add(
                    DailyObservation.of(
                            SyntheticDays.START.plusDays(d), d % 2 == 0 ? 9 : 11, temperature));
        }

        BaselineModel model = CaltrackDailyFit.fit(days);

        assertThat(model.kind()).isEqualTo(Kind.INTERCEPT_ONLY);
        assertThat(model.intercept()).isCloseTo(10.0, within(1e-12));
        assertThat(model.adjustedRSquared()).isEqualTo(0.0);
        assertThat(model.predict(10)).isCloseTo(10.0, within(1e-12));
        assertThat(model.heatingBalancePointF()).isNaN();
    }

    @Test
    void shouldNeverChooseANegativeDegreeDayCoefficient() {
        // Use that falls as it gets colder: unconstrained, HDD(60) with slope -0.5 would fit
        // perfectly.
        List<DailyObservation> days =
                SyntheticDays.days(TEMPERATURES, t -> 40 - 0.5 * DegreeDays.heating(60, t));

        BaselineModel model = CaltrackDailyFit.fit(days);

        assertThat(model.kind().hasHeating()).isFalse();
        assertThat(model.adjustedRSquared()).isLessThan(1.0);
        if (model.kind().hasCooling()) {
            assertThat(model.coolingCoefficient()).isPositive();
        }
    }

    @Test
    void shouldRejectABalancePointWithFewerThanTenDegreeDayDays() {
        // Nine cold days at 40 °F: HDD(55) has them all, but below 76 °F no balance point sees ten
        // heating days. From
        // 76 °F every day is a heating day and the two-level data fit exactly; the first such point
        // wins the tie.
        List<DailyObservation> days =
                new ArrayList<>(SyntheticDays.constantTemperature(356, 75, 5));
        for (int d = 0; d < 9; d++) {
            days.add(DailyObservation.of(SyntheticDays.START.plusDays(356 + d), 5 + 2 * 15, 40));
        }

        BaselineModel model = CaltrackDailyFit.fit(days);

        assertThat(model.kind()).isEqualTo(Kind.HEATING_ONLY);
        assertThat(model.heatingBalancePointF()).isEqualTo(76.0);
        assertThat(model.heatingCoefficient()).isCloseTo(30.0 / 35.0, within(1e-9));
    }

    @Test
    void shouldRejectABalancePointWithFewerThanTwentyDegreeDaysInTotal() {
        // Twelve days at 54 °F give HDD(55) = 12 in total; HDD(56) = 24 is the first sufficient
        // point.
        List<DailyObservation> days =
                new ArrayList<>(SyntheticDays.constantTemperature(353, 75, 5));
        for (int d = 0; d < 12; d++) {
            days.add(DailyObservation.of(SyntheticDays.START.plusDays(353 + d), 5 + 2 * 1, 54));
        }

        BaselineModel model = CaltrackDailyFit.fit(days);

        assertThat(model.kind()).isEqualTo(Kind.HEATING_ONLY);
        assertThat(model.heatingBalancePointF()).isEqualTo(56.0);
        assertThat(model.heatingCoefficient()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void shouldLeaveOutMissingDaysAndDaysWithoutTemperature() {
        List<DailyObservation> days =
                new ArrayList<>(
                        SyntheticDays.days(TEMPERATURES, t -> 5 + 2 * DegreeDays.heating(55, t)));
        days.set(10, DailyObservation.missing(days.get(10).date(), days.get(10).temperatureF()));
        days.set(20, DailyObservation.of(days.get(20).date(), 1000, Double.NaN));

        BaselineModel model = CaltrackDailyFit.fit(days);

        assertThat(model.baselineDays()).isEqualTo(363);
        assertThat(model.heatingBalancePointF()).isEqualTo(55.0);
        assertThat(model.heatingCoefficient()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void shouldReportStatisticsAsDefined() {
        // Intercept-only over 1, 2, 3, 4 on consecutive days: mean 2.5, residuals -1.5 -0.5 0.5
        // 1.5, SSres 5, n - p 3.
        List<DailyObservation> days = new ArrayList<>();
        for (int d = 0; d < 4; d++) {
            days.add(DailyObservation.of(SyntheticDays.START.plusDays(d), d + 1, 60));
        }

        BaselineModel model = CaltrackDailyFit.fit(days);

        assertThat(model.kind()).isEqualTo(Kind.INTERCEPT_ONLY);
        assertThat(model.cvRmse()).isCloseTo(Math.sqrt(5.0 / 3) / 2.5, within(1e-12));
        assertThat(model.nmbe()).isCloseTo(0.0, within(1e-12));
        // Lag-1: (0.75 - 0.25 + 0.75) / 5.
        assertThat(model.residualAutocorrelation()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void shouldAdjustRSquaredForTheNumberOfCoefficients() {
        Random noise = new Random(11);
        List<DailyObservation> days =
                SyntheticDays.days(
                        TEMPERATURES,
                        t -> 5 + 2 * DegreeDays.heating(55, t) + 3 * noise.nextGaussian());

        BaselineModel model = CaltrackDailyFit.fit(days);

        double mean = days.stream().mapToDouble(DailyObservation::usage).average().orElseThrow();
        double residualSquares = 0;
        double totalSquares = 0;
        for (DailyObservation day : days) {
            residualSquares += Math.pow(day.usage() - model.predict(day.temperatureF()), 2);
            totalSquares += Math.pow(day.usage() - mean, 2);
        }
        int n = days.size();
        int p = model.parameterCount();
        double rSquared = 1 - residualSquares / totalSquares;
        assertThat(model.adjustedRSquared())
                .isCloseTo(1 - (1 - rSquared) * (n - 1) / (n - p), within(1e-12));
        assertThat(model.cvRmse())
                .isCloseTo(Math.sqrt(residualSquares / (n - p)) / mean, within(1e-12));
    }

    @Test
    void shouldRefuseABaselineWithoutUsableDays() {
        List<DailyObservation> days = List.of(DailyObservation.missing(SyntheticDays.START, 50));

        assertThatThrownBy(() -> CaltrackDailyFit.fit(days))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
