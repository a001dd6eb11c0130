package io.gridpulse.core.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelSelectionTest {

    private static final double HEATING_BP = 60;
    private static final double COOLING_BP = 65;

    /**
     * A house whose load follows the hours: heating below 60 °F and cooling above 65 °F, hour by
     * hour, under days with a 20 °F swing between night and afternoon; reporting days use {@code 1
     * - savings} of it.
     */
    private static List<DailyObservation> hourlyHouse(
            int fromDay, int days, double savings, long seed) {
        Random random = new Random(seed);
        double[] means = SyntheticDays.seasonalTemperatures(fromDay + days, seed);
        List<DailyObservation> list = new ArrayList<>();
        for (int d = fromDay; d < fromDay + days; d++) {
            double[] hours = new double[24];
            double heating = 0;
            double cooling = 0;
            for (int h = 0; h < 24; h++) {
                hours[h] = means[d] + 10 * Math.sin(2 * Math.PI * (h - 9) / 24.0);
                heating += Math.max(0, HEATING_BP - hours[h]) / 24;
                cooling += Math.max(0, hours[h] - COOLING_BP) / 24;
            }
            double usage =
                    (1 - savings) * (8 + 0.5 * heating + 0.8 * cooling)
                            + 0.3 * random.nextGaussian();
            list.add(
                    DailyObservation.of(SyntheticDays.START.plusDays(d), usage, means[d])
                            .withHourlyTemperatures(hours));
        }
        return list;
    }

    @Test
    void shouldChooseDegreeHoursWhenTheLoadFollowsTheHoursAndRecoverTheSavings() {
        for (long seed = 1; seed <= 3; seed++) {
            List<DailyObservation> baseline = hourlyHouse(0, 365, 0, seed);
            List<DailyObservation> reporting = hourlyHouse(365, 365, 0.10, seed);
            ModelSelection.Choice choice =
                    ModelSelection.choose(baseline, BalancePointGrid.CALTRACK);
            assertThat(choice.chosen().model().method()).isEqualTo(BaselineMethod.HOURLY);
            assertThat(choice.candidates()).hasSize(2);
            ModelSelection.Candidate daily = choice.candidates().get(1);
            assertThat(daily.model().method()).isEqualTo(BaselineMethod.DAILY_MEAN);
            assertThat(choice.chosen().heldOutCvRmse()).isLessThan(daily.heldOutCvRmse());
            assertThat(choice.chosen().savings(reporting).savingsFraction())
                    .isCloseTo(0.10, within(0.005));
        }
    }

    @Test
    void shouldKeepCaltracksDailyModelWhenThereAreNoHourlyTemperatures() {
        double[] temperatures = SyntheticDays.seasonalTemperatures(365, 7);
        List<DailyObservation> days =
                SyntheticDays.days(temperatures, t -> 10 + 0.4 * Math.max(0, 60 - t));
        ModelSelection.Choice choice = ModelSelection.choose(days, BalancePointGrid.CALTRACK);
        assertThat(choice.candidates()).hasSize(1);
        assertThat(choice.chosen().model().method()).isEqualTo(BaselineMethod.DAILY_MEAN);
        assertThat(choice.chosen().heldOutCvRmse()).isCloseTo(0.0, within(1e-6));
    }

    @Test
    void shouldFlagABalancePointAtTheEdgeAndAnErrorOverTheLimit() {
        double[] temperatures = SyntheticDays.seasonalTemperatures(365, 3);
        Random random = new Random(3);
        List<DailyObservation> days =
                SyntheticDays.days(
                        temperatures,
                        t -> 10 + 0.4 * Math.max(0, 95 - t) + 12 * random.nextGaussian());
        BalancePointGrid grid = new BalancePointGrid(40, 70, 1);
        ModelSelection.Choice choice = ModelSelection.choose(days, grid);
        List<String> caveats =
                SavingsCaveats.of(
                        choice,
                        grid,
                        DataSufficiency.check(days),
                        choice.candidates().stream().map(c -> c.savings(days)).toList());
        assertThat(caveats)
                .as(caveats.toString())
                .anyMatch(c -> c.contains("70 °F at the edge of the search"));
        assertThat(caveats).as(caveats.toString()).anyMatch(c -> c.contains("held-out CV(RMSE)"));
    }
}
