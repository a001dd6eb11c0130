package io.gridpulse.replay.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.replay.ReplayJob;
import io.gridpulse.simulator.AvroFileSink;
import io.gridpulse.simulator.Climate;
import io.gridpulse.simulator.HouseholdMix;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.savings.ProgrammedReduction;
import io.gridpulse.simulator.savings.SavingsTruth;
import io.gridpulse.simulator.savings.SavingsTruthCsv;
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
 * before. The savings found per district match the truth.
 */
class SimulatedSavingsITCase {

    private static final LocalDate PROGRAMME_START = LocalDate.of(2025, 1, 1);

    @TempDir Path work;

    @Test
    void shouldRecoverEachDistrictsProgrammedReduction() throws Exception {
        Map<String, Double> byDistrict =
                estimate(twoYears(SimulationConfig.DEFAULT_ZONE).withHouseholds(40));

        assertThat(byDistrict).containsOnlyKeys("D01", "D02");
        assertThat(byDistrict.get("D01")).as("D01, programmed 15%").isCloseTo(0.15, within(0.01));
        assertThat(byDistrict.get("D02")).as("D02, programmed 0%").isCloseTo(0.0, within(0.01));
    }

    /**
     * A desert city's air-conditioned suburb: cooling most of the year, heating on winter nights,
     * often both on one spring day. Each district's estimate is within half a point of what its
     * households really saved (savings-truth.csv).
     */
    @Test
    void shouldMeasureTheSavingsOfAHotClimateWithinHalfAPointOfTheTruth() throws Exception {
        SimulationConfig config =
                twoYears(ZoneId.of("America/Phoenix"))
                        .withHouseholds(40)
                        .withClimate(Climate.HOT_SUMMER)
                        .withHouseholdMix(HouseholdMix.COOLING_HEAVY);

        Map<String, Double> byDistrict = estimate(config);

        List<SavingsTruth> truth = SavingsTruthCsv.read(work.resolve("truth"));
        assertThat(truth).extracting(SavingsTruth::districtId).containsExactly("D01", "D02");
        for (SavingsTruth district : truth) {
            assertThat(byDistrict.get(district.districtId()))
                    .as("%s, truly saved %.4f", district.districtId(), district.savingsFraction())
                    .isCloseTo(district.savingsFraction(), within(0.005));
        }
    }

    private static SimulationConfig twoYears(ZoneId zone) {
        return SimulationConfig.defaults()
                .withFeeders(4)
                .withDistricts(2)
                .withZone(zone)
                .withStart(SimulationConfig.localMidnight(LocalDate.of(2024, 1, 1), zone))
                .withDuration(Duration.ofDays(731))
                .withInterval(Duration.ofHours(1))
                .withMeterTruth(false);
    }

    /**
     * Simulates the run with D01 saving 15% from 2025 (its truth in {@code work/truth}), replays it
     * with its weather into result files and returns each district's savings by the report.
     */
    private Map<String, Double> estimate(SimulationConfig config) throws Exception {
        ZoneId zone = config.zone();
        ProgrammedReduction reduction =
                new ProgrammedReduction(
                        0.15, SimulationConfig.localMidnight(PROGRAMME_START, zone), Set.of("D01"));
        Simulation simulation = new Simulation(config);
        Path readings = work.resolve("readings.avro");
        try (AvroFileSink sink = new AvroFileSink(readings)) {
            simulation.run(sink, reduction);
        }
        SavingsTruthCsv.write(reduction.truth(), work.resolve("truth"));
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
                                "district.default-time-zone=" + zone.getId(),
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
                                zone.getId(),
                                "--target",
                                "0.15");

        assertThat(replayed).isZero();
        assertThat(reported).isZero();
        Files.readAllLines(results.resolve("savings-summary.txt")).forEach(System.out::println);
        return districtSavings(results.resolve("savings.csv"));
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
