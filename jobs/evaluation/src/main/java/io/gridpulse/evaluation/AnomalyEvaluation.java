package io.gridpulse.evaluation;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.simulator.Climate;
import io.gridpulse.simulator.HouseholdMix;
import io.gridpulse.simulator.SimulationConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Simulates households with labelled anomalies, runs the energy pipeline over their readings and
 * prints precision and recall per anomaly type, and false alerts per 1,000 clean household-days.
 */
@Command(
        name = "evaluate-anomalies",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description =
                "Precision and recall of GridPulse's anomaly detection on simulated households with injected,"
                        + " labelled anomalies.")
public final class AnomalyEvaluation implements Callable<Integer> {

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Simulation seed (households, weather, anomalies).")
    long seed;

    @Option(names = "--households", defaultValue = "200", description = "Simulated households.")
    int households;

    @Option(
            names = "--feeders",
            defaultValue = "10",
            description = "Feeders (households are dealt over them).")
    int feeders;

    @Option(
            names = "--districts",
            defaultValue = "2",
            description = "Districts (feeders are dealt over them).")
    int districts;

    @Option(
            names = "--start",
            description =
                    "First reading, ISO instant (default: Monday 2026-01-12, local midnight in"
                            + " --zone).")
    Instant start;

    @Option(
            names = "--duration",
            defaultValue = "P35D",
            description = "Simulated time, warm-up included.")
    Duration duration;

    @Option(
            names = "--interval",
            defaultValue = "PT5M",
            description = "Reading interval of the meters.")
    Duration interval;

    @Option(
            names = "--household-mix",
            defaultValue = "default",
            description = "Which households: default, electric-heating or cooling-heavy.")
    String householdMix;

    @Option(
            names = "--warm-up",
            defaultValue = "P21D",
            description =
                    "Profile learning before anomalies are injected and energy detectors alert.")
    Duration warmUp;

    @Option(
            names = "--meters-per-type",
            description =
                    "Meters per anomaly type (default households / 40, at least"
                            + " 3); FEEDER_OUTAGE hits a fifth as many feeders.")
    Integer metersPerType;

    @Mixin ScenarioOptions scenario = new ScenarioOptions();

    @Option(
            names = "--work-dir",
            defaultValue = "${java.io.tmpdir}/gridpulse-evaluation",
            description = "Where the readings file and anomalies.csv are written.")
    Path workDir;

    @Option(names = "--show", defaultValue = "10", description = "False alerts and misses to list.")
    int show;

    @Spec CommandSpec spec;

    @Option(
            names = "--events",
            paramLabel = "FILE",
            description = "Also write every anomaly event, one per line.")
    Path eventsFile;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AnomalyEvaluation()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        RunSetup setup = setup();
        Scorecard card = evaluate(setup);
        System.out.println(card.table());
        setup.limits().forEach(System.out::println);
        list("False alerts", card.falseAlerts().stream().map(AnomalyEvaluation::describe).toList());
        list("Missed", card.missed().stream().map(Labelled::toString).toList());
        return 0;
    }

    /** Simulates, detects, scores. */
    Scorecard evaluate() throws Exception {
        return evaluate(setup());
    }

    private Scorecard evaluate(RunSetup setup) throws Exception {
        EvaluationRun.Result result = EvaluationRun.run(setup, workDir, System.err);
        if (eventsFile != null) {
            Files.write(
                    eventsFile,
                    result.events().stream()
                            .map(
                                    e ->
                                            e.getState()
                                                    + " "
                                                    + describe(e)
                                                    + " detected "
                                                    + e.getDetectedAt())
                            .toList());
        }
        return result.card();
    }

    /** The run the options describe; a value the simulator refuses is a usage error. */
    RunSetup setup() {
        try {
            RunSetup setup =
                    new RunSetup(
                            simulation(),
                            metersPerType != null ? metersPerType : Math.max(3, households / 40),
                            warmUp,
                            scenario.anomalySize,
                            scenario.anomalyDuration,
                            scenario.faults,
                            !scenario.withoutWeather,
                            scenario.options);
            setup.validate();
            return setup;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private SimulationConfig simulation() {
        ZoneId zone = scenario.zone;
        return SimulationConfig.defaults()
                .withSeed(seed)
                .withHouseholds(households)
                .withFeeders(feeders)
                .withDistricts(districts)
                .withZone(zone)
                .withStart(
                        start != null
                                ? start
                                : SimulationConfig.localMidnight(
                                        SimulationConfig.DEFAULT_START_DATE, zone))
                .withDuration(duration)
                .withInterval(interval)
                .withClimate(Climate.named(scenario.climate))
                .withHouseholdMix(HouseholdMix.named(householdMix))
                .withNoiseScale(scenario.noise)
                .withMeterTruth(false);
    }

    private static String describe(Anomaly a) {
        return String.format(
                Locale.ROOT,
                "%s %s %s..%s %s",
                a.getType(),
                a.getMeterId() != null ? a.getMeterId() : a.getFeederId(),
                a.getStart(),
                a.getEnd(),
                a.getMessage());
    }

    private void list(String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        System.out.printf(Locale.ROOT, "%s (%d):%n", title, lines.size());
        lines.stream().limit(show).forEach(line -> System.out.println("  " + line));
    }
}
