package io.gridpulse.simulator;

import io.gridpulse.simulator.anomaly.AnomalyConfig;
import io.gridpulse.simulator.anomaly.AnomalyInjector;
import io.gridpulse.simulator.fault.FaultConfig;
import io.gridpulse.simulator.fault.FaultInjector;
import io.gridpulse.simulator.fault.FaultLedger;
import io.gridpulse.simulator.savings.ProgrammedReduction;
import io.gridpulse.simulator.savings.SavingsTruthCsv;
import io.gridpulse.simulator.savings.WeatherCsv;
import io.gridpulse.simulator.savings.WeatherTopic;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Command line: simulate households and send their readings to Kafka and/or an Avro file,
 * optionally writing the ground truth as CSV. Progress goes to stderr; the one-line summary to
 * stdout, so scripts can capture it.
 */
@Command(
        name = "gridpulse-simulator",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        version = "gridpulse-simulator 0.1.0",
        description =
                "Simulates smart-meter readings of synthetic households (deterministic for a seed) into Kafka"
                        + " and/or an Avro file, with hourly ground truth.")
public final class SimulatorMain implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            defaultValue = "42",
            description = "Master seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(
            names = "--households",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Households, one meter each (default: ${DEFAULT-VALUE}).")
    private int households;

    @Option(
            names = "--feeders",
            paramLabel = "N",
            defaultValue = "20",
            description = "Feeders (default: ${DEFAULT-VALUE}).")
    private int feeders;

    @Option(
            names = "--districts",
            paramLabel = "N",
            defaultValue = "4",
            description = "Districts (default: ${DEFAULT-VALUE}).")
    private int districts;

    @Option(
            names = "--start",
            paramLabel = "TIME",
            description =
                    "First reading: an instant (2026-01-11T22:00:00Z), or a local date-time (2026-01-12T00:00)"
                            + " or date (2026-01-12) in --zone (default: 2026-01-12 local midnight).")
    private String start;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            defaultValue = "P1D",
            description =
                    "Simulated time after the start, ISO-8601 (P1D, PT6H; default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            defaultValue = "PT1M",
            description = "Reading interval (default: ${DEFAULT-VALUE}).")
    private Duration interval;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            defaultValue = "Europe/Helsinki",
            description = "Zone of the households' local clock (default: ${DEFAULT-VALUE}).")
    private ZoneId zone;

    @Option(
            names = "--climate",
            paramLabel = "NAME",
            defaultValue = "nordic",
            description =
                    "Outdoor temperature the households heat and cool for: nordic (southern Finland, heating"
                            + " most of the year) or hot-summer (a desert city: mild winters, afternoons about 41 C in"
                            + " summer, a wide daily swing; cooling dominates). Default: ${DEFAULT-VALUE}.")
    private String climate;

    @Option(
            names = "--household-mix",
            paramLabel = "NAME",
            defaultValue = "default",
            description =
                    "Shares of heating kinds, air conditioning and daytime presence: default (45%% direct"
                            + " electric heating, 20%% heat pump, 25%% air conditioning), electric-heating (70%% direct,"
                            + " 25%% heat pump, 10%% air conditioning, 30%% at home by day) or cooling-heavy (5%% direct,"
                            + " 35%% heat pump, 90%% air conditioning, 40%% at home by day). Default: ${DEFAULT-VALUE}.")
    private String householdMix;

    @Option(
            names = "--speed",
            paramLabel = "FACTOR",
            defaultValue = "0",
            description =
                    "0 = as fast as possible; N = N simulated seconds per wall second (60: a minute per second).")
    private double speed;

    @Option(
            names = "--kafka-bootstrap",
            paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers.")
    private String kafkaBootstrap;

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            defaultValue = KafkaReadingSink.DEFAULT_TOPIC,
            description = "Kafka topic (default: ${DEFAULT-VALUE}).")
    private String topic;

    @Option(
            names = "--compression",
            paramLabel = "TYPE",
            defaultValue = KafkaReadingSink.DEFAULT_COMPRESSION,
            description =
                    "Kafka compression: none, lz4, snappy, zstd, gzip (default: ${DEFAULT-VALUE}).")
    private String compression;

    @Option(
            names = "--producer-property",
            paramLabel = "KEY=VALUE",
            description =
                    "Extra or overriding Kafka producer setting (repeatable). Not for secrets: ps shows them.")
    private Map<String, String> producerProperties = new LinkedHashMap<>();

    @Option(
            names = "--kafka-properties-file",
            paramLabel = "FILE",
            description =
                    "Kafka client properties for every Kafka client of the run (security.protocol, sasl.*,"
                            + " ssl.*; what Kafka's own tools take with --command-config): the place for credentials.")
    private Path kafkaPropertiesFile;

    private Map<String, String> kafkaClient = Map.of();

    @Option(
            names = "--create-topic",
            description =
                    "Create the topic if missing, with retention.ms=-1 (historic timestamps would otherwise be deleted).")
    private boolean createTopic;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            defaultValue = "2",
            description = "Partitions for --create-topic (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(
            names = "--replication-factor",
            paramLabel = "N",
            defaultValue = "1",
            description = "Replication factor for --create-topic (default: ${DEFAULT-VALUE}).")
    private short replicationFactor;

    @Option(
            names = "--output-file",
            paramLabel = "FILE",
            description = "Avro container file to write.")
    private Path outputFile;

    @Option(
            names = "--file-codec",
            paramLabel = "CODEC",
            defaultValue = AvroFileSink.DEFAULT_CODEC,
            description =
                    "Avro file codec: null, deflate, snappy, zstandard (default: ${DEFAULT-VALUE}).")
    private String fileCodec;

    @Option(
            names = "--truth-dir",
            paramLabel = "DIR",
            description =
                    "Write ground truth CSVs here (meter-, feeder-, district-hourly.csv, households.csv;"
                            + " faults.csv with --faults, anomalies.csv with --anomalies, savings-truth.csv with"
                            + " --reduction).")
    private Path truthDir;

    @Option(
            names = "--faults",
            description =
                    "Inject defects of every kind (bad records, duplicates, late and out-of-order readings,"
                            + " rollovers, meter swaps, frozen registers, gaps), each on meters of its own, and record what the"
                            + " job should make of them (faults.csv in --truth-dir). Deterministic for the seed.")
    private boolean faults;

    @Option(
            names = "--fault-meters-per-kind",
            paramLabel = "N",
            description =
                    "Meters per fault kind with --faults (default: households / 200, at least 1).")
    private Integer faultMetersPerKind;

    @Option(
            names = "--anomalies",
            description =
                    "Inject labelled anomalies of every type (spikes, sustained high use, high base load, zero"
                            + " consumption, silent meters, feeder outages, voltage out of band) after a warm-up, each on meters"
                            + " of its own, changing what the households really use (the ground truth includes it), and record"
                            + " them (anomalies.csv in --truth-dir). Deterministic for the seed. Not with --faults.")
    private boolean anomalies;

    @Option(
            names = "--anomaly-meters-per-type",
            paramLabel = "N",
            description =
                    "Meters per anomaly type with --anomalies (default: households / 100, at least 1);"
                            + " FEEDER_OUTAGE cuts N / 5 feeders, at least 1.")
    private Integer anomalyMetersPerType;

    @Option(
            names = "--anomaly-warm-up",
            paramLabel = "DURATION",
            description =
                    "Time from the start without anomalies, in which each household's usual peak and night"
                            + " minimum are observed, with --anomalies (default: P21D; the run must last about 26 hours longer"
                            + " than that).")
    private Duration anomalyWarmUp;

    @Option(
            names = "--reduction",
            paramLabel = "FRACTION",
            description =
                    "Savings ground truth: from --reduction-from the households of --reduction-districts use this"
                            + " fraction less energy than they would have under the same weather, e.g. 0.15; with"
                            + " --truth-dir, savings-truth.csv gives each district's use with and without it from"
                            + " --reduction-from to the end. Not with --faults or --anomalies.")
    private Double reduction;

    @Option(
            names = "--reduction-from",
            paramLabel = "TIME",
            description =
                    "When the --reduction starts: ISO instant, or local date in --zone (e.g. 2025-01-01).")
    private String reductionFrom;

    @Option(
            names = "--reduction-districts",
            paramLabel = "ID",
            split = ",",
            description =
                    "Districts that take part in the --reduction (default: all), e.g. D01,D03.")
    private Set<String> reductionDistricts = new java.util.HashSet<>();

    @Option(
            names = "--weather-file",
            paramLabel = "FILE",
            description =
                    "Also write the simulated hourly outdoor temperature per district (district,time,temperature_c)"
                            + " for scripts/replay --weather.")
    private Path weatherFile;

    @Option(
            names = "--weather-topic",
            paramLabel = "TOPIC",
            description =
                    "Also publish the simulated hourly temperature per district to this Kafka topic (with"
                            + " --kafka-bootstrap), as Avro WeatherObservation records keyed by district: the live job's"
                            + " weather feed for savings and the anomaly detectors (kafka.topic.weather).")
    private String weatherTopic;

    @Option(
            names = "--dry-run",
            description = "Generate and discard the readings (measures the generator).")
    private boolean dryRun;

    @Option(
            names = "--progress-seconds",
            paramLabel = "SECONDS",
            defaultValue = "2",
            description = "Seconds between progress lines (default: ${DEFAULT-VALUE}).")
    private double progressSeconds;

    public static void main(String[] args) {
        CommandLine cmd = new CommandLine(new SimulatorMain());
        cmd.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                    commandLine.getErr().println("error: " + describe(e));
                    return 1;
                });
        System.exit(cmd.execute(args));
    }

    @Override
    public Integer call() {
        if (kafkaBootstrap == null && outputFile == null && !dryRun) {
            throw new ParameterException(
                    spec.commandLine(),
                    "nothing to write to: give --kafka-bootstrap and/or --output-file (or --dry-run)");
        }
        if (weatherTopic != null && kafkaBootstrap == null) {
            throw new ParameterException(
                    spec.commandLine(), "--weather-topic needs --kafka-bootstrap");
        }
        if (faultMetersPerKind != null && !faults) {
            throw new ParameterException(
                    spec.commandLine(), "--fault-meters-per-kind needs --faults");
        }
        if ((anomalyMetersPerType != null || anomalyWarmUp != null) && !anomalies) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--anomaly-meters-per-type and --anomaly-warm-up need --anomalies");
        }
        if (reduction != null && (anomalies || faults)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--reduction cannot be combined with --faults or --anomalies");
        }
        if ((reduction == null) != (reductionFrom == null)) {
            throw new ParameterException(
                    spec.commandLine(), "--reduction and --reduction-from go together");
        }
        if (anomalies && faults) {
            // Both pick meters independently, and the fault injector expects every reading of its
            // meters.
            throw new ParameterException(
                    spec.commandLine(), "--anomalies and --faults cannot be combined");
        }
        SimulationConfig config;
        FaultConfig faultConfig;
        AnomalyInjector anomalyInjector;
        ProgrammedReduction programme;
        try {
            config =
                    new SimulationConfig(
                            seed,
                            households,
                            feeders,
                            districts,
                            parseStart(start, zone),
                            duration,
                            interval,
                            zone,
                            speed,
                            truthDir != null,
                            Climate.named(climate),
                            HouseholdMix.named(householdMix));
            faultConfig = faults ? faultConfig(config) : null;
            anomalyInjector = anomalies ? AnomalyInjector.of(anomalyConfig(config)) : null;
            programme = reduction == null ? null : programme();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintStream err = System.err;
        kafkaClient = kafkaClient();
        if (createTopic && kafkaBootstrap != null) {
            boolean created =
                    KafkaTopics.createIfMissing(
                            kafkaBootstrap, kafkaClient, topic, partitions, replicationFactor);
            err.println(
                    created
                            ? "created topic "
                                    + topic
                                    + " ("
                                    + partitions
                                    + " partitions, retention.ms=-1)"
                            : "topic "
                                    + topic
                                    + " exists; its retention must keep records as old as "
                                    + config.start());
        }

        // The clock covers everything a run costs: drawing households, opening outputs, generating,
        // flushing.
        long startNanos = System.nanoTime();
        Simulation simulation = new Simulation(config);
        List<String> outputs = new ArrayList<>();
        ReadingSink output = openSinks(outputs);
        // The injector only when asked: without --faults the readings go out exactly as before.
        FaultInjector injector =
                faultConfig == null ? null : FaultInjector.wrap(output, faultConfig);
        ReadingSink sink =
                new ProgressSink(
                        injector == null ? output : injector,
                        err,
                        config.expectedReadings(),
                        progressSeconds);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook =
                new Thread(
                        () -> {
                            // Ctrl-C: finish the current step, close the sinks (flushing Kafka) and
                            // write the truth so far.
                            simulation.requestStop();
                            awaitQuietly(finished);
                        },
                        "simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        err.printf(
                Locale.ROOT,
                "simulating %d households (mix %s) on %d feeders in %d districts (climate %s), %s to %s"
                        + " every %s%s%s%s -> %s%n",
                config.households(),
                config.householdMix().name(),
                config.feeders(),
                config.districts(),
                config.climate().name(),
                config.start(),
                config.end(),
                config.interval(),
                speed > 0 ? " at speed " + speed : "",
                faultConfig == null
                        ? ""
                        : " with faults on " + faultConfig.faultyMeters() + " meters",
                anomalyInjector == null ? "" : anomalyNote(anomalyInjector.config()),
                String.join(", ", outputs));
        GroundTruth truth;
        try {
            try (sink) {
                truth = simulation.run(sink, programme != null ? programme : anomalyInjector);
            }
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            if (weatherFile != null) {
                WeatherCsv.write(simulation, weatherFile);
            }
            if (weatherTopic != null) {
                int published =
                        WeatherTopic.publish(simulation, kafkaBootstrap, kafkaClient, weatherTopic);
                err.println("published " + published + " weather observations to " + weatherTopic);
            }
            if (truthDir != null) {
                truth.writeCsv(truthDir);
                if (injector != null) {
                    injector.ledger().writeCsv(truthDir);
                }
                if (anomalyInjector != null) {
                    anomalyInjector.ledger().writeCsv(truthDir);
                }
                if (programme != null) {
                    SavingsTruthCsv.write(programme.truth(), truthDir);
                }
            }
            // Silent meters and outages send fewer readings on purpose.
            long notSent = anomalyInjector == null ? 0 : anomalyInjector.ledger().readingsNotSent();
            boolean complete = truth.readings() + notSent == config.expectedReadings();
            System.out.printf(
                    Locale.ROOT,
                    "%s readings=%d households=%d elapsed_s=%.3f rate_per_s=%.0f outputs=%s%s%n",
                    complete ? "done:" : "stopped early:",
                    truth.readings(),
                    config.households(),
                    elapsed,
                    truth.readings() / elapsed,
                    String.join(",", outputs),
                    truthDir != null ? " truth=" + truthDir : "");
            if (injector != null) {
                printFaults(injector.ledger());
            }
            if (anomalyInjector != null) {
                System.out.println(anomalyInjector.ledger().summaryLine());
            }
            return complete ? 0 : 130;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Already shutting down (Ctrl-C): the hook is running and has just been released.
            }
        }
    }

    /** The properties file's settings, then --producer-property, which must not carry a secret. */
    private Map<String, String> kafkaClient() {
        List<String> secrets =
                producerProperties.keySet().stream().filter(KafkaClientFile::isSecret).toList();
        if (!secrets.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--producer-property "
                            + String.join(", ", secrets)
                            + " on the command line is visible to every user (ps): put it in --kafka-properties-file");
        }
        Map<String, String> client = new LinkedHashMap<>();
        if (kafkaPropertiesFile != null) {
            try {
                client.putAll(KafkaClientFile.read(kafkaPropertiesFile));
            } catch (IOException e) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--kafka-properties-file "
                                + kafkaPropertiesFile
                                + ": "
                                + (e instanceof java.nio.file.NoSuchFileException
                                        ? "no such file"
                                        : e.getMessage()));
            }
        }
        client.putAll(producerProperties);
        return client;
    }

    private ProgrammedReduction programme() {
        Instant from;
        try {
            from = parseStart(reductionFrom, zone);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--reduction-from: not an instant, local date-time or date: " + reductionFrom);
        }
        return new ProgrammedReduction(reduction, from, reductionDistricts);
    }

    private FaultConfig faultConfig(SimulationConfig config) {
        FaultConfig defaults = FaultConfig.defaults(config);
        return faultMetersPerKind == null
                ? defaults
                : defaults.withMetersPerKind(faultMetersPerKind);
    }

    private AnomalyConfig anomalyConfig(SimulationConfig config) {
        AnomalyConfig anomalyConfig = AnomalyConfig.defaults(config);
        if (anomalyMetersPerType != null) {
            anomalyConfig = anomalyConfig.withMetersPerType(anomalyMetersPerType);
        }
        return anomalyWarmUp == null ? anomalyConfig : anomalyConfig.withWarmUp(anomalyWarmUp);
    }

    private static String anomalyNote(AnomalyConfig anomalies) {
        int feeders = anomalies.outageFeeders();
        return String.format(
                Locale.ROOT,
                " with anomalies on %d meters and %d feeder%s after %s",
                anomalies.anomalousMeters(),
                feeders,
                feeders == 1 ? "" : "s",
                anomalies.warmUpEnd());
    }

    /** After the summary line: the records the injector added, then one line per fault kind. */
    private static void printFaults(FaultLedger ledger) {
        System.out.printf(
                Locale.ROOT,
                "faults: sent=%d clean_readings=%d extra_records=%d not_sent=%d"
                        + " expected_dead_letters=%d%n",
                ledger.sent(),
                ledger.cleanReadingsSent(),
                ledger.extraRecordsSent(),
                ledger.missingReadings(),
                ledger.expectedDeadLetterCount());
        ledger.summaryLines().forEach(System.out::println);
    }

    private ReadingSink openSinks(List<String> outputs) {
        List<ReadingSink> sinks = new ArrayList<>();
        if (kafkaBootstrap != null) {
            sinks.add(KafkaReadingSink.create(kafkaBootstrap, topic, compression, kafkaClient));
            outputs.add("kafka:" + kafkaBootstrap + "/" + topic);
        }
        if (outputFile != null) {
            sinks.add(new AvroFileSink(outputFile, fileCodec));
            outputs.add("file:" + outputFile);
        }
        if (dryRun) {
            sinks.add(new DiscardingSink());
            outputs.add("discard");
        }
        return sinks.size() == 1 ? sinks.get(0) : new FanOutSink(sinks);
    }

    /**
     * Accepts an instant, an offset date-time, a local date-time or a local date (midnight) in the
     * zone.
     */
    static Instant parseStart(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return SimulationConfig.localMidnight(SimulationConfig.DEFAULT_START_DATE, zone);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return SimulationConfig.localMidnight(LocalDate.parse(text), zone);
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException(
                            "--start: not an instant, local date-time or date: " + text);
                }
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause();
                cause != null && cause != cause.getCause();
                cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(": ").append(cause.getMessage());
            }
        }
        return message.toString();
    }
}
