package io.gridpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SimulationConfigTest {

    @Test
    void shouldDefaultToOneDayOfMinuteReadingsFromHelsinkiMidnight() {
        SimulationConfig config = SimulationConfig.defaults();

        assertThat(config.start()).isEqualTo(Instant.parse("2026-01-11T22:00:00Z"));
        assertThat(config.zone()).isEqualTo(ZoneId.of("Europe/Helsinki"));
        assertThat(config.households()).isEqualTo(1000);
        assertThat(config.feeders()).isEqualTo(20);
        assertThat(config.districts()).isEqualTo(4);
        assertThat(config.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.end()).isEqualTo(Instant.parse("2026-01-12T22:00:00Z"));
        assertThat(config.expectedReadings()).isEqualTo(1441L * 1000);
    }

    @Test
    void shouldChangeOneFieldPerWither() {
        SimulationConfig config =
                SimulationConfig.defaults()
                        .withSeed(7)
                        .withHouseholds(10)
                        .withFeeders(5)
                        .withDistricts(5)
                        .withDuration(Duration.ofHours(2))
                        .withStart(Instant.parse("2026-03-01T00:00:00Z"))
                        .withSpeed(60);

        assertThat(config)
                .isEqualTo(
                        new SimulationConfig(
                                7,
                                10,
                                5,
                                5,
                                Instant.parse("2026-03-01T00:00:00Z"),
                                Duration.ofHours(2),
                                Duration.ofMinutes(1),
                                ZoneId.of("Europe/Helsinki"),
                                60,
                                true,
                                Climate.NORDIC,
                                HouseholdMix.DEFAULT));
    }

    @Test
    void shouldRefuseConfigsThatCannotBeSimulated() {
        SimulationConfig config = SimulationConfig.defaults();

        assertThatThrownBy(() -> config.withHouseholds(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withDistricts(30)).hasMessageContaining("feeders");
        assertThatThrownBy(() -> config.withInterval(Duration.ofHours(2)))
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> config.withDuration(Duration.ofHours(-1)))
                .hasMessageContaining("duration");
        assertThatThrownBy(() -> config.withSpeed(-1)).hasMessageContaining("speed");
    }

    @Test
    void shouldEndOnTheLastWholeIntervalWithinTheDuration() {
        SimulationConfig config =
                SimulationConfig.defaults()
                        .withInterval(Duration.ofMinutes(15))
                        .withDuration(Duration.ofMinutes(50));

        assertThat(config.steps()).isEqualTo(3);
        assertThat(config.end()).isEqualTo(config.start().plus(Duration.ofMinutes(45)));
    }
}
