package io.gridpulse.core.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DailyObservationTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    @Test
    void shouldConvertCelsiusToFahrenheit() {
        assertThat(DailyObservation.celsiusToFahrenheit(0)).isEqualTo(32.0);
        assertThat(DailyObservation.celsiusToFahrenheit(100)).isEqualTo(212.0);
        assertThat(DailyObservation.celsiusToFahrenheit(-40)).isEqualTo(-40.0);
        assertThat(DailyObservation.ofCelsius(DAY, 1, 20).temperatureF())
                .isCloseTo(68.0, within(1e-12));
    }

    @Test
    void shouldTreatNanUsageAndTheMissingFlagAsTheSameThing() {
        assertThat(DailyObservation.of(DAY, Double.NaN, 50).missing()).isTrue();
        assertThat(DailyObservation.missing(DAY, 50).usage()).isNaN();
        assertThat(new DailyObservation(DAY, 7, 50, true).usage()).isNaN();
        assertThat(DailyObservation.of(DAY, 0, 50).missing()).isFalse();
    }

    @Test
    void shouldNeedUsageAndTemperatureToBeUsable() {
        assertThat(DailyObservation.of(DAY, 3, 50).hasUsageAndTemperature()).isTrue();
        assertThat(DailyObservation.of(DAY, 3, Double.NaN).hasUsageAndTemperature()).isFalse();
        assertThat(DailyObservation.missing(DAY, 50).hasUsageAndTemperature()).isFalse();
    }

    @Test
    void shouldCountDegreeDaysOnOneSideOfTheBalancePointOnly() {
        assertThat(DegreeDays.heating(60, 45)).isEqualTo(15.0);
        assertThat(DegreeDays.heating(60, 70)).isEqualTo(0.0);
        assertThat(DegreeDays.cooling(65, 80)).isEqualTo(15.0);
        assertThat(DegreeDays.cooling(65, 50)).isEqualTo(0.0);
    }

    @Test
    void shouldListTheBalancePointGridInclusively() {
        double[] points = BalancePointGrid.CALTRACK.points();
        assertThat(points).hasSize(61);
        assertThat(points[0]).isEqualTo(30.0);
        assertThat(points[60]).isEqualTo(90.0);
        assertThat(new BalancePointGrid(50, 51, 0.1).points()).hasSize(11);
    }
}
