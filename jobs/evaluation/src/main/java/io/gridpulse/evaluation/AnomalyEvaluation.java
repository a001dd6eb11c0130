package io.gridpulse.evaluation;

import io.gridpulse.core.anomaly.AnomalyOptions;
import io.gridpulse.core.config.PipelineOptions;
import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyType;
import io.gridpulse.simulator.AvroFileSink;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.anomaly.AnomalyConfig;
import io.gridpulse.simulator.anomaly.AnomalyInjector;
import io.gridpulse.simulator.anomaly.AnomalyLedger;
import io.gridpulse.simulator.anomaly.InjectedAnomaly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
                    "First reading, ISO instant (default: Monday 2026-01-12, local midnight).")
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

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "A pipeline option, e.g. anomaly.spike.sigmas=5" + " (repeatable).")
    Map<String, String> options = Map.of();

    @Option(
            names = "--work-dir",
            defaultValue = "${java.io.tmpdir}/gridpulse-evaluation",
            description = "Where the readings file and anomalies.csv are written.")
    Path workDir;

    @Option(names = "--show", defaultValue = "10", description = "False alerts and misses to list.")
    int show;

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
        Scorecard card = evaluate();
        System.out.println(card.table());
        list("False alerts", card.falseAlerts().stream().map(AnomalyEvaluation::describe).toList());
        list("Missed", card.missed().stream().map(Labelled::toString).toList());
        return 0;
    }

    /** Simulates, detects, scores. */
    Scorecard evaluate() throws Exception {
        SimulationConfig simulation = simulation();
        AnomalyConfig anomalyConfig =
                AnomalyConfig.defaults(simulation)
                        .withMetersPerType(
                                metersPerType != null
                                        ? metersPerType
                                        : Math.max(3, households / 40))
                        .withWarmUp(warmUp)
                        .requireFitsRun();
        Files.createDirectories(workDir);
        Path readings = workDir.resolve("readings.avro");
        AnomalyInjector injector = AnomalyInjector.of(anomalyConfig);
        long t0 = System.nanoTime();
        try (AvroFileSink sink = new AvroFileSink(readings)) {
            new Simulation(simulation).run(sink, injector);
        }
        AnomalyLedger ledger = injector.ledger();
        ledger.writeCsv(workDir);
        System.err.printf(
                Locale.ROOT,
                "simulated %s in %.1f s; %s%n",
                simulation.expectedReadings() + " readings",
                (System.nanoTime() - t0) / 1e9,
                ledger.summaryLine());

        long t1 = System.nanoTime();
        List<Anomaly> events = DetectionRun.anomalies(readings, pipelineConfig(simulation));
        System.err.printf(
                Locale.ROOT,
                "pipeline found %d anomaly events in %.1f s%n",
                events.size(),
                (System.nanoTime() - t1) / 1e9);
        if (eventsFile != null) {
            Files.write(
                    eventsFile,
                    events.stream()
                            .map(
                                    e ->
                                            e.getState()
                                                    + " "
                                                    + describe(e)
                                                    + " detected "
                                                    + e.getDetectedAt())
                            .toList());
        }
        List<Labelled> injected =
                ledger.anomalies().stream().map(AnomalyEvaluation::labelled).toList();
        return new Scorecard(
                injected, events, new HashSet<>(ledger.cleanMeters()), ledger.cleanHouseholdDays());
    }

    private SimulationConfig simulation() {
        SimulationConfig defaults = SimulationConfig.defaults();
        ZoneId zone = defaults.zone();
        return defaults.withSeed(seed)
                .withHouseholds(households)
                .withFeeders(feeders)
                .withDistricts(districts)
                .withStart(
                        start != null
                                ? start
                                : SimulationConfig.localMidnight(
                                        SimulationConfig.DEFAULT_START_DATE, zone))
                .withDuration(duration)
                .withInterval(interval)
                .withMeterTruth(false);
    }

    private Configuration pipelineConfig(SimulationConfig simulation) {
        Configuration config = new Configuration();
        config.set(PipelineOptions.READING_INTERVAL, simulation.interval());
        config.set(PipelineOptions.TIME_ZONE, simulation.zone().getId());
        config.set(AnomalyOptions.WARM_UP, warmUp);
        // the simulated time ends here: a meter silent before then is reported, as live
        config.set(
                AnomalyOptions.INPUT_END,
                simulation.start().plus(simulation.duration()).toString());
        options.forEach(config::setString);
        return config;
    }

    private static Labelled labelled(InjectedAnomaly a) {
        return new Labelled(
                AnomalyType.valueOf(a.type().name()),
                a.meterId(),
                a.feederId(),
                a.start().toEpochMilli(),
                a.end().toEpochMilli());
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
