package io.gridpulse.core.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.core.savings.BaselineModel.Kind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SavingsTest {

    private static final double[] BASELINE_WEATHER = SyntheticDays.seasonalTemperatures(365, 1);
    private static final double[] REPORTING_WEATHER = SyntheticDays.seasonalTemperatures(365, 2);

    @Test
    void shouldMeasureSavingsUnderTheReportingPeriodsWeather() {
        BaselineModel model =
                CaltrackDailyFit.fit(
                        SyntheticDays.days(
                                BASELINE_WEATHER, t -> 5 + 2 * DegreeDays.heating(55, t)));
        // The same household, 10% more efficient, in a different year's weather.
        List<DailyObservation> reporting =
                SyntheticDays.days(
                        REPORTING_WEATHER, t -> 0.9 * (5 + 2 * DegreeDays.heating(55, t)));

        Savings savings = Savings.over(dailyMean(model), reporting);

        double expectedPredicted = 0;
        for (double t : REPORTING_WEATHER) {
            expectedPredicted += 5 + 2 * DegreeDays.heating(55, t);
        }
        assertThat(savings.reportingDays()).isEqualTo(365);
        assertThat(savings.predicted()).isCloseTo(expectedPredicted, within(1e-6));
        assertThat(savings.actual()).isCloseTo(0.9 * expectedPredicted, within(1e-6));
        assertThat(savings.avoided()).isCloseTo(0.1 * expectedPredicted, within(1e-6));
        assertThat(savings.savingsFraction()).isCloseTo(0.10, within(1e-9));
        // A perfect baseline fit leaves no model uncertainty.
        assertThat(savings.fractionalSavingsUncertainty()).isCloseTo(0.0, within(1e-6));
    }

    @Test
    void shouldSkipReportingDaysWithoutUsageOrTemperature() {
        BaselineModel model = interceptOnly(10, 0.1, 0);
        List<DailyObservation> reporting =
                new ArrayList<>(SyntheticDays.constantTemperature(5, 50, 8));
        reporting.add(DailyObservation.missing(LocalDate.of(2030, 1, 1), 50));
        reporting.add(DailyObservation.of(LocalDate.of(2030, 1, 2), 8, Double.NaN));

        Savings savings = Savings.over(dailyMean(model), reporting);

        assertThat(savings.reportingDays()).isEqualTo(5);
        assertThat(savings.predicted()).isEqualTo(50.0);
        assertThat(savings.actual()).isEqualTo(40.0);
        assertThat(savings.savingsFraction()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void shouldComputeTheAshraeFractionalSavingsUncertainty() {
        // n = 365, p = 1, rho = 0.5 (n/n' = 3), CV(RMSE) 0.2, m = 365, F = 0.1.
        BaselineModel model = interceptOnly(10, 0.2, 0.5);
        List<DailyObservation> reporting = SyntheticDays.constantTemperature(365, 50, 9);

        Savings savings = Savings.over(dailyMean(model), reporting);

        double t = StudentT.criticalValue(0.90, 364);
        double expected = t * 1.26 * 0.2 * Math.sqrt(3.0 * (1 + 2.0 / 365) / 365) / 0.1;
        assertThat(t).isCloseTo(1.649, within(1e-3));
        assertThat(savings.savingsFraction()).isCloseTo(0.1, within(1e-12));
        assertThat(savings.fractionalSavingsUncertainty()).isCloseTo(expected, within(1e-12));
        assertThat(savings.fractionalSavingsUncertainty()).isCloseTo(0.3777, within(1e-3));
        assertThat(savings.absoluteUncertainty())
                .isCloseTo(expected * savings.avoided(), within(1e-9));
    }

    @Test
    void shouldShrinkTheUncertaintyWithMoreReportingDaysAndLessAutocorrelation() {
        List<DailyObservation> year = SyntheticDays.constantTemperature(365, 50, 9);
        double correlated =
                Savings.over(dailyMean(interceptOnly(10, 0.2, 0.5)), year)
                        .fractionalSavingsUncertainty();
        double independent =
                Savings.over(dailyMean(interceptOnly(10, 0.2, 0.0)), year)
                        .fractionalSavingsUncertainty();
        double quarter =
                Savings.over(dailyMean(interceptOnly(10, 0.2, 0.0)), year.subList(0, 91))
                        .fractionalSavingsUncertainty();

        assertThat(independent).isCloseTo(correlated / Math.sqrt(3), within(1e-12));
        assertThat(quarter).isGreaterThan(independent);
    }

    @Test
    void shouldLeaveTheUncertaintyUndefinedWithoutReportingDays() {
        Savings savings = Savings.over(dailyMean(interceptOnly(10, 0.2, 0)), List.of());

        assertThat(savings.reportingDays()).isZero();
        assertThat(savings.savingsFraction()).isNaN();
        assertThat(savings.fractionalSavingsUncertainty()).isNaN();
    }

    private static BaselineModel interceptOnly(double intercept, double cvRmse, double rho) {
        return new BaselineModel(
                Kind.INTERCEPT_ONLY,
                intercept,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                0,
                cvRmse,
                0,
                365,
                rho);
    }

    private static DayModel dailyMean(BaselineModel model) {
        return new DegreeDayModel(DegreeDayForm.DAILY_MEAN, model);
    }
}
