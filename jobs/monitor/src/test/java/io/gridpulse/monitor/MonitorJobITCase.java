package io.gridpulse.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.core.io.KafkaOptions;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.simulator.GroundTruth;
import io.gridpulse.simulator.KafkaReadingSink;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.savings.WeatherTopic;
import io.gridpulse.testkit.EmbeddedKafka;
import io.gridpulse.testkit.FlinkTestCluster;
import io.gridpulse.testkit.InfluxServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The monitor job end to end against real services: simulated households into a real Kafka broker
 * (in-process KRaft), the production source and sinks, and a real influxd process; every kWh read
 * back from InfluxDB is checked against the simulator's ground truth.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitorJobITCase {

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
    @RegisterExtension static final InfluxServer INFLUX = new InfluxServer();
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final String READINGS = "meter-readings";
    private static final String DEAD_LETTERS = "dead-letters";
    private static final String WEATHER = "district-weather";
    private static final String DATABASE = "gridpulse_it";
    private static final byte[] GARBAGE =
            "{\"meter\": \"not avro\"}".getBytes(StandardCharsets.UTF_8);

    /**
     * A value the broker accepts (its limit is 1 MiB) whose dead letter, kept whole, the producer
     * would refuse.
     */
    private static final byte[] NEAR_LIMIT = nearLimitValue();

    private static GroundTruth truth;
    private static RecordMetadata garbageAt;
    private static RecordMetadata nearLimitAt;
    private static RecordMetadata weatherGarbageAt;

    @BeforeAll
    static void simulateAndRunTheJob() throws Exception {
        KAFKA.createTopic(READINGS, 2);
        KAFKA.createTopic(DEAD_LETTERS, 1);
        KAFKA.createTopic(WEATHER, 1);
        SimulationConfig config =
                SimulationConfig.defaults()
                        .withHouseholds(24)
                        .withFeeders(4)
                        .withDistricts(2)
                        .withDuration(Duration.ofHours(3))
                        .withMeterTruth(true);
        try (KafkaReadingSink sink =
                KafkaReadingSink.create(KAFKA.bootstrapServers(), READINGS, "lz4", Map.of())) {
            Simulation simulation = new Simulation(config);
            truth = simulation.run(sink);
            WeatherTopic.publish(simulation, KAFKA.bootstrapServers(), Map.of(), WEATHER);
        }
        garbageAt = produceGarbage(READINGS, GARBAGE);
        nearLimitAt = produceGarbage(READINGS, NEAR_LIMIT);
        weatherGarbageAt = produceGarbage(WEATHER, GARBAGE);

        runJob("first-run");
    }

    @Test
    @Order(1)
    void shouldWriteEveryMetersHourlyEnergyExactlyAsTheRegistersSay() {
        Map<String, Double> measured = byTagAndTime("meter_energy", "meter");
        int compared = 0;
        for (var household : truth.households()) {
            for (Instant hour : truth.hourStarts()) {
                String key = household.meterId() + "@" + hour;
                assertThat(measured).as(key).containsKey(key);
                assertThat(measured.get(key))
                        .as(key)
                        .isCloseTo(truth.meterHourKwh(household.meterId(), hour), within(1e-9));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(24 * 3);
    }

    @Test
    @Order(2)
    void shouldWriteFeederAndDistrictEnergyThatAddsUpToTheGroundTruth() {
        Map<String, Double> feeders = byTagAndTime("feeder_energy", "feeder");
        Map<String, Double> districts = byTagAndTime("district_energy", "district");
        for (Instant hour : truth.hourStarts()) {
            for (String feeder : truth.topology().feederIds()) {
                assertThat(feeders.get(feeder + "@" + hour))
                        .as(feeder + "@" + hour)
                        .isCloseTo(truth.feederHourKwh(feeder, hour), within(1e-9));
            }
            for (String district : truth.topology().districtIds()) {
                assertThat(districts.get(district + "@" + hour))
                        .as(district + "@" + hour)
                        .isCloseTo(truth.districtHourKwh(district, hour), within(1e-9));
            }
        }
        List<Map<String, Object>> reporting =
                INFLUX.query(
                        DATABASE,
                        "SELECT meters_reporting FROM district_energy WHERE \"window\" = '1h' AND district = 'D01' AND time >= '"
                                + truth.hourStarts().get(0)
                                + "'");
        assertThat(reporting)
                .isNotEmpty()
                .allSatisfy(
                        row ->
                                assertThat(((Number) row.get("meters_reporting")).intValue())
                                        .isEqualTo(truth.districtMeters("D01")));
    }

    @Test
    @Order(3)
    void shouldKeepTheUndecodableRecordInTheDeadLetterTopicWithItsReasonAndOrigin()
            throws Exception {
        List<DeadLetter> deadLetters = readDeadLetters(3);

        assertThat(deadLetters).hasSize(3);
        DeadLetter dead = deadLetterOf(deadLetters, garbageAt);
        assertThat(dead.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE);
        assertThat(dead.getSourceTopic()).isEqualTo(READINGS);
        assertThat(dead.getSourcePartition()).isEqualTo(garbageAt.partition());
        assertThat(bytes(dead.getPayload())).isEqualTo(GARBAGE);
        assertThat(dead.getPayloadTruncated()).isFalse();
    }

    @Test
    @Order(3)
    void shouldDeadLetterARecordNearTheBrokersLimitTruncatedInsteadOfRestartingForEver()
            throws Exception {
        DeadLetter dead = deadLetterOf(readDeadLetters(3), nearLimitAt);

        assertThat(dead.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE);
        assertThat(dead.getPayloadTruncated()).isTrue();
        assertThat(dead.getPayloadSize()).isEqualTo(NEAR_LIMIT.length);
        assertThat(bytes(dead.getPayload()))
                .isEqualTo(
                        java.util.Arrays.copyOf(
                                NEAR_LIMIT, io.gridpulse.core.io.DeadLetters.MAX_PAYLOAD_BYTES));
        assertThat(bytes(dead.getPayloadSha256()))
                .isEqualTo(java.security.MessageDigest.getInstance("SHA-256").digest(NEAR_LIMIT));
    }

    /**
     * Savings are off, and the job reads the weather topic all the same because the operator named
     * it: the anomaly detectors take it. Its undecodable record is kept like a reading's.
     */
    @Test
    @Order(3)
    void shouldReadTheNamedWeatherTopicWithoutSavingsAndKeepItsUndecodableRecord()
            throws Exception {
        DeadLetter dead = deadLetterOf(readDeadLetters(3), weatherGarbageAt);

        assertThat(dead.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE);
        assertThat(bytes(dead.getPayload())).isEqualTo(GARBAGE);
    }

    @Test
    @Order(4)
    void shouldOverwriteRatherThanDuplicatePointsWhenTheSameReadingsAreReplayed() throws Exception {
        long pointsBefore = countPoints();
        Map<String, Double> before = byTagAndTime("meter_energy", "meter");

        runJob("replay"); // a new consumer group reads the topic from the start again

        assertThat(countPoints()).isEqualTo(pointsBefore);
        assertThat(byTagAndTime("meter_energy", "meter")).isEqualTo(before);
    }

    private static void runJob(String groupId) throws Exception {
        Configuration options = new Configuration();
        options.set(KafkaOptions.WEATHER_TOPIC, WEATHER);
        BoundedMonitorRun.run(KAFKA, INFLUX, DATABASE, groupId, options);
    }

    /** The dead letter of the record written at {@code origin}. */
    private static DeadLetter deadLetterOf(List<DeadLetter> deadLetters, RecordMetadata origin) {
        return deadLetters.stream()
                .filter(
                        d ->
                                d.getSourceTopic().toString().equals(origin.topic())
                                        && d.getSourceOffset() == origin.offset())
                .findFirst()
                .orElseThrow();
    }

    private static RecordMetadata produceGarbage(String topic, byte[] value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            return producer.send(
                            new ProducerRecord<>(
                                    topic,
                                    0,
                                    truth.hourStarts().get(1).toEpochMilli(),
                                    null,
                                    value))
                    .get();
        }
    }

    private static byte[] nearLimitValue() {
        byte[] value = new byte[1_048_400];
        new java.util.Random(11).nextBytes(value);
        value[0] = '{'; // not the single-object marker
        return value;
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    /**
     * The dead letters in the topic, once at least {@code expected} of them are there (or 15 s have
     * passed).
     */
    private static List<DeadLetter> readDeadLetters(int expected) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<DeadLetter> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            long deadline = System.currentTimeMillis() + 15_000;
            while (out.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    out.add(DeadLetter.getDecoder().decode(record.value()));
                }
            }
            // Anything else that was written arrives in the same fetches; poll once more to be sure
            // there is nothing more.
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                out.add(DeadLetter.getDecoder().decode(record.value()));
            }
        }
        return out;
    }

    /** Hourly energy per tag value and hour, e.g. "M000001@2026-01-11T22:00:00Z" -> kWh. */
    private static Map<String, Double> byTagAndTime(String measurement, String tag) {
        Map<String, Double> out = new HashMap<>();
        for (Map<String, Object> row :
                INFLUX.query(
                        DATABASE,
                        "SELECT energy_kwh FROM "
                                + measurement
                                + " WHERE \"window\" = '1h' GROUP BY "
                                + tag)) {
            out.put(
                    row.get(tag) + "@" + Instant.parse((String) row.get("time")),
                    ((Number) row.get("energy_kwh")).doubleValue());
        }
        return out;
    }

    private static long countPoints() {
        long total = 0;
        for (String measurement : List.of("meter_energy", "feeder_energy", "district_energy")) {
            for (Map<String, Object> row :
                    INFLUX.query(DATABASE, "SELECT count(energy_kwh) FROM " + measurement)) {
                total += ((Number) row.get("count")).longValue();
            }
        }
        return total;
    }
}
