package io.gridpulse.replay.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.replay.ReplayJob;
import io.gridpulse.simulator.AvroFileSink;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.savings.ProgrammedReduction;
import io.gridpulse.simulator.savings.WeatherCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Simulated districts with a programmed reduction, through the analyst's commands: two years of
 * hourly readings of households whose heating and cooling follow the simulated weather; from the
 * second year the households of D01 use 15% less than they would have, those of D02 go on as
 * before. The savings found per district match what was programmed, within one percentage point.
 */
class SimulatedSavingsITCase {

    private static final ZoneId ZONE = SimulationConfig.DEFAULT_ZONE;
    private static final LocalDate PROGRAMME_START = LocalDate.of(2025, 1, 1);

    @TempDir Path work;

    @Test
    void shouldRecoverEachDistrictsProgrammedReduction() throws Exception {
        SimulationConfig config =
                SimulationConfig.defaults()
                        .withHouseholds(40)
                        .withFeeders(4)
                        .withDistricts(2)
                        .withStart(SimulationConfig.localMidnight(LocalDate.of(2024, 1, 1), ZONE))
                        .withDuration(Duration.ofDays(731))
                        .withInterval(Duration.ofHours(1))
                        .withMeterTruth(false);
        ProgrammedReduction reduction =
                new ProgrammedReduction(
                        0.15, SimulationConfig.localMidnight(PROGRAMME_START, ZONE), Set.of("D01"));
        Simulation simulation = new Simulation(config);
        Path readings = work.resolve("readings.avro");
        try (AvroFileSink sink = new AvroFileSink(readings)) {
            simulation.run(sink, reduction);
        }
        Path weather = work.resolve("weather.csv");
        WeatherCsv.write(simulation, weather);
        Path results = work.resolve("results");

        int replayed =
                new CommandLine(new ReplayJob())
                        .execute(
                                "--avro",
                                readings.toString(),
                                "--weather",
                                weather.toString(),
                                "--weather-map",
                                "timestamp=time",
                                "--weather-map",
                                "district=district",
                                "--weather-map",
                                "temperature=temperature_c",
                                "--weather-map",
                                "temperature-unit=C",
                                "--set",
                                "reading.interval=PT1H",
                                "--set",
                                "district.default-time-zone=" + ZONE.getId(),
                                "--write",
                                "files",
                                "--output",
                                results.toString(),
                                "--quiet");
        int reported =
                new CommandLine(new SavingsReport())
                        .execute(
                                "--results",
                                results.toString(),
                                "--baseline-end",
                                PROGRAMME_START.minusDays(1).toString(),
                                "--reporting-start",
                                PROGRAMME_START.toString(),
                                "--time-zone",
                                ZONE.getId(),
                                "--target",
                                "0.15");

        assertThat(replayed).isZero();
        assertThat(reported).isZero();
        Map<String, Double> byDistrict = districtSavings(results.resolve("savings.csv"));
        Files.readAllLines(results.resolve("savings-summary.txt")).forEach(System.out::println);
        assertThat(byDistrict).containsOnlyKeys("D01", "D02");
        assertThat(byDistrict.get("D01")).as("D01, programmed 15%").isCloseTo(0.15, within(0.01));
        assertThat(byDistrict.get("D02")).as("D02, programmed 0%").isCloseTo(0.0, within(0.01));
    }

    private static Map<String, Double> districtSavings(Path savings) throws Exception {
        List<String> rows = Files.readAllLines(savings);
        List<String> header = List.of(rows.get(0).split(","));
        return rows.stream()
                .skip(1)
                .map(row -> row.split(",", -1))
                .filter(f -> f[0].equals("district"))
                .collect(
                        Collectors.toMap(
                                f -> f[header.indexOf("id")],
                                f -> Double.parseDouble(f[header.indexOf("savings_fraction")])));
    }
}
