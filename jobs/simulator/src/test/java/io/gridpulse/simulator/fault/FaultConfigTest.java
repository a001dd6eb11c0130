package io.gridpulse.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.simulator.SimulationConfig;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class FaultConfigTest {

    @Test
    void shouldPutEveryKindOnHalfAPercentOfTheMetersByDefault() {
        assertThat(FaultConfig.defaultMetersPerKind(1)).isEqualTo(1);
        assertThat(FaultConfig.defaultMetersPerKind(399)).isEqualTo(1);
        assertThat(FaultConfig.defaultMetersPerKind(400)).isEqualTo(2);
        assertThat(FaultConfig.defaultMetersPerKind(100_000)).isEqualTo(500);

        FaultConfig config = FaultConfig.defaults(SimulationConfig.defaults());
        assertThat(config.kinds()).containsExactly(FaultKind.values());
        assertThat(config.metersPerKind()).isEqualTo(5);
        assertThat(config.faultyMeters()).isEqualTo(5 * FaultKind.values().length);
        assertThat(config.limits()).isEqualTo(JobLimits.defaults());
    }

    @Test
    void shouldDeriveTheFaultSeedFromTheSimulationSeed() {
        SimulationConfig simulation = SimulationConfig.defaults();
        assertThat(FaultConfig.defaults(simulation).seed())
                .isEqualTo(FaultConfig.defaults(simulation).seed())
                .isNotEqualTo(FaultConfig.defaults(simulation.withSeed(43)).seed());
    }

    @Test
    void shouldExplainThatEveryFaultyMeterNeedsAHouseholdOfItsOwn() {
        SimulationConfig fewHouseholds = SimulationConfig.defaults().withHouseholds(16);

        assertThatThrownBy(() -> FaultConfig.defaults(fewHouseholds))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "17 kinds x 1 meters each need 17 households, but the run has 16");
        assertThat(
                        FaultConfig.defaults(SimulationConfig.defaults().withHouseholds(17))
                                .faultyMeters())
                .isEqualTo(17);
        assertThatThrownBy(
                        () ->
                                FaultConfig.defaults(SimulationConfig.defaults())
                                        .withMetersPerKind(59))
                .hasMessageContaining("need 1003 households");
        assertThat(
                        FaultConfig.defaults(fewHouseholds.withHouseholds(20))
                                .withKinds(EnumSet.of(FaultKind.LATE))
                                .withMetersPerKind(20)
                                .faultyMeters())
                .isEqualTo(20);
    }

    @Test
    void shouldExplainThatTheRunMustHoldTheLongestFaultBetweenItsFirstAndLastHour() {
        SimulationConfig fourHours = SimulationConfig.defaults().withDuration(Duration.ofHours(4));

        assertThatThrownBy(() -> FaultConfig.defaults(fourHours))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GAP_LONG can take 181 readings")
                .hasMessageContaining("at least PT5H");
        assertThat(FaultConfig.defaults(fourHours.withDuration(Duration.ofHours(5))).kinds())
                .contains(FaultKind.GAP_LONG);
        FaultConfig withoutLongGaps =
                new FaultConfig(
                        fourHours,
                        1L,
                        1,
                        EnumSet.complementOf(EnumSet.of(FaultKind.GAP_LONG)),
                        JobLimits.defaults(),
                        FaultFixtures.CLOCK);
        assertThat(withoutLongGaps.kinds()).doesNotContain(FaultKind.GAP_LONG);
        assertThatThrownBy(
                        () ->
                                new FaultConfig(
                                        fourHours.withDuration(Duration.ofMinutes(90)),
                                        1L,
                                        1,
                                        EnumSet.of(FaultKind.MISSING_ID),
                                        JobLimits.defaults(),
                                        FaultFixtures.CLOCK))
                .hasMessageContaining("MISSING_ID can take 1 reading there")
                .hasMessageContaining("at least PT2H");
    }

    @Test
    void shouldRefuseFewerThanOneMeterPerKind() {
        assertThatThrownBy(
                        () ->
                                FaultConfig.defaults(SimulationConfig.defaults())
                                        .withMetersPerKind(0))
                .hasMessageContaining("at least 1");
    }
}
