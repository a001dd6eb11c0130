package io.gridpulse.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridpulse.core.influx.InfluxOptions;
import io.gridpulse.core.io.KafkaOptions;
import io.gridpulse.core.io.ReadingTypes;
import io.gridpulse.core.pipeline.LiveSettings;
import io.gridpulse.core.pipeline.ProductionOutputs;
import io.gridpulse.core.pipeline.Workflow;
import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyState;
import io.gridpulse.schema.AnomalyType;
import io.gridpulse.schema.Severity;
import io.gridpulse.testkit.EmbeddedKafka;
import io.gridpulse.testkit.FlinkTestCluster;
import io.gridpulse.testkit.InfluxServer;
import io.gridpulse.testkit.TestReadings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Anomaly events through the monitor job's production sinks, as {@link Workflow} wires them,
 * against a real Kafka broker and a real influxd: every event lands in the anomalies topic keyed by
 * its id, and InfluxDB keeps one point per anomaly, its latest state. (The detectors are tested on
 * their own; here the events are built by hand.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnomalySinksITCase {

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
    @RegisterExtension static final InfluxServer INFLUX = new InfluxServer();
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final String TOPIC = "anomalies";
    private static final String DATABASE = "gridpulse_anomalies_it";
    private static final Instant START = TestReadings.T0.plus(Duration.ofHours(18));
    private static final String SPIKE_ID = "SPIKE/M000007/" + START;
    private static final String OUTAGE_ID = "FEEDER_OUTAGE/D01-F02/" + START;

    private static final Anomaly SPIKE_OPEN = spike(AnomalyState.OPEN);
    private static final Anomaly SPIKE_RESOLVED = spike(AnomalyState.RESOLVED);
    private static final Anomaly OUTAGE_OPEN =
            Anomaly.newBuilder()
                    .setAnomalyId(OUTAGE_ID)
                    .setType(AnomalyType.FEEDER_OUTAGE)
                    .setState(AnomalyState.OPEN)
                    .setSeverity(Severity.CRITICAL)
                    .setScore(0.8)
                    .setExpected(50)
                    .setActual(10)
                    .setUnit("meters")
                    .setMeterId(null)
                    .setFeederId("D01-F02")
                    .setDistrictId("D01")
                    .setStart(START)
                    .setDetectedAt(START.plus(Duration.ofMinutes(5)))
                    .setMessage("40 of 50 meters silent")
                    .build();

    @BeforeAll
    static void sinkTheEvents() throws Exception {
        KAFKA.createTopic(TOPIC, 2);
        runJob(TOPIC, DeliveryGuarantee.AT_LEAST_ONCE, "anomaly-sinks");
    }

    @Test
    @Order(1)
    void shouldPutEveryEventInTheTopicKeyedByItsIdAndInOrder() throws Exception {
        List<ConsumerRecord<byte[], byte[]>> records = readTopic(TOPIC);

        assertThat(records)
                .extracting(record -> key(record), record -> decode(record).getState())
                .containsExactlyInAnyOrder(
                        tuple(SPIKE_ID, AnomalyState.OPEN),
                        tuple(SPIKE_ID, AnomalyState.RESOLVED),
                        tuple(OUTAGE_ID, AnomalyState.OPEN));
        List<ConsumerRecord<byte[], byte[]>> spike =
                records.stream().filter(r -> key(r).equals(SPIKE_ID)).toList();
        assertThat(spike)
                .extracting(ConsumerRecord::partition)
                .containsOnly(spike.get(0).partition());
        assertThat(spike)
                .extracting(record -> decode(record))
                .containsExactly(SPIKE_OPEN, SPIKE_RESOLVED);
    }

    @Test
    @Order(2)
    void shouldKeepOnePointPerAnomalyWithItsLatestState() {
        List<Map<String, Object>> spike =
                INFLUX.query(DATABASE, "SELECT * FROM anomaly WHERE id = '" + SPIKE_ID + "'");

        assertThat(spike).hasSize(1);
        Map<String, Object> point = spike.get(0);
        assertThat(point)
                .containsEntry("time", START.toString())
                .containsEntry("state", "RESOLVED")
                .containsEntry("open", false)
                .containsEntry("type", "SPIKE")
                .containsEntry("meter", "M000007")
                .containsEntry("feeder", "D01-F01")
                .containsEntry("district", "D01")
                .containsEntry("severity", "WARNING")
                .containsEntry("unit", "kWh")
                .containsEntry("message", SPIKE_RESOLVED.getMessage());
        assertThat(((Number) point.get("end")).longValue())
                .isEqualTo(SPIKE_RESOLVED.getEnd().toEpochMilli());
        assertThat(((Number) point.get("duration_s")).doubleValue()).isEqualTo(45 * 60.0);
        assertThat(((Number) point.get("score")).doubleValue()).isEqualTo(12.5);

        List<Map<String, Object>> outage =
                INFLUX.query(
                        DATABASE,
                        "SELECT * FROM anomaly WHERE meter = '' AND \"type\" = 'FEEDER_OUTAGE'");
        assertThat(outage)
                .singleElement()
                .satisfies(
                        row ->
                                assertThat(row)
                                        .containsEntry("id", OUTAGE_ID)
                                        .containsEntry("state", "OPEN")
                                        .containsEntry("open", true)
                                        .containsEntry("end", null));
        assertThat(
                        INFLUX.query(
                                DATABASE,
                                "SELECT \"end\", message FROM anomaly WHERE \"open\" = true")) // README's
                .extracting(row -> row.get("message"))
                .containsExactly(OUTAGE_OPEN.getMessage());
    }

    @Test
    @Order(3)
    void shouldRewriteTheSamePointsWhenTheEventsAreSentAgain() throws Exception {
        runJob(
                TOPIC,
                DeliveryGuarantee.AT_LEAST_ONCE,
                "anomaly-sinks-again"); // a replay, or a restart

        assertThat(INFLUX.query(DATABASE, "SELECT count(score) FROM anomaly"))
                .singleElement()
                .satisfies(row -> assertThat(((Number) row.get("count")).longValue()).isEqualTo(2));
        assertThat(
                        INFLUX.query(
                                DATABASE,
                                "SELECT \"state\" FROM anomaly WHERE id = '" + SPIKE_ID + "'"))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("state", "RESOLVED"));
        // The topic repeats them, as at-least-once may after a crash; the ids tell consumers they
        // are the same anomalies.
        assertThat(readTopic(TOPIC))
                .extracting(AnomalySinksITCase::key)
                .hasSize(6)
                .containsOnly(SPIKE_ID, OUTAGE_ID);
    }

    @Test
    @Order(4)
    void shouldCommitEveryEventToReadCommittedConsumersWithExactlyOnce() throws Exception {
        String topic = "anomalies-exactly-once";
        KAFKA.createTopic(topic, 2);

        runJob(topic, DeliveryGuarantee.EXACTLY_ONCE, "anomaly-sinks-exactly-once");

        assertThat(readTopic(topic))
                .extracting(record -> decode(record))
                .containsExactlyInAnyOrder(SPIKE_OPEN, SPIKE_RESOLVED, OUTAGE_OPEN);
    }

    private static Anomaly spike(AnomalyState state) {
        boolean resolved = state == AnomalyState.RESOLVED;
        return Anomaly.newBuilder()
                .setAnomalyId(SPIKE_ID)
                .setType(AnomalyType.SPIKE)
                .setState(state)
                .setSeverity(Severity.WARNING)
                .setScore(resolved ? 12.5 : 11.2)
                .setExpected(0.35)
                .setActual(resolved ? 4.6 : 4.21)
                .setUnit("kWh")
                .setMeterId("M000007")
                .setFeederId("D01-F01")
                .setDistrictId("D01")
                .setStart(START)
                .setEnd(resolved ? START.plus(Duration.ofMinutes(45)) : null)
                .setDetectedAt(START.plus(Duration.ofMinutes(resolved ? 45 : 15)))
                .setMessage(
                        resolved
                                ? "3 quarter hours up to 4.60 kWh, profile 0.35 kWh"
                                : "quarter hour 4.21 kWh")
                .build();
    }

    /** The events through the production sinks, as the monitor pipeline wires them. */
    private static void runJob(String topic, DeliveryGuarantee guarantee, String groupId)
            throws Exception {
        Configuration config = new Configuration();
        config.set(KafkaOptions.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        config.set(KafkaOptions.GROUP_ID, groupId);
        config.set(KafkaOptions.ANOMALIES_TOPIC, topic);
        config.set(KafkaOptions.ANOMALIES_DELIVERY_GUARANTEE, guarantee);
        config.set(InfluxOptions.URL, INFLUX.url());
        config.set(InfluxOptions.DATABASE, DATABASE);
        LiveSettings settings = LiveSettings.from(config);

        Configuration jobConfig = new Configuration();
        jobConfig.set(
                RestartStrategyOptions.RESTART_STRATEGY,
                "none"); // a sink that cannot start fails the test
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(jobConfig);
        env.setParallelism(2);
        env.enableCheckpointing(1_000);
        env.getConfig().enableObjectReuse(); // as flink-conf/config.yaml runs it
        Workflow.anomalies(
                env.fromData(List.of(SPIKE_OPEN, OUTAGE_OPEN, SPIKE_RESOLVED), ReadingTypes.ANOMALY)
                        .setParallelism(1),
                ProductionOutputs.of(settings));
        env.execute("anomaly sinks " + groupId);
    }

    /**
     * Everything committed in the topic. A transaction's commit returns before the broker has
     * written its markers to the partitions, so a read_committed consumer may briefly see less:
     * wait until the stable end stops moving.
     */
    private static List<ConsumerRecord<byte[], byte[]>> readTopic(String topic)
            throws InterruptedException {
        List<ConsumerRecord<byte[], byte[]>> records = readCommitted(topic);
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            List<ConsumerRecord<byte[], byte[]>> again = readCommitted(topic);
            if (again.size() == records.size() && !again.isEmpty()) {
                return again;
            }
            records = again;
        }
        return records;
    }

    private static List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 15_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }

    private static Anomaly decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            return Anomaly.getDecoder().decode(record.value());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
