package io.gridpulse.simulator.savings;

import io.gridpulse.schema.WeatherObservation;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The simulated outdoor temperature: one observation per district and hour of the run. */
public final class SimulatedWeather {

    private SimulatedWeather() {}

    public static List<WeatherObservation> hourly(Simulation simulation) {
        SimulationConfig config = simulation.config();
        Topology topology = simulation.topology();
        List<WeatherObservation> observations = new ArrayList<>();
        for (Instant t = config.start();
                t.isBefore(config.end());
                t = t.plus(Duration.ofHours(1))) {
            for (int d = 0; d < topology.districts(); d++) {
                String district = topology.districtId(d);
                observations.add(
                        WeatherObservation.newBuilder()
                                .setDistrictId(district)
                                .setTime(t)
                                .setTemperatureC(simulation.temperatureC(district, t))
                                .build());
            }
        }
        return observations;
    }
}
