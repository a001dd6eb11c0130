package io.gridpulse.simulator;

import static io.gridpulse.simulator.SimulatorFixtures.localMidnight;
import static io.gridpulse.simulator.SimulatorFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.schema.MeterReading;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class HouseholdModelTest {

    private static final ZoneId HELSINKI = SimulationConfig.DEFAULT_ZONE;
    private static final Topology TOPOLOGY = new Topology(200, 10, 2);
    private static final List<HouseholdProfile> HOUSEHOLDS =
            List.of(HouseholdProfiles.generate(TOPOLOGY, 42));

    @Test
    void shouldPeakLaterOnWeekendMorningsAndBeQuieterAtTheWeekdayPeak() {
        for (HouseholdProfile p : HOUSEHOLDS) {
            double weekdayPeakHour = peakHour(p, false, 4, 11);
            double weekendPeakHour = peakHour(p, true, 4, 12);

            assertThat(weekendPeakHour).isGreaterThan(weekdayPeakHour + 1.0);
            // At the weekday rush hour, most of the household is still asleep at the weekend.
            assertThat(HouseholdModel.everydayPowerW(p, weekdayPeakHour, true))
                    .isLessThan(HouseholdModel.everydayPowerW(p, weekdayPeakHour, false));
        }
    }

    @Test
    void shouldDrawOnlyTheBaseLoadInTheSmallHours() {
        HouseholdProfile p = HOUSEHOLDS.get(0);

        assertThat(HouseholdModel.everydayPowerW(p, 3.0, false)).isEqualTo(p.baseW());
    }

    @Test
    void shouldHeatMoreOnAColdDayThanOnAWarmOne() {
        List<HouseholdProfile> heating =
                HOUSEHOLDS.stream().filter(HouseholdProfile::hasHeating).toList();
        List<HouseholdProfile> none =
                HOUSEHOLDS.stream().filter(p -> !p.hasHeating() && !p.hasCooling()).toList();

        assertThat(heating).hasSizeGreaterThan(HOUSEHOLDS.size() / 2);
        assertThat(none).isNotEmpty();
        for (HouseholdProfile p : heating) {
            assertThat(HouseholdModel.climatePowerW(p, -15.0))
                    .isGreaterThan(HouseholdModel.climatePowerW(p, 0.0));
            assertThat(HouseholdModel.climatePowerW(p, 0.0))
                    .isGreaterThan(HouseholdModel.climatePowerW(p, 10.0));
            assertThat(HouseholdModel.climatePowerW(p, -40.0)).isLessThanOrEqualTo(p.heatingMaxW());
        }
        for (HouseholdProfile p : none) {
            assertThat(HouseholdModel.climatePowerW(p, -15.0)).isZero();
        }
    }

    @Test
    void shouldCoolOnlyAboveTheCoolingBalancePoint() {
        HouseholdProfile p =
                HOUSEHOLDS.stream()
                        .filter(HouseholdProfile::hasCooling)
                        .filter(Predicate.not(HouseholdProfile::hasHeating))
                        .findFirst()
                        .orElseThrow();

        assertThat(HouseholdModel.climatePowerW(p, p.coolingBalanceC() - 1)).isZero();
        assertThat(HouseholdModel.climatePowerW(p, p.coolingBalanceC() + 5))
                .isCloseTo(5 * p.coolingWPerC(), within(1e-9));
    }

    @Test
    void shouldUseMoreEnergyOnAJanuaryDayThanOnAJulyDayWhenHeatingElectrically() {
        SimulationConfig january =
                SimulationConfig.defaults().withHouseholds(40).withInterval(Duration.ofMinutes(15));
        SimulationConfig july = january.withStart(localMidnight(2026, 7, 13)); // also a Monday
        SimulatorFixtures.Result cold = run(january);
        SimulatorFixtures.Result warm = run(july);

        for (HouseholdProfile p : cold.truth().households()) {
            double coldKwh = dailyKwh(cold.truth(), p.meterId());
            double warmKwh = dailyKwh(warm.truth(), p.meterId());
            if (p.hasHeating() && !p.hasCooling()) {
                assertThat(coldKwh).as(p.meterId()).isGreaterThan(warmKwh + 5.0);
            }
        }
    }

    @Test
    void shouldShowTheWeekendRoutineInTheSimulatedReadings() {
        // A week of households without heating or cooling, so the weather cannot mask the routine.
        SimulationConfig week =
                SimulationConfig.defaults()
                        .withHouseholds(200)
                        .withInterval(Duration.ofMinutes(15))
                        .withDuration(Duration.ofDays(7));
        SimulatorFixtures.Result result = run(week);
        double[] weekday = new double[24];
        double[] weekend = new double[24];
        for (MeterReading r : result.readings()) {
            HouseholdProfile p =
                    result.truth()
                            .households()
                            .get(result.truth().topology().meterIndex(r.getMeterId()));
            if (p.hasHeating() || p.hasCooling()) {
                continue;
            }
            var local = r.getTimestamp().minusSeconds(1).atZone(HELSINKI);
            boolean isWeekend = local.getDayOfWeek().getValue() >= 6;
            (isWeekend ? weekend : weekday)[local.getHour()] += r.getAveragePowerW();
        }

        assertThat(argMax(weekend, 5, 12)).isGreaterThan(argMax(weekday, 5, 12));
        assertThat(weekend[7] / 2).isLessThan(weekday[7] / 5); // per day: weekday 7-8 am busier
        assertThat(weekend[12] / 2).isGreaterThan(weekday[12] / 5); // weekend midday busier
    }

    private static double peakHour(HouseholdProfile p, boolean weekend, double from, double to) {
        double best = from;
        for (double h = from; h <= to; h += 1.0 / 60) {
            if (HouseholdModel.everydayPowerW(p, h, weekend)
                    > HouseholdModel.everydayPowerW(p, best, weekend)) {
                best = h;
            }
        }
        return best;
    }

    private static double dailyKwh(GroundTruth truth, String meterId) {
        double kwh = 0;
        for (var hour : truth.hourStarts()) {
            kwh += truth.meterHourKwh(meterId, hour);
        }
        return kwh;
    }

    private static int argMax(double[] values, int from, int to) {
        int best = from;
        for (int i = from; i <= to; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
