package io.gridpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ClimateTest {

    private static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");
    private final Weather hot = new Weather(42, PHOENIX, 2, Climate.HOT_SUMMER);

    @Test
    void shouldGiveTheHotSummerMildWintersAndAfternoonsAround40C() {
        double[] january = dayStatistics(2025, 1);
        double[] july = dayStatistics(2025, 7);

        assertThat(january[0]).as("January mean").isBetween(10.0, 16.0);
        assertThat(july[0]).as("July mean").isBetween(30.0, 36.0);
        assertThat(july[1]).as("July afternoons").isBetween(37.0, 44.0);
        // A desert's wide daily swing, in winter too.
        assertThat(january[1] - january[2]).as("January daily range").isBetween(9.0, 16.0);
        assertThat(july[1] - july[2]).as("July daily range").isBetween(10.0, 18.0);
    }

    @Test
    void shouldNameEachClimateAndRefuseOthers() {
        assertThat(Climate.named("nordic")).isEqualTo(Climate.NORDIC);
        assertThat(Climate.named("hot-summer")).isEqualTo(Climate.HOT_SUMMER);
        assertThatThrownBy(() -> Climate.named("tropic"))
                .hasMessage("unknown climate 'tropic'; one of nordic, hot-summer");
    }

    @Test
    void shouldTakeTheClimateFromTheConfig() {
        Instant t = Instant.parse("2025-07-15T22:00:00Z");
        SimulationConfig config =
                SimulationConfig.defaults()
                        .withZone(PHOENIX)
                        .withDistricts(2)
                        .withClimate(Climate.HOT_SUMMER);

        assertThat(new Weather(config).temperatureC(1, t)).isEqualTo(hot.temperatureC(1, t));
        assertThat(new Weather(config.withClimate(Climate.NORDIC)).temperatureC(1, t))
                .isLessThan(hot.temperatureC(1, t) - 10);
    }

    /** Over the month's local days in district 0: mean, mean daily maximum, mean daily minimum. */
    private double[] dayStatistics(int year, int month) {
        LocalDate first = LocalDate.of(year, month, 1);
        double sum = 0;
        double highs = 0;
        double lows = 0;
        int days = first.lengthOfMonth();
        for (int d = 0; d < days; d++) {
            ZonedDateTime midnight = first.plusDays(d).atStartOfDay(PHOENIX);
            double high = Double.NEGATIVE_INFINITY;
            double low = Double.POSITIVE_INFINITY;
            for (int h = 0; h < 24; h++) {
                double t = hot.temperatureC(0, midnight.plusHours(h).toInstant());
                sum += t;
                high = Math.max(high, t);
                low = Math.min(low, t);
            }
            highs += high;
            lows += low;
        }
        return new double[] {sum / (24.0 * days), highs / days, lows / days};
    }
}
