package io.gridpulse.evaluation;

import io.gridpulse.simulator.Climate;
import io.gridpulse.simulator.HouseholdMix;
import io.gridpulse.simulator.SimulationConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The anomaly evaluation over a grid of seeds x season starts x household mixes x reading
 * intervals, every run through production's dataflow: per type the minimum and median precision and
 * recall over the cells (season x mix x interval, seeds pooled), false alerts per 1,000 clean
 * household-days per cell, the worst cells. Exit code 0 when every cell meets the targets, 1 when
 * one misses, 2 for bad options.
 */
@Command(
        name = "evaluate-anomalies --suite",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description =
                "Precision and recall of GridPulse's anomaly detection over seeds, seasons, household"
                        + " mixes and reading intervals.")
public final class AnomalySuite implements Callable<Integer> {

    @Option(
            names = "--seeds",
            defaultValue = "1..10",
            description = "Simulation seeds: a range (1..10) or a list (1,4,9).")
    String seeds;

    @Option(
            names = "--seasons",
            split = ",",
            defaultValue = "2026-01-12,2026-04-13,2026-07-13,2026-10-12",
            description =
                    "Start dates, local midnight in --zone (default: Mondays in mid January,"
                            + " April, July, October).")
    List<LocalDate> seasons;

    @Option(
            names = "--mixes",
            split = ",",
            defaultValue = "default,electric-heating,cooling-heavy",
            description = "Household mixes.")
    List<String> mixes;

    @Option(
            names = "--intervals",
            split = ",",
            defaultValue = "PT1M,PT5M,PT15M",
            description = "Reading intervals.")
    List<Duration> intervals;

    @Option(names = "--households", defaultValue = "24", description = "Households per run.")
    int households;

    @Option(names = "--feeders", defaultValue = "6", description = "Feeders per run.")
    int feeders;

    @Option(names = "--districts", defaultValue = "2", description = "Districts per run.")
    int districts;

    @Option(
            names = "--meters-per-type",
            defaultValue = "2",
            description =
                    "Meters per anomaly type per run; FEEDER_OUTAGE hits a fifth as many feeders,"
                            + " at least one.")
    int metersPerType;

    @Option(
            names = "--duration",
            defaultValue = "P35D",
            description = "Simulated time per run, warm-up included.")
    Duration duration;

    @Option(
            names = "--warm-up",
            defaultValue = "P21D",
            description =
                    "Profile learning before anomalies are injected and energy detectors alert.")
    Duration warmUp;

    @Mixin ScenarioOptions scenario = new ScenarioOptions();

    @Option(
            names = "--min-precision",
            defaultValue = "0.9",
            description = "Target: precision of every type in every cell.")
    double minPrecision;

    @Option(
            names = "--min-recall",
            defaultValue = "0.9",
            description = "Target: recall of every type in every cell.")
    double minRecall;

    @Option(
            names = "--max-false-alerts",
            defaultValue = "1.0",
            description = "Target: false alerts per 1,000 clean household-days in every cell.")
    double maxFalseAlerts;

    @Option(
            names = "--work-dir",
            defaultValue = "${java.io.tmpdir}/gridpulse-evaluation",
            description =
                    "Where each run's readings go (overwritten by the next) and "
                            + SuiteCsv.FILE
                            + " (every run's counts).")
    Path workDir;

    @Spec CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AnomalySuite()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        SuiteGrid grid = grid();
        Files.createDirectories(workDir);
        Path csvFile = workDir.resolve(SuiteCsv.FILE);
        Map<SuiteCell, Tally> cells;
        try (SuiteCsv csv = new SuiteCsv(csvFile)) {
            cells =
                    new SuiteRunner(
                                    grid,
                                    this::setup,
                                    setup -> EvaluationRun.run(setup, workDir, System.err).card(),
                                    System.err)
                            .run(csv);
        }
        SuiteTable table =
                new SuiteTable(
                        grid, cells, new SuiteTargets(minPrecision, minRecall, maxFalseAlerts));
        System.out.println(table.render());
        setup(grid.cells().get(0), grid.seeds().get(0)).limits().forEach(System.out::println);
        System.out.println("Every run's counts: " + csvFile);
        return table.targetsMet() ? 0 : 1;
    }

    /** The grid the options describe, each cell checked to have room for its anomalies. */
    SuiteGrid grid() {
        try {
            SuiteGrid grid =
                    new SuiteGrid(
                            SuiteGrid.parseSeeds(seeds),
                            seasons,
                            mixes.stream().map(HouseholdMix::named).toList(),
                            intervals);
            Climate.named(scenario.climate);
            for (SuiteCell cell : grid.cells()) {
                setup(cell, grid.seeds().get(0)).validate();
            }
            return grid;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** A cell's run with one seed: the options' households, the cell's season, mix and interval. */
    RunSetup setup(SuiteCell cell, long seed) {
        SimulationConfig simulation =
                SimulationConfig.defaults()
                        .withSeed(seed)
                        .withHouseholds(households)
                        .withFeeders(feeders)
                        .withDistricts(districts)
                        .withZone(scenario.zone)
                        .withStart(SimulationConfig.localMidnight(cell.season(), scenario.zone))
                        .withDuration(duration)
                        .withInterval(cell.interval())
                        .withClimate(Climate.named(scenario.climate))
                        .withHouseholdMix(cell.mix())
                        .withNoiseScale(scenario.noise)
                        .withMeterTruth(false);
        return new RunSetup(
                simulation,
                metersPerType,
                warmUp,
                scenario.anomalySize,
                scenario.anomalyDuration,
                scenario.faults,
                !scenario.withoutWeather,
                scenario.options);
    }
}
