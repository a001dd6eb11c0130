package io.gridpulse.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.core.anomaly.AnomalyOptions;
import io.gridpulse.core.config.PipelineOptions;
import io.gridpulse.core.influx.InfluxOptions;
import io.gridpulse.core.influx.InfluxSettings;
import io.gridpulse.core.io.KafkaOptions;
import io.gridpulse.core.pipeline.LiveSettings;
import io.gridpulse.core.pipeline.PipelineSettings;
import io.gridpulse.core.pipeline.ProductionInputs;
import io.gridpulse.core.pipeline.ProductionOutputs;
import io.gridpulse.core.pipeline.Workflow;
import io.gridpulse.core.vee.ReadingRules;
import io.gridpulse.replay.input.TimeRange;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.simulator.AvroFileSink;
import io.gridpulse.simulator.KafkaReadingSink;
import io.gridpulse.simulator.ReadingSink;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.anomaly.AnomalyConfig;
import io.gridpulse.simulator.anomaly.AnomalyInjector;
import io.gridpulse.testkit.EmbeddedKafka;
import io.gridpulse.testkit.FlinkTestCluster;
import io.gridpulse.testkit.InfluxServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same readings through the live monitor job (streaming, from a real Kafka broker) and through
 * the replay job (BATCH, from an Avro file), each into its own database of a real influxd: every
 * point of every measurement is the same, anomalies included. The readings have injected anomalies
 * of every kind (spikes, sustained highs, silent meters, a feeder outage, ...), so the detectors'
 * batch behaviour is compared too, not just the sums.
 */
class LiveEqualsReplayITCase {

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
    @RegisterExtension static final InfluxServer INFLUX = new InfluxServer();
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final String TOPIC = "meter-readings";
    private static final String LIVE = "gridpulse_live";
    private static final String REPLAY = "gridpulse_replay";
    private static final Duration WARM_UP = Duration.ofDays(7);
    private static final List<String> MEASUREMENTS =
            List.of(
                    "meter_energy",
                    "feeder_energy",
                    "district_energy",
                    "data_quality",
                    "data_gap",
                    "anomaly");

    @TempDir static Path work;

    private static SimulationConfig simulation;

    @BeforeAll
    static void runBothJobs() throws Exception {
        simulation =
                SimulationConfig.defaults()
                        .withHouseholds(60)
                        .withFeeders(4)
                        .withDistricts(2)
                        .withDuration(Duration.ofDays(10))
                        .withInterval(Duration.ofMinutes(5))
                        .withMeterTruth(false);
        AnomalyInjector injector =
                AnomalyInjector.of(
                        AnomalyConfig.defaults(simulation)
                                .withMetersPerType(2)
                                .withWarmUp(WARM_UP)
                                .requireFitsRun());
        Path avro = work.resolve("readings.avro");
        KAFKA.createTopic(TOPIC, 2);
        try (KafkaReadingSink kafka =
                        KafkaReadingSink.create(KAFKA.bootstrapServers(), TOPIC, "lz4", Map.of());
                AvroFileSink file = new AvroFileSink(avro)) {
            new Simulation(simulation).run(both(kafka, file), injector);
        }
        runLive();
        runReplay(avro);
    }

    @Test
    void shouldWriteTheSamePointsLiveAndReplayed() {
        for (String measurement : MEASUREMENTS) {
            List<Map<String, Object>> live = points(LIVE, measurement);
            List<Map<String, Object>> replayed = points(REPLAY, measurement);
            Set<Map<String, Object>> liveSet = new HashSet<>(live);
            Set<Map<String, Object>> replayedSet = new HashSet<>(replayed);
            List<Map<String, Object>> onlyLive =
                    live.stream().filter(p -> !replayedSet.contains(p)).toList();
            List<Map<String, Object>> onlyReplayed =
                    replayed.stream().filter(p -> !liveSet.contains(p)).toList();
            assertThat(onlyLive.size() + onlyReplayed.size())
                    .as(
                            "%s: %d points live, %d replayed; only live (first 3): %s; only replayed (first 3): %s",
                            measurement,
                            live.size(),
                            replayed.size(),
                            first(onlyLive),
                            first(onlyReplayed))
                    .isZero();
            assertThat(replayed).as(measurement).hasSameSizeAs(live);
        }
    }

    @Test
    void shouldHaveComparedSomethingOfEveryKind() {
        assertThat(points(LIVE, "meter_energy")).hasSizeGreaterThan(60 * 10 * 96);
        assertThat(points(LIVE, "anomaly"))
                .extracting(point -> point.get("type"))
                .contains("SPIKE", "VOLTAGE", "METER_SILENT", "FEEDER_OUTAGE", "ZERO_CONSUMPTION");
    }

    private static void runLive() throws Exception {
        Configuration config = pipelineConfig(LIVE);
        config.set(KafkaOptions.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        config.set(KafkaOptions.GROUP_ID, "live-equals-replay");
        config.set(KafkaOptions.BOUNDED, true);
        LiveSettings settings = LiveSettings.from(config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(1_000);
        env.getConfig().enableObjectReuse();
        Workflow.define(
                env,
                ProductionInputs.readings(settings),
                ProductionOutputs.of(settings),
                settings.pipeline());
        env.execute("live");
    }

    private static void runReplay(Path avro) throws Exception {
        Configuration config = pipelineConfig(REPLAY);
        ReplayPipeline.batchMode(config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.getConfig().enableObjectReuse();
        ReplaySinks sinks =
                new ReplaySinks(
                        InfluxSettings.from(config),
                        work.resolve("replay-output"),
                        ReplaySinks.Target.INFLUX);
        ReplayInputs inputs =
                new ReplayInputs(
                        List.of(avro.toString()),
                        List.of(),
                        null,
                        null,
                        List.of(),
                        null,
                        TimeRange.ALL);
        ReplayPipeline.build(
                env,
                inputs,
                sinks.monitorSinks(),
                sinks.weather(),
                PipelineSettings.from(config),
                ReadingRules.from(config));
        sinks.prepare();
        env.execute("replay");
        sinks.finish();
    }

    private static Configuration pipelineConfig(String database) {
        Configuration config = new Configuration();
        config.set(PipelineOptions.READING_INTERVAL, simulation.interval());
        config.set(PipelineOptions.TIME_ZONE, simulation.zone().getId());
        config.set(AnomalyOptions.WARM_UP, WARM_UP);
        config.set(InfluxOptions.URL, INFLUX.url());
        config.set(InfluxOptions.DATABASE, database);
        config.set(InfluxOptions.BATCH_SIZE, 2_000);
        return config;
    }

    /**
     * Every point of a measurement with its tags, sorted by time and tags. An anomaly's {@code
     * detected_at} is left out: it is the event time at which the job decided, and a bounded run
     * through Kafka decides silences when its watermark catches up, which can be after later
     * readings arrived (a live job in real time decides as the replay does, at the silence's own
     * time).
     */
    private static List<Map<String, Object>> points(String database, String measurement) {
        return INFLUX.query(database, "SELECT * FROM " + measurement).stream()
                .map(
                        row -> {
                            Map<String, Object> point = new TreeMap<>(row);
                            point.remove("detected_at");
                            // Sums of the same additions in another order can differ in the last
                            // bit: compare to 12 digits.
                            point.replaceAll(
                                    (field, value) ->
                                            value instanceof Double d ? roundTo12Digits(d) : value);
                            return point;
                        })
                .sorted(Comparator.comparing(Object::toString))
                .toList();
    }

    private static double roundTo12Digits(double value) {
        return value == 0 || !Double.isFinite(value)
                ? value
                : new java.math.BigDecimal(value)
                        .round(new java.math.MathContext(12))
                        .doubleValue();
    }

    private static List<Map<String, Object>> first(List<Map<String, Object>> points) {
        return points.subList(0, Math.min(3, points.size()));
    }

    private static ReadingSink both(ReadingSink a, ReadingSink b) {
        return new ReadingSink() {
            @Override
            public void accept(MeterReading reading) {
                a.accept(reading);
                b.accept(reading);
            }

            @Override
            public void flush() {
                a.flush();
                b.flush();
            }
        };
    }
}
