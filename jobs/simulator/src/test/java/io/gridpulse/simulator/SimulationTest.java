package io.gridpulse.simulator;

import static io.gridpulse.simulator.SimulatorFixtures.MONDAY_2026_01_12_HELSINKI;
import static io.gridpulse.simulator.SimulatorFixtures.run;
import static io.gridpulse.simulator.SimulatorFixtures.smallRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.schema.MeterReading;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationTest {

    @Test
    void shouldEmitIdenticalReadingsForTheSameSeed() {
        List<MeterReading> first = run(smallRun()).readings();
        List<MeterReading> second = run(smallRun()).readings();

        assertThat(first).hasSize(24 * (6 * 60 + 1));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldEmitIdenticalReadingsWhenTheSameSimulationRunsTwice() {
        Simulation simulation = new Simulation(smallRun());
        CollectingSink first = new CollectingSink();
        CollectingSink second = new CollectingSink();
        simulation.run(first);
        simulation.run(second);

        assertThat(second.readings()).isEqualTo(first.readings());
    }

    @Test
    void shouldEmitDifferentReadingsForADifferentSeed() {
        List<MeterReading> seed42 = run(smallRun()).readings();
        List<MeterReading> seed43 = run(smallRun().withSeed(43)).readings();

        assertThat(seed43).hasSameSizeAs(seed42);
        long samePower = 0;
        for (int i = 0; i < seed42.size(); i++) {
            if (seed42.get(i).getAveragePowerW() == seed43.get(i).getAveragePowerW()) {
                samePower++;
            }
        }
        assertThat(samePower).isLessThan(seed42.size() / 100);
    }

    @Test
    void shouldKeepAHouseholdTheSameWhateverTheFleetSize() {
        List<MeterReading> small = run(smallRun().withHouseholds(3)).readings();
        List<MeterReading> large = run(smallRun()).readings();

        MeterReading firstOfSmall = small.get(small.size() - 3); // M000001 at the last time
        MeterReading sameInLarge = large.get(large.size() - 24);
        assertThat(firstOfSmall.getMeterId()).isEqualTo("M000001");
        assertThat(firstOfSmall.getActiveEnergyWh()).isEqualTo(sameInLarge.getActiveEnergyWh());
    }

    @Test
    void shouldEmitAllHouseholdsForEachTimeInTimeOrderFromStartToEndInclusive() {
        SimulationConfig config = smallRun();
        List<MeterReading> readings = run(config).readings();

        Instant expected = config.start();
        for (int i = 0; i < readings.size(); i += config.households()) {
            for (int h = 0; h < config.households(); h++) {
                MeterReading r = readings.get(i + h);
                assertThat(r.getTimestamp()).isEqualTo(expected);
                assertThat(r.getMeterId()).isEqualTo(String.format("M%06d", h + 1));
            }
            expected = expected.plus(config.interval());
        }
        assertThat(readings.get(0).getTimestamp()).isEqualTo(MONDAY_2026_01_12_HELSINKI);
        assertThat(readings.get(readings.size() - 1).getTimestamp())
                .isEqualTo(config.start().plus(Duration.ofHours(6)));
    }

    @Test
    void shouldAnchorRegistersAtTheStartReadingAndAddExactlyEachIntervalsEnergy() {
        SimulationConfig config = smallRun();
        SimulatorFixtures.Result result = run(config);
        long intervalMillis = config.interval().toMillis();

        Map<String, MeterReading> previous = new HashMap<>();
        for (MeterReading r : result.readings()) {
            MeterReading before = previous.put(r.getMeterId(), r);
            assertThat(r.getAveragePowerW()).isPositive();
            if (before == null) {
                HouseholdProfile household =
                        result.truth()
                                .households()
                                .get(result.truth().topology().meterIndex(r.getMeterId()));
                assertThat(r.getActiveEnergyWh()).isEqualTo(household.startRegisterWh());
                assertThat(r.getActiveEnergyWh()).isBetween(1_000_000.0, 50_000_000.0);
                continue;
            }
            double delta = r.getActiveEnergyWh() - before.getActiveEnergyWh();
            assertThat(delta).isPositive();
            // Exact, not approximate: registers are multiples of 2^-10 Wh (see EnergyQuantum).
            assertThat(r.getAveragePowerW() * intervalMillis / 3_600_000.0).isEqualTo(delta);
        }
    }

    @Test
    void shouldKeepTheIntervalIdentityExactForFifteenMinuteReadings() {
        SimulationConfig config =
                smallRun().withInterval(Duration.ofMinutes(15)).withDuration(Duration.ofDays(1));
        List<MeterReading> readings = run(config).readings();

        for (int i = config.households(); i < readings.size(); i++) {
            MeterReading r = readings.get(i);
            MeterReading before = readings.get(i - config.households());
            assertThat(r.getAveragePowerW() * 900_000 / 3_600_000.0)
                    .isEqualTo(r.getActiveEnergyWh() - before.getActiveEnergyWh());
        }
    }

    @Test
    void shouldReportVoltageNearNominal() {
        List<MeterReading> readings = run(smallRun()).readings();

        assertThat(readings).allSatisfy(r -> assertThat(r.getVoltageV()).isBetween(215.0, 240.0));
        double mean =
                readings.stream().mapToDouble(MeterReading::getVoltageV).average().orElseThrow();
        assertThat(mean).isBetween(226.0, 232.0);
    }

    @Test
    void shouldStopEarlyWhenAsked() {
        Simulation simulation = new Simulation(smallRun());
        CollectingSink sink = new CollectingSink();
        ReadingSink stopAfterTwoSteps =
                new ReadingSink() {
                    @Override
                    public void accept(MeterReading reading) {
                        sink.accept(reading);
                        if (sink.readings().size() == 2 * 24) {
                            simulation.requestStop();
                        }
                    }
                };

        GroundTruth truth = simulation.run(stopAfterTwoSteps);

        assertThat(sink.readings()).hasSize(2 * 24);
        assertThat(truth.readings()).isEqualTo(2 * 24);
        assertThat(truth.hourStarts()).containsExactly(MONDAY_2026_01_12_HELSINKI);
    }

    @Test
    void shouldScaleOnlyTheLoadNoise() {
        SimulationConfig config =
                SimulationConfig.defaults()
                        .withHouseholds(5)
                        .withDistricts(1)
                        .withFeeders(1)
                        .withDuration(Duration.ofHours(2));
        CollectingSink modelled = new CollectingSink();
        new Simulation(config.withNoiseScale(1)).run(modelled);
        CollectingSink plain = new CollectingSink();
        new Simulation(config).run(plain);
        CollectingSink quiet = new CollectingSink();
        new Simulation(config.withNoiseScale(0)).run(quiet);

        assertThat(modelled.readings()).isEqualTo(plain.readings());
        assertThat(quiet.readings()).hasSameSizeAs(plain.readings()).isNotEqualTo(plain.readings());
        assertThatThrownBy(() -> config.withNoiseScale(6))
                .hasMessageContaining("noise scale must be between 0 and 5");
    }
}
