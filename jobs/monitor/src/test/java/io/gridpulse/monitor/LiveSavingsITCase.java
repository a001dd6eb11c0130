package io.gridpulse.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.core.config.PipelineOptions;
import io.gridpulse.core.influx.InfluxOptions;
import io.gridpulse.core.io.KafkaOptions;
import io.gridpulse.core.pipeline.LiveSettings;
import io.gridpulse.core.pipeline.LiveWorkflow;
import io.gridpulse.core.savings.live.SavingsOptions;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.testkit.EmbeddedKafka;
import io.gridpulse.testkit.FlinkTestCluster;
import io.gridpulse.testkit.InfluxServer;
import io.gridpulse.testkit.KnownSavingsProgramme;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Live savings in the monitor job against real services: hourly readings, the districts' hourly
 * temperatures and the meters' baseline models in three Kafka topics, savings in a real influxd.
 * Households whose daily use is their baseline for the day's temperature minus exactly 15% must
 * come out at 15% savings, per meter, feeder and district; a household without a model is counted
 * as such and given no savings; a garbage weather record is a dead letter.
 */
class LiveSavingsITCase {

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
    @RegisterExtension static final InfluxServer INFLUX = new InfluxServer();
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final String DATABASE = "gridpulse_savings_it";
    private static final LocalDate START = KnownSavingsProgramme.START;
    private static final int DAYS = KnownSavingsProgramme.DAYS;
    private static final double REDUCTION = KnownSavingsProgramme.REDUCTION;

    @BeforeAll
    static void produceAndRunTheJob() throws Exception {
        for (String topic :
                List.of("meter-readings", "weather", "baseline-models", "dead-letters")) {
            KAFKA.createTopic(topic, 1);
        }
        KnownSavingsProgramme.produce(
                KAFKA.bootstrapServers(),
                new KnownSavingsProgramme.Topics("meter-readings", "weather", "baseline-models"));
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(
                            new ProducerRecord<>(
                                    "weather", "garbage".getBytes(StandardCharsets.UTF_8)))
                    .get();
        }

        Configuration config = new Configuration();
        config.set(KafkaOptions.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        config.set(KafkaOptions.GROUP_ID, "savings-it");
        config.set(KafkaOptions.BOUNDED, true);
        config.set(InfluxOptions.URL, INFLUX.url());
        config.set(InfluxOptions.DATABASE, DATABASE);
        config.set(PipelineOptions.READING_INTERVAL, Duration.ofHours(1));
        config.set(PipelineOptions.TIME_ZONE, "UTC");
        config.set(SavingsOptions.REPORTING_START, START.toString());
        config.set(SavingsOptions.TARGET, 0.10);
        config.set(SavingsOptions.DISTRICT_TARGETS, "D02=0.20");
        LiveSettings settings = LiveSettings.from(config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(1_000);
        env.getConfig().enableObjectReuse();
        LiveWorkflow.define(env, settings);
        env.execute("monitor job with savings");
    }

    @Test
    void shouldFindTheProgrammedReductionForEveryMeterWithAModel() {
        for (String meter : List.of("m1", "m2", "m4")) {
            Map<String, Object> last = lastDay("meter_savings", "meter", meter);
            assertThat(last.get("status")).as(meter).isEqualTo("COUNTED");
            assertThat(number(last, "counted_days")).as(meter).isEqualTo(DAYS);
            assertThat(number(last, "savings_pct"))
                    .as(meter)
                    .isCloseTo(100 * REDUCTION, within(1e-6));
            assertThat(number(last, "uncertainty_kwh")).as(meter).isPositive();
        }
    }

    @Test
    void shouldCountAMeterWithoutAModelAndGiveItNoSavings() {
        Map<String, Object> last = lastDay("meter_savings", "meter", "m3");
        assertThat(last.get("status")).isEqualTo("NO_MODEL");
        assertThat(last.get("savings_pct")).isNull();
        assertThat(number(last, "counted_days")).isZero();
    }

    @Test
    void shouldRollUpFeedersAndDistrictsAsAvoidedOverPredictedAgainstTheirTargets() {
        Map<String, Object> d01 = lastDay("district_savings", "district", "D01");
        assertThat(number(d01, "savings_pct")).isCloseTo(100 * REDUCTION, within(1e-6));
        assertThat(number(d01, "meters_counted")).isEqualTo(2);
        assertThat(number(d01, "meters_without_model")).isEqualTo(1);
        assertThat(number(d01, "target_pct")).isCloseTo(10, within(1e-9));
        assertThat(d01.get("on_track")).isEqualTo(true);
        assertThat(number(d01, "projected_pct")).isCloseTo(100 * REDUCTION, within(1e-6));
        double predicted = 0;
        for (String meter : List.of("m1", "m2")) {
            predicted +=
                    number(lastDay("meter_savings", "meter", meter), "cumulative_predicted_kwh");
        }
        assertThat(number(d01, "cumulative_predicted_kwh")).isCloseTo(predicted, within(1e-6));

        Map<String, Object> d02 = lastDay("district_savings", "district", "D02");
        assertThat(number(d02, "target_pct")).isCloseTo(20, within(1e-9));
        assertThat(d02.get("on_track")).isEqualTo(false);

        Map<String, Object> f2 = lastDay("feeder_savings", "feeder", "F2");
        assertThat(number(f2, "meters_counted")).isEqualTo(1);
        assertThat(number(f2, "meters_without_model")).isEqualTo(1);
        assertThat(
                        INFLUX.query(
                                DATABASE,
                                "SELECT savings_pct FROM district_savings WHERE district = 'D01'"))
                .hasSize(DAYS);
    }

    @Test
    void shouldKeepAnUndecodableWeatherRecordAsADeadLetter() {
        List<DeadLetter> deadLetters = new ArrayList<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "savings-it-check");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("dead-letters"));
            long deadline = System.currentTimeMillis() + 10_000;
            while (deadLetters.isEmpty() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    try {
                        deadLetters.add(DeadLetter.getDecoder().decode(record.value()));
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        assertThat(deadLetters)
                .singleElement()
                .satisfies(
                        dead -> {
                            assertThat(dead.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE);
                            assertThat(dead.getSourceTopic()).isEqualTo("weather");
                            assertThat(dead.getMessage()).contains("WeatherObservation");
                        });
    }

    /** The point of the programme's last day with readings. */
    private static Map<String, Object> lastDay(String measurement, String tag, String id) {
        Instant lastDay = START.plusDays(DAYS - 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Map<String, Object>> rows =
                INFLUX.query(
                        DATABASE,
                        "SELECT * FROM "
                                + measurement
                                + " WHERE \""
                                + tag
                                + "\" = '"
                                + id
                                + "' AND time = '"
                                + lastDay
                                + "'");
        assertThat(rows).as(measurement + " " + id).hasSize(1);
        return rows.get(0);
    }

    private static double number(Map<String, Object> row, String field) {
        assertThat(row.get(field)).as(field).isNotNull();
        return ((Number) row.get(field)).doubleValue();
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
