package io.gridpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WeatherTest {

    private final Weather weather = new Weather(SimulationConfig.defaults());

    @Test
    void shouldBeAPureFunctionOfSeedDistrictAndTime() {
        Instant t = Instant.parse("2026-01-12T10:00:00Z");

        assertThat(new Weather(SimulationConfig.defaults()).temperatureC(1, t))
                .isEqualTo(weather.temperatureC(1, t));
        assertThat(new Weather(SimulationConfig.defaults().withSeed(7)).temperatureC(1, t))
                .isNotEqualTo(weather.temperatureC(1, t));
    }

    @Test
    void shouldBeColderInJanuaryThanInJulyOnAverage() {
        assertThat(monthMean("2026-01-01T00:00:00Z")).isBetween(-15.0, 0.0);
        assertThat(monthMean("2026-07-01T00:00:00Z")).isBetween(10.0, 25.0);
    }

    @Test
    void shouldChangeSmoothlyAndDifferSlightlyBetweenDistricts() {
        Instant t = Instant.parse("2026-01-12T10:00:00Z");
        for (int minute = 0; minute < 24 * 60; minute++) {
            Instant now = t.plus(Duration.ofMinutes(minute));
            assertThat(
                            Math.abs(
                                    weather.temperatureC(0, now.plusSeconds(60))
                                            - weather.temperatureC(0, now)))
                    .isLessThan(0.1);
            assertThat(Math.abs(weather.temperatureC(0, now) - weather.temperatureC(3, now)))
                    .isLessThan(5.0);
        }
    }

    private double monthMean(String from) {
        Instant start = Instant.parse(from);
        double sum = 0;
        int n = 0;
        for (int hour = 0; hour < 31 * 24; hour++) {
            sum += weather.temperatureC(0, start.plus(Duration.ofHours(hour)));
            n++;
        }
        return sum / n;
    }
}
