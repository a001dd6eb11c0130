package io.gridpulse.simulator.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.simulator.SimulationConfig;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class AnomalyConfigTest {

    private static final SimulationConfig SIXTEEN_DAYS = AnomalyFixtures.simulation();

    @Test
    void shouldDefaultToOnePercentOfTheMetersPerTypeAfterTwoWeeks() {
        AnomalyConfig defaults = AnomalyConfig.defaults(SimulationConfig.defaults());

        assertThat(defaults.metersPerType()).isEqualTo(10);
        assertThat(defaults.outageFeeders()).isEqualTo(2);
        assertThat(defaults.anomalousMeters()).isEqualTo(60);
        assertThat(defaults.warmUp()).isEqualTo(Duration.ofDays(21));
        assertThat(defaults.kinds()).containsExactly(AnomalyKind.values());
        assertThat(AnomalyConfig.defaultMetersPerType(40)).isEqualTo(1);
        assertThat(AnomalyConfig.defaults(SIXTEEN_DAYS).outageFeeders()).isEqualTo(1);
        assertThat(defaults.withKinds(EnumSet.of(AnomalyKind.SPIKE)).outageFeeders()).isZero();
        assertThat(defaults.seed()).isNotEqualTo(SimulationConfig.defaults().seed());
    }

    @Test
    void shouldPlaceTheWarmUpEndOnAReading() {
        AnomalyConfig config =
                AnomalyConfig.defaults(SIXTEEN_DAYS).withWarmUp(Duration.ofDays(14).plusMinutes(7));

        assertThat(config.warmUpSteps()).isEqualTo(14 * 288 + 2);
        assertThat(config.warmUpEnd())
                .isEqualTo(SIXTEEN_DAYS.start().plus(Duration.ofDays(14).plusMinutes(10)));
    }

    @Test
    void shouldRefuseARunWithoutRoomForTheAnomalies() {
        assertThatThrownBy(
                        () -> AnomalyConfig.defaults(SimulationConfig.defaults()).requireFitsRun())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must last at least");
        assertThatThrownBy(
                        () ->
                                AnomalyConfig.defaults(SIXTEEN_DAYS)
                                        .withMetersPerType(6)
                                        .requireFitsRun())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("36 meters needed");
        assertThatThrownBy(
                        () ->
                                AnomalyConfig.defaults(SIXTEEN_DAYS.withDistricts(1).withFeeders(1))
                                        .requireFitsRun())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FEEDER_OUTAGE");
        assertThat(
                        AnomalyConfig.defaults(SIXTEEN_DAYS.withDistricts(1).withFeeders(1))
                                .withWarmUp(Duration.ofDays(14))
                                .withKinds(EnumSet.of(AnomalyKind.SPIKE, AnomalyKind.METER_SILENT))
                                .requireFitsRun())
                .isNotNull();
        assertThat(
                        AnomalyConfig.defaults(SIXTEEN_DAYS)
                                .withWarmUp(Duration.ofDays(2))
                                .withKinds(EnumSet.of(AnomalyKind.SPIKE))
                                .requireFitsRun())
                .isNotNull();
        assertThatThrownBy(
                        () ->
                                AnomalyInjector.of(
                                        AnomalyConfig.defaults(SimulationConfig.defaults())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseNonsense() {
        AnomalyConfig defaults = AnomalyConfig.defaults(SIXTEEN_DAYS);

        assertThatThrownBy(() -> defaults.withMetersPerType(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withWarmUp(Duration.ofHours(23)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least a day");
    }

    @Test
    void shouldRefuseToRunInAnotherSimulation() {
        AnomalyInjector injector = AnomalyInjector.of(AnomalyFixtures.anomalies(SIXTEEN_DAYS));

        assertThatThrownBy(() -> injector.begin(SIXTEEN_DAYS.withSeed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another run");
        assertThatThrownBy(injector::ledger).isInstanceOf(IllegalStateException.class);
    }
}
