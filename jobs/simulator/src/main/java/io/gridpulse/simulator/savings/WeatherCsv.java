package io.gridpulse.simulator.savings;

import io.gridpulse.schema.WeatherObservation;
import io.gridpulse.simulator.Simulation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The simulated outdoor temperature as a CSV file (district, time, temperature in °C), hourly over
 * the run: the weather a savings method normalises for, in the layout {@code scripts/replay
 * --weather} reads.
 */
public final class WeatherCsv {

    public static final String HEADER = "district,time,temperature_c";

    private WeatherCsv() {}

    public static void write(Simulation simulation, Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.newLine();
            for (WeatherObservation observation : SimulatedWeather.hourly(simulation)) {
                out.write(
                        String.format(
                                Locale.ROOT,
                                "%s,%s,%.2f",
                                observation.getDistrictId(),
                                observation.getTime(),
                                observation.getTemperatureC()));
                out.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the weather to " + file, e);
        }
    }
}
