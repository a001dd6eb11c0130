package io.gridpulse.core.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fitted slopes on households whose response is known. */
class WeatherResponseTest {

    private static final double HEATING_BASE = 16;
    private static final double COOLING_BASE = 22;

    @Test
    void findsAHeatingSlopeAndNoCoolingWhereItNeverGetsWarm() {
        WeatherResponse response = learn(40, 0, 2, 4);
        double[] slopes = response.slopes();

        assertThat(slopes[0]).isBetween(36.0, 41.0);
        assertThat(slopes[1]).isZero();
    }

    @Test
    void givesAllTheHeatingAsTheWeathersLoadWhateverTheHourOfTheWeekIsUsedTo() {
        WeatherResponse response = learn(40, 0, 2, 4);

        assertThat(response.loadWh(new Degrees(10, 0))).isBetween(360.0, 410.0);
        assertThat(response.loadWh(new Degrees(0, 0))).isZero();
    }

    @Test
    void findsACoolingSlopeInSummer() {
        WeatherResponse response = learn(0, 30, 24, 5);
        double[] slopes = response.slopes();

        assertThat(slopes[1]).isBetween(26.0, 31.0);
        assertThat(slopes[0]).isLessThan(1.0);
    }

    @Test
    void givesNoSlopeToAHouseholdTheWeatherDoesNotMove() {
        WeatherResponse response = learn(0, 0, 2, 4);
        double[] slopes = response.slopes();

        assertThat(slopes[0]).isLessThan(1.0);
        assertThat(slopes[1]).isLessThan(1.0);
    }

    @Test
    void predictsNothingUntilTwoWeeksOfWeatherAreSeen() {
        WeatherResponse response = new WeatherResponse();
        Degrees cold = Degrees.of(-20, HEATING_BASE, COOLING_BASE);
        for (int q = 0; q < 96 * 13; q++) {
            response.learn(q / 4 % 168, Degrees.of(0, HEATING_BASE, COOLING_BASE), 0, 0.1, true);
        }

        assertThat(response.departureWh(0, cold)).isZero();
    }

    /**
     * Five weeks of a household whose use is its slopes times the degrees plus +-20 Wh of noise,
     * its hour-of-week means learned as {@link MeterProfile} learns them (a rate of 0.1);
     * temperatures about {@code meanC} with a daily swing and spells of {@code spellC}.
     */
    private static WeatherResponse learn(
            double heatingSlope, double coolingSlope, double meanC, double spellC) {
        WeatherResponse response = new WeatherResponse();
        double[] meanWh = new double[168];
        for (int q = 0; q < 96 * 35; q++) {
            double celsius =
                    meanC
                            + 3 * Math.sin(2 * Math.PI * q / 96.0)
                            + spellC * Math.sin(2 * Math.PI * q / (96 * 4.7));
            Degrees degrees = Degrees.of(celsius, HEATING_BASE, COOLING_BASE);
            double noise = ((q * 2654435761L) % 41 - 20);
            double use =
                    heatingSlope * degrees.heating() + coolingSlope * degrees.cooling() + noise;
            int hourOfWeek = q / 4 % 168;
            double rate = q < 96 * 7 ? 1.0 / (q % 4 + 1) : 0.1;
            response.learn(hourOfWeek, degrees, use - meanWh[hourOfWeek], rate, q >= 96 * 7);
            meanWh[hourOfWeek] += rate * (use - meanWh[hourOfWeek]);
        }
        return response;
    }
}
