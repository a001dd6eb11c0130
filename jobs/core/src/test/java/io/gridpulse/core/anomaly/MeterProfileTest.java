package io.gridpulse.core.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** What a profile expects once it has learned a household whose use is known. */
class MeterProfileTest {

    private static final long QUARTER_MILLIS = 900_000L;
    private static final double HEATING_SLOPE_WH = 40;
    private static final double BASE_WH = 100;

    /**
     * Three weeks of a heated home, the last four days a warm spell: the level has followed the
     * spell down, and the weather response, fitted at the end of the third week, predicts it too.
     * The first quarter hour judged with both expects what the spell uses, not the spell twice.
     */
    @Test
    void countsAWarmSpellOnceWhenTheWeatherResponseTakesOver() {
        MeterProfile profile = new MeterProfile();
        int quarters = 21 * 96;
        for (int q = 0; q < quarters; q++) {
            int day = q / 96;
            double celsius =
                    day < 17
                            ? 4 * Math.sin(2 * Math.PI * q / 96.0)
                                    + 3 * Math.sin(2 * Math.PI * q / (96 * 4.7))
                            : 12;
            profile.learn(at(q), (q + 1) * QUARTER_MILLIS, use(q, celsius), degrees(celsius));
        }
        assertThat(profile.weather.isFitted()).isTrue();

        double spellWh = BASE_WH + HEATING_SLOPE_WH * degrees(12).heating();
        assertThat(profile.expectedWh(at(quarters), degrees(12))).isCloseTo(spellWh, within(60.0));
    }

    private static QuarterClock.Local at(int q) {
        int day = q / 96;
        return new QuarterClock.Local(day, day % 7, q % 96 / 4, q % 4);
    }

    private static Degrees degrees(double celsius) {
        return Degrees.of(celsius, 16, 22);
    }

    /** The base, the heating and +-10 Wh of noise. */
    private static double use(int q, double celsius) {
        double noise = (q * 2654435761L) % 21 - 10;
        return BASE_WH + HEATING_SLOPE_WH * degrees(celsius).heating() + noise;
    }
}
