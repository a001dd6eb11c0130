package io.gridpulse.core.savings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataSufficiencyTest {

    @Test
    void shouldAcceptAFullYear() {
        DataSufficiency.Result result =
                DataSufficiency.check(SyntheticDays.constantTemperature(365, 50, 3));

        assertThat(result.sufficient()).isTrue();
        assertThat(result.reasons()).isEmpty();
        assertThat(result.coveredDays()).isEqualTo(365);
        assertThat(result.missingDays()).isZero();
    }

    @Test
    void shouldRejectAShortBaseline() {
        DataSufficiency.Result result =
                DataSufficiency.check(SyntheticDays.constantTemperature(300, 50, 3));

        assertThat(result.sufficient()).isFalse();
        assertThat(result.reasons()).containsExactly("baseline covers 300 days, needs 365");
    }

    @Test
    void shouldRejectABaselineLongerThanAYear() {
        DataSufficiency.Result result =
                DataSufficiency.check(SyntheticDays.constantTemperature(400, 50, 3));

        assertThat(result.sufficient()).isFalse();
        assertThat(result.reasons())
                .singleElement()
                .asString()
                .startsWith("baseline covers 400 days, at most 365");
    }

    @Test
    void shouldAllowTenPercentMissingButNotMore() {
        assertThat(DataSufficiency.check(withMissingDays(36)).sufficient()).isTrue();

        DataSufficiency.Result result = DataSufficiency.check(withMissingDays(37));

        assertThat(result.sufficient()).isFalse();
        assertThat(result.missingDays()).isEqualTo(37);
        assertThat(result.reasons())
                .containsExactly(
                        "37 of 365 days missing (10.1%), at most 10%: 37 without use, 0 without temperature");
    }

    @Test
    void shouldCountAbsentDatesAndUnknownTemperaturesAsMissing() {
        List<DailyObservation> days =
                new ArrayList<>(SyntheticDays.constantTemperature(365, 50, 3));
        days.subList(100, 130).clear();
        for (int d = 200; d < 210; d++) {
            days.set(d, DailyObservation.of(days.get(d).date(), 3, Double.NaN));
        }

        DataSufficiency.Result result = DataSufficiency.check(days);

        assertThat(result.coveredDays()).isEqualTo(365);
        assertThat(result.reasons())
                .containsExactly(
                        "40 of 365 days missing (11.0%), at most 10%: 30 without use, 10 without"
                                + " temperature");
    }

    @Test
    void shouldCountZeroUsageAsMissingForElectricityOnly() {
        List<DailyObservation> days =
                new ArrayList<>(SyntheticDays.constantTemperature(365, 50, 3));
        for (int d = 150; d < 190; d++) {
            days.set(d, DailyObservation.of(days.get(d).date(), 0, 80));
        }

        assertThat(DataSufficiency.check(days, Fuel.GAS).sufficient()).isTrue();
        DataSufficiency.Result electricity = DataSufficiency.check(days, Fuel.ELECTRICITY);
        assertThat(electricity.sufficient()).isFalse();
        assertThat(electricity.reasons())
                .containsExactly(
                        "40 of 365 days missing (11.0%), at most 10%: 40 without use, 0 without"
                                + " temperature");
    }

    @Test
    void shouldGiveEveryReasonAtOnce() {
        List<DailyObservation> days =
                new ArrayList<>(SyntheticDays.constantTemperature(200, 50, 3));
        for (int d = 0; d < 30; d++) {
            days.set(d, DailyObservation.missing(days.get(d).date(), 50));
        }
        days.add(days.get(5));

        DataSufficiency.Result result = DataSufficiency.check(days);

        assertThat(result.reasons())
                .containsExactly(
                        SyntheticDays.START.plusDays(5) + " appears 2 times",
                        "baseline covers 200 days, needs 365",
                        "30 of 200 days missing (15.0%), at most 10%: 30 without use, 0 without"
                                + " temperature");
    }

    @Test
    void shouldRejectAnEmptyBaseline() {
        assertThat(DataSufficiency.check(List.of()).reasons()).containsExactly("baseline is empty");
    }

    private static List<DailyObservation> withMissingDays(int count) {
        List<DailyObservation> days =
                new ArrayList<>(SyntheticDays.constantTemperature(365, 50, 3));
        for (int d = 0; d < count; d++) {
            int index = 3 + d * 9;
            days.set(index, DailyObservation.missing(days.get(index).date(), 50));
        }
        return days;
    }
}
