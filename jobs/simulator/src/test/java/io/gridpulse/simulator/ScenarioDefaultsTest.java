package io.gridpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.schema.MeterReading;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The default climate and household mix leave a seed's readings exactly as they were before either
 * could be chosen: the values below were taken from the simulator of that time.
 */
class ScenarioDefaultsTest {

    private static final SimulationConfig WINTER =
            SimulatorFixtures.smallRun().withInterval(Duration.ofMinutes(15));

    @Test
    void shouldKeepTheNordicTemperaturesOfASeed() {
        Weather weather = new Weather(SimulationConfig.defaults());
        Instant winter = Instant.parse("2026-01-12T10:00:00Z");
        Instant summer = Instant.parse("2026-07-15T13:00:00Z");

        assertThat(weather.temperatureC(0, winter)).isEqualTo(-3.9778933624643074);
        assertThat(weather.temperatureC(3, winter)).isEqualTo(-5.017197165550774);
        assertThat(weather.temperatureC(0, summer)).isEqualTo(22.086478503923132);
        assertThat(weather.temperatureC(3, summer)).isEqualTo(21.117788062331428);
    }

    @Test
    void shouldKeepTheReadingsOfASeed() {
        List<MeterReading> readings = SimulatorFixtures.run(WINTER).readings();

        MeterReading last = readings.get(readings.size() - 1);
        assertThat(last.getMeterId()).isEqualTo("M000024");
        assertThat(last.getActiveEnergyWh()).isEqualTo(1.40244454296875E7);
        assertThat(last.getAveragePowerW()).isEqualTo(2887.76953125);
        assertThat(sum(readings, MeterReading::getAveragePowerW)).isEqualTo(1410020.40625);
        assertThat(sum(readings, MeterReading::getVoltageV)).isEqualTo(137861.00000000017);
    }

    @Test
    void shouldKeepTheSummerReadingsOfASeed() {
        SimulationConfig july =
                WINTER.withStart(Instant.parse("2026-07-14T21:00:00Z"))
                        .withDuration(Duration.ofDays(1))
                        .withInterval(Duration.ofHours(1));

        assertThat(sum(SimulatorFixtures.run(july).readings(), MeterReading::getAveragePowerW))
                .isEqualTo(378963.22265625);
    }

    @Test
    void shouldBeTheNordicClimateAndTheDefaultMixUnlessChosen() {
        assertThat(SimulationConfig.defaults().climate()).isEqualTo(Climate.NORDIC);
        assertThat(SimulationConfig.defaults().householdMix()).isEqualTo(HouseholdMix.DEFAULT);
        assertThat(
                        SimulatorFixtures.run(
                                        WINTER.withClimate(Climate.NORDIC)
                                                .withHouseholdMix(HouseholdMix.DEFAULT))
                                .readings())
                .isEqualTo(SimulatorFixtures.run(WINTER).readings());
    }

    /** Summed in reading order, one addition after the other, as the values were taken. */
    private static double sum(List<MeterReading> readings, ToDoubleFunction<MeterReading> value) {
        double sum = 0;
        for (MeterReading r : readings) {
            sum += value.applyAsDouble(r);
        }
        return sum;
    }
}
