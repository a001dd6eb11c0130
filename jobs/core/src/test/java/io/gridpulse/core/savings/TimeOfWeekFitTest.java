package io.gridpulse.core.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeOfWeekFitTest {

    /**
     * A household whose use depends on the hour of the week: home on weekday mornings and evenings
     * and all day at weekends, when it heats (below 60 °F) and cools (above 75 °F) much more than
     * when it is away. Reporting days use {@code 1 - savings} of it; hourly noise on top.
     */
    private static List<DailyObservation> household(
            int fromDay, int days, double savings, double noise, long seed) {
        Random random = new Random(seed * 31 + fromDay);
        double[] means = SyntheticDays.seasonalTemperatures(fromDay + days, seed);
        List<DailyObservation> list = new ArrayList<>();
        for (int d = fromDay; d < fromDay + days; d++) {
            java.time.LocalDate date = SyntheticDays.START.plusDays(d);
            double[] temperatures = new double[24];
            double[] usage = new double[24];
            double total = 0;
            for (int h = 0; h < 24; h++) {
                temperatures[h] = means[d] + 9 * Math.sin(2 * Math.PI * (h - 9) / 24.0);
                boolean home = home(date.getDayOfWeek(), h);
                double expected =
                        (home ? 0.6 : 0.25)
                                + (home ? 0.05 : 0.015) * Math.max(0, 60 - temperatures[h])
                                + (home ? 0.06 : 0.01) * Math.max(0, temperatures[h] - 75);
                usage[h] = (1 - savings) * expected + noise * random.nextGaussian();
                total += usage[h];
            }
            list.add(
                    DailyObservation.of(
                                    date, total, Arrays.stream(temperatures).average().orElse(0))
                            .withHourlyTemperatures(temperatures)
                            .withHourlyUsage(usage));
        }
        return list;
    }

    private static boolean home(DayOfWeek day, int hour) {
        boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        return weekend ? hour >= 8 && hour <= 22 : (hour >= 6 && hour <= 8) || hour >= 17;
    }

    @Test
    void shouldPredictUnseenDaysOfAHouseholdThatHeatsWhenItIsHome() {
        List<DailyObservation> baseline = household(0, 365, 0, 0.0, 1);
        TimeOfWeekModel model = TimeOfWeekFit.fit(baseline).orElseThrow();

        List<DailyObservation> nextYear = household(365, 365, 0, 0.0, 1);
        for (DailyObservation day : nextYear) {
            assertThat(model.predict(day)).as(day.toString()).isCloseTo(day.usage(), within(0.35));
        }
        // home 10 hours a weekday and 15 a weekend day: 10 * 5 + 15 * 2
        assertThat(model.occupiedHours()).isEqualTo(80);
        assertThat(model.fittedObservations()).isEqualTo(365 * 24);
        assertThat(model.observationsPerDay()).isEqualTo(24);
    }

    @Test
    void shouldBeChosenOverDailyModelsWhenUseFollowsTheWeekAndRecoverTheSavings() {
        for (long seed = 1; seed <= 3; seed++) {
            List<DailyObservation> baseline = household(0, 365, 0, 0.2, seed);
            List<DailyObservation> reporting = household(365, 365, 0.10, 0.2, seed);

            ModelSelection.Choice choice =
                    ModelSelection.choose(baseline, BalancePointGrid.CALTRACK);

            assertThat(choice.candidates()).hasSize(3);
            assertThat(choice.chosen().model().method()).isEqualTo(BaselineMethod.TIME_OF_WEEK);
            for (ModelSelection.Candidate other : choice.candidates().subList(1, 3)) {
                assertThat(choice.chosen().heldOutCvRmse()).isLessThan(other.heldOutCvRmse());
            }
            Savings savings = choice.chosen().savings(reporting);
            assertThat(savings.reportingDays()).isEqualTo(365);
            assertThat(savings.savingsFraction()).isCloseTo(0.10, within(0.005));
            assertThat(savings.fractionalSavingsUncertainty()).isFinite().isPositive();
        }
    }

    @Test
    void shouldLeaveOutTheMethodsAnAnalystDidNotAskFor() {
        List<DailyObservation> baseline = household(0, 365, 0, 0.2, 1);

        ModelSelection.Choice caltrackDaily =
                ModelSelection.choose(
                        baseline, BalancePointGrid.CALTRACK, EnumSet.of(BaselineMethod.DAILY_MEAN));
        ModelSelection.Choice noHourlyModel =
                ModelSelection.choose(
                        baseline, BalancePointGrid.CALTRACK, EnumSet.of(BaselineMethod.HOURLY));

        assertThat(caltrackDaily.candidates())
                .extracting(candidate -> candidate.model().method())
                .containsExactly(BaselineMethod.DAILY_MEAN);
        assertThat(noHourlyModel.candidates())
                .extracting(candidate -> candidate.model().method())
                .containsExactlyInAnyOrder(BaselineMethod.DAILY_MEAN, BaselineMethod.HOURLY);
    }

    @Test
    void shouldNotCompeteWithoutHourlyUse() {
        List<DailyObservation> days =
                household(0, 365, 0, 0.2, 4).stream()
                        .map(day -> day.withHourlyUsage(null))
                        .toList();

        ModelSelection.Choice choice = ModelSelection.choose(days, BalancePointGrid.CALTRACK);

        assertThat(choice.candidates())
                .extracting(candidate -> candidate.model().method())
                .containsExactlyInAnyOrder(BaselineMethod.DAILY_MEAN, BaselineMethod.HOURLY);
    }

    @Test
    void shouldFitOnlyHoursWithUseAndTheirOwnTemperature() {
        List<DailyObservation> days = new ArrayList<>(household(0, 28, 0, 0.0, 5));
        double[] usage = days.get(0).hourlyUsage().clone();
        usage[3] = Double.NaN;
        double[] temperatures = days.get(0).hourlyTemperaturesF().clone();
        temperatures[4] = Double.NaN;
        days.set(0, days.get(0).withHourlyUsage(usage).withHourlyTemperatures(temperatures));

        assertThat(TimeOfWeekFit.fit(days).orElseThrow().fittedObservations())
                .isEqualTo(28 * 24 - 2);
        assertThat(TimeOfWeekFit.fit(List.of())).isEmpty();
    }

    @Test
    void shouldLeaveAnHourOfTheWeekNeverSeenUnpredicted() {
        // five days: Saturday and Sunday never seen
        List<DailyObservation> weekdays =
                household(0, 14, 0, 0.0, 6).stream()
                        .filter(day -> day.date().getDayOfWeek().getValue() <= 5)
                        .toList();
        TimeOfWeekModel model = TimeOfWeekFit.fit(weekdays).orElseThrow();
        DailyObservation saturday =
                household(0, 14, 0, 0.0, 6).stream()
                        .filter(day -> day.date().getDayOfWeek() == DayOfWeek.SATURDAY)
                        .findFirst()
                        .orElseThrow();

        assertThat(model.predict(saturday)).isNaN();
        assertThat(Savings.over(model, List.of(saturday)).reportingDays()).isZero();
    }

    @Test
    void shouldCountTheHourOfTheWeekFromMondayMidnight() {
        java.time.LocalDate monday = java.time.LocalDate.of(2024, 1, 1);
        assertThat(TimeOfWeekModel.hourOfWeek(monday, 0)).isZero();
        assertThat(TimeOfWeekModel.hourOfWeek(monday.plusDays(6), 23)).isEqualTo(167);
        // the 25th hour of the day the clocks go back counts as the day's last
        assertThat(TimeOfWeekModel.hourOfWeek(monday, 24)).isEqualTo(23);
    }
}
