package io.gridpulse.replay;

import io.gridpulse.core.anomaly.AnomalyOptions;
import io.gridpulse.core.config.PipelineOptions;
import io.gridpulse.core.influx.InfluxAccessException;
import io.gridpulse.core.influx.InfluxOptions;
import io.gridpulse.core.influx.InfluxSettings;
import io.gridpulse.core.io.KafkaClientSettings;
import io.gridpulse.core.io.KafkaCredentialsCheck;
import io.gridpulse.core.io.KafkaOptions;
import io.gridpulse.core.pipeline.PipelineSettings;
import io.gridpulse.core.pipeline.SecretOptions;
import io.gridpulse.core.vee.ReadingRules;
import io.gridpulse.core.vee.VeeOptions;
import io.gridpulse.replay.csv.CsvMappingException;
import io.gridpulse.replay.csv.ReadingMapping;
import io.gridpulse.replay.csv.WeatherMapping;
import io.gridpulse.replay.input.KafkaRange;
import io.gridpulse.replay.input.TimeRange;
import io.gridpulse.replay.progress.OutcomeSummary;
import io.gridpulse.replay.progress.ProgressLine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The analysts' replay: history from files or a Kafka time range through the monitor job's
 * pipeline, as a bounded job in BATCH mode, into InfluxDB and/or CSV files, with a progress line
 * and a summary of every record's outcome.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description =
                "Replays meter history through the GridPulse pipeline (BATCH mode) into InfluxDB and/or files.")
public final class ReplayJob implements Callable<Integer> {

    /**
     * Readings of any age are history to a replay; the live job's ten-year horizon does not apply.
     */
    static final Duration REPLAY_MAX_AGE = Duration.ofDays(365L * 200);

    @Option(
            names = "--avro",
            paramLabel = "FILE",
            split = ",",
            description =
                    "Avro container files of MeterReading (files or directories; repeatable).")
    List<Path> avro = new ArrayList<>();

    @Option(
            names = "--csv",
            paramLabel = "FILE",
            split = ",",
            description =
                    "CSV files of meter data, read with --mapping / --map (files or directories; repeatable).")
    List<Path> csv = new ArrayList<>();

    @Option(
            names = "--mapping",
            paramLabel = "FILE",
            description = "How to read --csv files: key=value lines.")
    Path mappingFile;

    @Option(
            names = "--map",
            paramLabel = "KEY=VALUE",
            description =
                    "A mapping key for --csv files (overrides"
                            + " --mapping), e.g. --map value-kind=interval-energy --map unit=kWh.")
    Map<String, String> map = new LinkedHashMap<>();

    @Option(
            names = "--weather",
            paramLabel = "FILE",
            split = ",",
            description =
                    "CSV files of outdoor temperature, read with --weather-mapping / --weather-map.")
    List<Path> weather = new ArrayList<>();

    @Option(
            names = "--weather-mapping",
            paramLabel = "FILE",
            description = "How to read --weather files.")
    Path weatherMappingFile;

    @Option(
            names = "--weather-map",
            paramLabel = "KEY=VALUE",
            description = "A mapping key for --weather files.")
    Map<String, String> weatherMap = new LinkedHashMap<>();

    @Option(
            names = "--kafka-topic",
            paramLabel = "TOPIC",
            description = "Replay this topic of Avro readings.")
    String kafkaTopic;

    @Option(
            names = "--kafka-since",
            paramLabel = "TIME",
            description =
                    "First Kafka record time to replay (ISO instant; default: the topic's start).")
    Instant kafkaSince;

    @Option(
            names = "--kafka-until",
            paramLabel = "TIME",
            description =
                    "Kafka record time to stop at (ISO instant; default: the topic's end now).")
    Instant kafkaUntil;

    @Option(
            names = "--from",
            paramLabel = "TIME",
            description =
                    "Replay only readings from this time on: an ISO instant"
                            + " (2017-01-01T00:00:00Z) or a local date or date-time in district.default-time-zone (2017-01-01).")
    String from;

    @Option(
            names = "--to",
            paramLabel = "TIME",
            description = "Replay only readings up to this time (as --from).")
    String to;

    @Option(
            names = "--write",
            defaultValue = "influx",
            paramLabel = "influx|files|both",
            description =
                    "Where results go: InfluxDB, CSV files in --output, or both (default: ${DEFAULT-VALUE}).")
    String write;

    @Option(
            names = "--influx",
            paramLabel = "URL",
            description = "InfluxDB URL (default: influx.url, " + "http://127.0.0.1:8086).")
    String influxUrl;

    @Option(
            names = "--database",
            paramLabel = "NAME",
            description = "InfluxDB database (default: influx.database).")
    String database;

    @Option(
            names = "--output",
            defaultValue = "replay-output",
            paramLabel = "DIR",
            description =
                    "Directory for dead_letters.csv, summary.txt and (--write files|both) the result files.")
    Path output;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description =
                    "A pipeline option as in the monitor job's"
                            + " configuration, e.g. --set district.default-time-zone=America/Chicago --set vee.max-power-w=60000.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(
            names = "--estimate-long-gaps",
            description =
                    "Estimate the energy of each gap longer than vee.max-gap from its meter's own"
                            + " hour-of-week profile in this replay, written apart (gap_estimates.csv,"
                            + " data_gap_estimate), never into the energy.")
    boolean estimateLongGaps;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    private Map<String, String> readingMappingKeys;
    private ReadingMapping readingMapping;
    private WeatherMapping weatherMapping;

    public static void main(String[] args) {
        System.exit(CommandLines.run(new ReplayJob(), args));
    }

    @Override
    public Integer call() throws Exception {
        try {
            readingMappingKeys = csv.isEmpty() ? Map.of() : MappingFiles.merge(mappingFile, map);
            readingMapping = csv.isEmpty() ? null : ReadingMapping.parse(readingMappingKeys);
            weatherMapping =
                    weather.isEmpty()
                            ? null
                            : WeatherMapping.parse(
                                    MappingFiles.merge(weatherMappingFile, weatherMap));
        } catch (CsvMappingException e) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "Mapping: " + e.getMessage());
        }
        List<String> secrets = SecretOptions.among(set.keySet());
        if (!secrets.isEmpty()) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this),
                    "--set "
                            + String.join(", ", secrets)
                            + " on the command line is visible to every user (ps): put it in config.yaml or a file"
                            + " (influx.password-file, kafka.properties-file), or the InfluxDB password in INFLUX_PASSWORD");
        }
        Configuration config = configuration();
        ReplayInputs inputs;
        try {
            inputs = inputs(config);
        } catch (IllegalConfigurationException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
        if (inputs.kafka() != null) {
            Optional<String> refusal =
                    KafkaCredentialsCheck.refusal(
                            inputs.kafka().bootstrapServers(),
                            inputs.kafka().client(),
                            Duration.ofSeconds(10));
            if (refusal.isPresent()) {
                System.err.println("replay: " + refusal.get());
                return 1;
            }
        }
        if (!inputs.hasReadings() && inputs.weatherFiles().isEmpty()) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this),
                    "Nothing to replay: give --avro, --csv, --kafka-topic or --weather.");
        }
        Preflight.check(inputs);
        ReplaySinks sinks = new ReplaySinks(InfluxSettings.from(config), output, target());
        PipelineSettings settings = PipelineSettings.from(config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        ReplayPipeline.build(
                env,
                inputs,
                sinks.monitorSinks(),
                sinks.weather(),
                settings,
                ReadingRules.from(config),
                estimateLongGaps ? sinks.gapEstimates() : List.of());
        sinks.prepare();

        PrintStream out = System.out;
        describe(out, inputs, config);
        long started = System.nanoTime();
        JobClient job = env.executeAsync("GridPulse replay");
        if (!quiet) {
            new ProgressLine(
                            job,
                            Preflight.totalBytes(inputs),
                            inputs.kafka() == null ? 0 : inputs.kafka().recordCount(),
                            System.err,
                            System.console() != null)
                    .followUntilDone(Duration.ofSeconds(2));
        }
        JobExecutionResult result;
        try {
            result = job.getJobExecutionResult().get();
        } catch (ExecutionException e) {
            // A credential or permission mistake: one line for the analyst, not a stack trace.
            InfluxAccessException refused =
                    ExceptionUtils.findThrowable(e, InfluxAccessException.class)
                            .orElseThrow(() -> e);
            System.err.println("replay: " + refused.getMessage());
            return 1;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        OutcomeSummary outcome = new OutcomeSummary(result.getAllAccumulatorResults());
        List<String> summary =
                new ArrayList<>(
                        outcome.lines(seconds, output.resolve("dead_letters.csv").toString()));
        if (estimateLongGaps) {
            summary.add(outcome.gapEstimates());
        }
        summary.add("Wrote: " + written(config));
        summary.addAll(sinks.finish().stream().map(line -> "  " + output.resolve(line)).toList());
        Optional<OutcomeSummary.Verdict> verdict = outcome.verdict();
        verdict.ifPresent(v -> summary.add((v.failed() ? "Failed: " : "Warning: ") + v.line()));
        summary.forEach(out::println);
        Files.write(output.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        if (verdict.isPresent()) {
            System.err.println("replay: " + verdict.get().line());
            return verdict.get().failed() ? 1 : 0;
        }
        return 0;
    }

    /** config.yaml, then the replay's own defaults, then --influx/--database, then --set. */
    private Configuration configuration() throws IOException {
        Configuration config =
                System.getenv("FLINK_CONF_DIR") != null
                        ? GlobalConfiguration.loadConfiguration()
                        : new Configuration();
        // The live job's Prometheus reporter: a bounded analyst run reports its figures itself.
        config.keySet().stream()
                .filter(key -> key.startsWith("metrics.reporter."))
                .toList()
                .forEach(config::removeKey);
        config.set(VeeOptions.MAX_AGE, REPLAY_MAX_AGE);
        if (readingMapping != null && readingMapping.interval() != null) {
            config.set(PipelineOptions.READING_INTERVAL, readingMapping.interval());
        }
        if (readingMapping != null && readingMappingKeys.containsKey("time-zone")) {
            config.set(PipelineOptions.TIME_ZONE, readingMapping.timeZone().getId());
        }
        if (influxUrl != null) {
            config.set(InfluxOptions.URL, influxUrl);
        }
        if (database != null) {
            config.set(InfluxOptions.DATABASE, database);
        }
        config.addAll(Configuration.fromMap(set));
        if (to != null && !config.contains(AnomalyOptions.INPUT_END)) {
            // the replay ends there: a meter silent before then is reported, as live
            config.set(AnomalyOptions.INPUT_END, Times.parse(to, config).toString());
        }
        ReplayPipeline.batchMode(config);
        if (!config.contains(HeartbeatManagerOptions.HEARTBEAT_INTERVAL)) {
            // Accumulators reach the client with the task managers' heartbeats: often enough for a
            // live progress line.
            config.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
        }
        return config;
    }

    private ReplayInputs inputs(Configuration config) throws IOException {
        KafkaRange kafka =
                kafkaTopic == null
                        ? null
                        : new KafkaRange(
                                config.get(KafkaOptions.BOOTSTRAP_SERVERS),
                                KafkaClientSettings.from(config),
                                kafkaTopic,
                                kafkaSince,
                                kafkaUntil);
        Instant fromTime = Times.parse(from, config);
        Instant toTime = Times.parse(to, config);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this),
                    "--from "
                            + from
                            + " is not before --to "
                            + to
                            + " ("
                            + fromTime
                            + " .. "
                            + toTime
                            + "): nothing would be replayed");
        }
        TimeRange range = TimeRange.of(fromTime, toTime);
        return new ReplayInputs(
                Preflight.files(avro),
                Preflight.files(csv),
                readingMapping,
                kafka,
                Preflight.files(weather),
                weatherMapping,
                range);
    }

    private ReplaySinks.Target target() {
        return switch (write.toLowerCase(java.util.Locale.ROOT)) {
            case "influx" -> ReplaySinks.Target.INFLUX;
            case "files" -> ReplaySinks.Target.FILES;
            case "both" -> ReplaySinks.Target.BOTH;
            default ->
                    throw new CommandLine.ParameterException(
                            new CommandLine(this),
                            "--write must be influx, files or both, not '" + write + "'");
        };
    }

    private void describe(PrintStream out, ReplayInputs inputs, Configuration config) {
        out.println("GridPulse replay (BATCH) of:");
        if (!inputs.avroFiles().isEmpty()) {
            out.printf("  %d Avro file(s)%n", inputs.avroFiles().size());
        }
        if (!inputs.csvFiles().isEmpty()) {
            out.printf(
                    "  %d CSV file(s): %s%n",
                    inputs.csvFiles().size(), inputs.csvMapping().describe());
        }
        if (inputs.kafka() != null) {
            out.printf(
                    "  Kafka topic %s from %s to %s%n",
                    inputs.kafka().topic(),
                    inputs.kafka().since() == null ? "its start" : inputs.kafka().since(),
                    inputs.kafka().until() == null ? "its end" : inputs.kafka().until());
        }
        if (!inputs.weatherFiles().isEmpty()) {
            out.printf(
                    "  %d weather file(s): %s%n",
                    inputs.weatherFiles().size(), inputs.weatherMapping().describe());
        }
        if (!inputs.range().isAll()) {
            out.printf(
                    "  only readings in [%s, %s]%n",
                    Times.show(inputs.range().fromMillis()), Times.show(inputs.range().toMillis()));
        }
        out.printf(
                "  reading interval %s, daily windows in %s%s%n",
                config.get(PipelineOptions.READING_INTERVAL),
                config.get(PipelineOptions.TIME_ZONE),
                config.contains(PipelineOptions.TIME_ZONE)
                        ? ""
                        : " (the default: neither the mapping's time-zone nor --set "
                                + PipelineOptions.TIME_ZONE.key()
                                + " gives one)");
        out.println("into " + written(config));
    }

    private String written(Configuration config) {
        String influx =
                "InfluxDB "
                        + config.get(InfluxOptions.URL)
                        + " database "
                        + config.get(InfluxOptions.DATABASE);
        return switch (target()) {
            case INFLUX -> influx + "; dead letters and summary in " + output;
            case FILES -> "files in " + output;
            case BOTH -> influx + " and files in " + output;
        };
    }
}
