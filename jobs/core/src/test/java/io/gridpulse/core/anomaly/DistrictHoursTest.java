package io.gridpulse.core.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DistrictHoursTest {

    private static final long HOUR = 3_600_000L;
    private static final long T0 = 1_000 * HOUR;

    @Test
    void anObservationStandsForItsHourAndTheNextTwo() {
        DistrictHours hours = new DistrictHours();
        hours.put(T0 + 10 * 60_000, -4.5);

        assertThat(hours.at(T0)).isEqualTo(-4.5);
        assertThat(hours.at(T0 + 45 * 60_000)).isEqualTo(-4.5);
        assertThat(hours.at(T0 + 2 * HOUR + 59 * 60_000)).as("carried").isEqualTo(-4.5);
        assertThat(hours.at(T0 + 3 * HOUR)).as("too old to stand for now").isNaN();
        assertThat(hours.at(T0 - 1)).as("no observation before").isNaN();
    }

    @Test
    void aQuarterHourFollowsTheTrendFromTheHourBefore() {
        DistrictHours hours = new DistrictHours();
        hours.put(T0, 30.0);
        hours.put(T0 + HOUR, 29.0); // a night cooling by a degree an hour
        long q = 15 * 60_000;

        assertThat(hours.during(T0 + HOUR, T0 + HOUR + q)).isCloseTo(28.875, within(1e-9));
        assertThat(hours.during(T0 + HOUR + 3 * q, T0 + 2 * HOUR)).isCloseTo(28.125, within(1e-9));
        assertThat(hours.during(T0, T0 + q))
                .as("no hour before: the hour's observation as it is")
                .isEqualTo(30.0);
        assertThat(hours.during(T0 + 2 * HOUR, T0 + 2 * HOUR + q))
                .as("an hour not observed carries the last, without a trend")
                .isEqualTo(29.0);
    }

    @Test
    void observationsMayComeInAnyOrder() {
        DistrictHours hours = new DistrictHours();
        hours.put(T0 + 5 * HOUR, 5);
        hours.put(T0, 0);
        hours.put(T0 + 200 * HOUR, 200);
        hours.put(T0 + 5 * HOUR + 30 * 60_000, 5.5); // a later one in the same hour replaces it

        assertThat(hours.at(T0)).isEqualTo(0);
        assertThat(hours.at(T0 + 5 * HOUR)).isEqualTo(5.5);
        assertThat(hours.at(T0 + 200 * HOUR)).isEqualTo(200);
        assertThat(hours.at(T0 + 100 * HOUR)).isNaN();
    }

    @Test
    void forgetsOnlyHoursNoQuarterHourCanAskFor() {
        DistrictHours hours = new DistrictHours();
        for (int h = 0; h < 48; h++) {
            hours.put(T0 + h * HOUR, h);
        }
        hours.dropBefore(T0 + 24 * HOUR);

        assertThat(hours.at(T0 + 24 * HOUR)).isEqualTo(24);
        assertThat(hours.at(T0 + 22 * HOUR))
                .as("kept: a quarter hour at the cut-off may carry it")
                .isEqualTo(22);
        assertThat(hours.at(T0 + 10 * HOUR)).isNaN();
        assertThat(hours.celsius.length).isLessThan(40);
    }
}
