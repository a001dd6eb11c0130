package io.gridpulse.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.core.config.PipelineOptions;
import io.gridpulse.core.influx.InfluxOptions;
import io.gridpulse.core.io.KafkaOptions;
import io.gridpulse.core.pipeline.LiveSettings;
import io.gridpulse.core.pipeline.LiveWorkflow;
import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyState;
import io.gridpulse.schema.AnomalyType;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.schema.WeatherObservation;
import io.gridpulse.simulator.KafkaReadingSink;
import io.gridpulse.testkit.EmbeddedKafka;
import io.gridpulse.testkit.FlinkTestCluster;
import io.gridpulse.testkit.InfluxServer;
import io.gridpulse.tools.report.AnomalyTopic;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator restarts the monitor job (stop with a savepoint, start from it) while an anomaly is
 * open, and turns the weather on with the restart (kafka.topic.weather): the restored job neither
 * opens it again nor forgets it, so the anomaly topic holds exactly one OPEN and one RESOLVED event
 * for it. Real Kafka, real influxd, the production source and sinks.
 */
class AnomalyRestartITCase {

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
    @RegisterExtension static final InfluxServer INFLUX = new InfluxServer();
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final String READINGS = "restart-readings";
    private static final String ANOMALIES = "restart-anomalies";
    private static final String WEATHER = "restart-weather";

    /** A Monday, midnight UTC. */
    private static final Instant T0 = Instant.parse("2026-01-12T00:00:00Z");

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir Path savepoints;

    @Test
    void shouldNeitherReopenNorForgetAnOpenAnomalyAcrossARestart() throws Exception {
        KAFKA.createTopic(READINGS, 1);
        KAFKA.createTopic(ANOMALIES, 1);
        KAFKA.createTopic(WEATHER, 1);

        // m1's voltage is 260 V from 00:30 to 01:15: the anomaly opens when 00:45 closes, resolves
        // when 01:30 does.
        produce(0, 60);
        JobClient first = start(null, false);
        Anomaly opened = awaitEvent(AnomalyState.OPEN);
        String savepoint =
                first.stopWithSavepoint(
                                false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        produce(60, 120);
        produceWeather(3);
        JobClient second = start(savepoint, true);
        Anomaly resolved = awaitEvent(AnomalyState.RESOLVED);
        // Stopped as an operator would, with a savepoint: the sinks write what they hold. (The
        // anomaly topic is at-least-once, so an event is on it before the checkpoint that writes
        // its
        // InfluxDB point; a cancel right then could leave that point unwritten, as a crash would
        // until the restart from the checkpoint.)
        second.stopWithSavepoint(
                        false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(opened.getType()).isEqualTo(AnomalyType.VOLTAGE);
        assertThat(opened.getStart()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(resolved.getAnomalyId()).isEqualTo(opened.getAnomalyId());
        assertThat(resolved.getEnd()).isEqualTo(T0.plus(Duration.ofMinutes(75)));
        assertThat(AnomalyTopic.readAll(KAFKA.bootstrapServers(), ANOMALIES))
                .extracting(Anomaly::getAnomalyId, Anomaly::getState)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                opened.getAnomalyId(), AnomalyState.OPEN),
                        org.assertj.core.groups.Tuple.tuple(
                                opened.getAnomalyId(), AnomalyState.RESOLVED));
        assertThat(resolvedPoints())
                .singleElement()
                .satisfies(p -> assertThat(p.get("state")).isEqualTo("RESOLVED"));
    }

    /**
     * The anomaly's points once InfluxDB holds its RESOLVED state, or as they are after {@link
     * #TIMEOUT}.
     */
    private static List<Map<String, Object>> resolvedPoints() throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<Map<String, Object>> points = INFLUX.query("restart", "SELECT state, id FROM anomaly");
        while (System.nanoTime() < deadline
                && points.stream().noneMatch(p -> "RESOLVED".equals(p.get("state")))) {
            Thread.sleep(200);
            points = INFLUX.query("restart", "SELECT state, id FROM anomaly");
        }
        return points;
    }

    /** One-minute readings of three meters for minutes [from, to). */
    private static void produce(int from, int to) throws Exception {
        try (KafkaReadingSink sink =
                KafkaReadingSink.create(KAFKA.bootstrapServers(), READINGS, "lz4", Map.of())) {
            for (int minute = from; minute < to; minute++) {
                for (String meter : List.of("m1", "m2", "m3")) {
                    boolean excursion = meter.equals("m1") && minute > 30 && minute <= 75;
                    sink.accept(
                            MeterReading.newBuilder()
                                    .setMeterId(meter)
                                    .setFeederId("F1")
                                    .setDistrictId("D1")
                                    .setTimestamp(T0.plus(Duration.ofMinutes(minute)))
                                    .setActiveEnergyWh(1_000 + minute * 10.0)
                                    .setAveragePowerW(600.0)
                                    .setVoltageV(excursion ? 260.0 : 231.0)
                                    .build());
                }
            }
        }
    }

    /** Hourly observations of D1 for the first {@code hours} hours. */
    private static void produceWeather(int hours) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int hour = 0; hour < hours; hour++) {
                WeatherObservation observation =
                        new WeatherObservation("D1", T0.plus(Duration.ofHours(hour)), -5.0);
                java.nio.ByteBuffer encoded = observation.toByteBuffer();
                byte[] value = new byte[encoded.remaining()];
                encoded.get(value);
                producer.send(new ProducerRecord<>(WEATHER, value)).get();
            }
        }
    }

    private static JobClient start(String savepoint, boolean weather) throws Exception {
        Configuration config = new Configuration();
        config.set(KafkaOptions.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        config.set(KafkaOptions.READINGS_TOPIC, READINGS);
        config.set(KafkaOptions.ANOMALIES_TOPIC, ANOMALIES);
        config.set(KafkaOptions.DEAD_LETTER_TOPIC, "restart-dead-letters");
        config.set(KafkaOptions.GROUP_ID, "restart");
        config.set(InfluxOptions.URL, INFLUX.url());
        config.set(InfluxOptions.DATABASE, "restart");
        // One partition, two source subtasks: the idle one must not hold the watermark back for the
        // default minute.
        config.set(PipelineOptions.IDLE_TIMEOUT, Duration.ofSeconds(1));
        if (savepoint != null) {
            config.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        if (weather) {
            config.set(KafkaOptions.WEATHER_TOPIC, WEATHER);
        }
        LiveSettings settings = LiveSettings.from(config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.enableCheckpointing(1_000);
        LiveWorkflow.define(env, settings);
        return env.executeAsync("monitor job (restart test)");
    }

    private static Anomaly awaitEvent(AnomalyState state) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Anomaly event : AnomalyTopic.readAll(KAFKA.bootstrapServers(), ANOMALIES)) {
                if (event.getState() == state) {
                    return event;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no " + state + " anomaly within " + TIMEOUT);
    }
}
