package io.gridpulse.simulator.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.Topology;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The anomaly size and duration scales: they change the magnitudes resp. lengths and nothing else
 * of the plan; at 1 the run is as without them.
 */
class AnomalyScaleTest {

    private static final SimulationConfig SIMULATION = AnomalyFixtures.simulation();
    private static final AnomalyConfig CONFIG = AnomalyFixtures.anomalies(SIMULATION);

    @Test
    void shouldLeaveThePlanAsItWasAtScaleOne() {
        assertThat(AnomalyPlanner.plan(CONFIG.withSizeScale(1).withDurationScale(1)))
                .isEqualTo(AnomalyPlanner.plan(CONFIG));
        assertThat(CONFIG.sizeScale()).isEqualTo(1.0);
        assertThat(CONFIG.durationScale()).isEqualTo(1.0);
    }

    @Test
    void shouldScaleTheLengthsOnTheSameMetersAndStarts() {
        List<PlannedAnomaly> plan = AnomalyPlanner.plan(CONFIG);
        List<PlannedAnomaly> halved = AnomalyPlanner.plan(CONFIG.withDurationScale(0.5));
        assertThat(halved).hasSameSizeAs(plan);
        for (int i = 0; i < plan.size(); i++) {
            PlannedAnomaly full = plan.get(i);
            PlannedAnomaly half = halved.get(i);
            assertThat(half.meter()).isEqualTo(full.meter());
            assertThat(half.kind()).isEqualTo(full.kind());
            if (!full.toEnd()) {
                long fullSteps = full.lastStep() - full.firstStep() + 1;
                long halfSteps = half.lastStep() - half.firstStep() + 1;
                assertThat((double) halfSteps)
                        .as(full.kind().name())
                        .isCloseTo(fullSteps / 2.0, within(3.5));
            }
        }
        assertThat(AnomalyPlanner.scaled(1, 0.1)).isEqualTo(1);
        assertThat(AnomalyPlanner.roomNeeded(AnomalyKind.ZERO_CONSUMPTION, 2))
                .isEqualTo(Duration.ofHours(48));
    }

    @Test
    void shouldScaleTheExtraLoads() {
        AnomalyLedger plain = AnomalyFixtures.anomalous().ledger();
        AnomalyLedger doubled = AnomalyFixtures.anomalous(CONFIG.withSizeScale(2)).ledger();
        for (AnomalyKind kind : List.of(AnomalyKind.SUSTAINED_HIGH, AnomalyKind.HIGH_BASE_LOAD)) {
            List<InjectedAnomaly> before = plain.anomalies(kind);
            List<InjectedAnomaly> after = doubled.anomalies(kind);
            assertThat(after).hasSameSizeAs(before);
            for (int i = 0; i < before.size(); i++) {
                assertThat(after.get(i).meterId()).isEqualTo(before.get(i).meterId());
                assertThat(after.get(i).extraW())
                        .as(kind.name())
                        .isCloseTo(2 * before.get(i).extraW(), within(2.0));
            }
        }
    }

    @Test
    void shouldRefuseScalesThatAreNotPositive() {
        assertThatThrownBy(() -> CONFIG.withSizeScale(0))
                .hasMessageContaining("size scale must be positive");
        assertThatThrownBy(() -> CONFIG.withDurationScale(-1))
                .hasMessageContaining("duration scale must be positive");
    }

    @Test
    void shouldNameEveryMeterThePlanAffectsBeforeTheRun() {
        AnomalyInjector injector = AnomalyInjector.of(CONFIG);
        AnomalyLedger ledger = AnomalyFixtures.anomalous().ledger();
        Set<String> clean = Set.copyOf(ledger.cleanMeters());

        assertThat(injector.affectedMeters())
                .isNotEmpty()
                .isEqualTo(
                        Topology.of(SIMULATION).meterIds().stream()
                                .filter(m -> !clean.contains(m))
                                .collect(Collectors.toSet()));
    }
}
