package io.gridpulse.simulator.savings;

import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.Topology;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The simulated outdoor temperature as a CSV file (district, time, temperature in °C), hourly over the run: the
 * weather a savings method normalises for, in the layout {@code scripts/replay --weather} reads.
 */
public final class WeatherCsv {

    public static final String HEADER = "district,time,temperature_c";

    private WeatherCsv() {}

    public static void write(Simulation simulation, Path file) {
        SimulationConfig config = simulation.config();
        Topology topology = simulation.topology();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.newLine();
            for (Instant t = config.start(); t.isBefore(config.end()); t = t.plus(Duration.ofHours(1))) {
                for (int d = 0; d < topology.districts(); d++) {
                    String district = topology.districtId(d);
                    out.write(String.format(Locale.ROOT, "%s,%s,%.2f", district, t,
                        simulation.temperatureC(district, t)));
                    out.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the weather to " + file, e);
        }
    }
}
