package io.gridpulse.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.Topology;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Spared meters get no fault; without any the plan is as ever. */
class SparedMetersTest {

    private static final SimulationConfig SIMULATION =
            SimulationConfig.defaults()
                    .withHouseholds(60)
                    .withFeeders(6)
                    .withDistricts(2)
                    .withDuration(Duration.ofHours(6));

    @Test
    void shouldPlanAsEverWithoutSparedMeters() {
        FaultConfig config = FaultConfig.defaults(SIMULATION);
        assertThat(config.sparedMeters()).isEmpty();
        assertThat(FaultPlanner.plan(config.withSparedMeters(Set.of())))
                .isEqualTo(FaultPlanner.plan(config));
    }

    @Test
    void shouldKeepFaultsOffTheSparedMeters() {
        List<String> meters = Topology.of(SIMULATION).meterIds();
        Set<String> spared = Set.copyOf(meters.subList(0, 40));
        List<PlannedFault> plan =
                FaultPlanner.plan(FaultConfig.defaults(SIMULATION).withSparedMeters(spared));

        assertThat(plan).hasSize(FaultKind.values().length);
        assertThat(plan).noneMatch(fault -> spared.contains(fault.meterId()));
    }

    @Test
    void shouldExplainThatTooFewMetersAreLeft() {
        Set<String> spared = Set.copyOf(Topology.of(SIMULATION).meterIds().subList(0, 50));
        assertThatThrownBy(() -> FaultConfig.defaults(SIMULATION).withSparedMeters(spared))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("of which 50 are spared");
    }
}
