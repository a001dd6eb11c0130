package io.gridpulse.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmbeddedKafkaITCase {

    /** A record timestamp far older than Kafka's default 7-day retention. */
    private static final Instant YEARS_AGO = Instant.parse("2020-01-01T00:00:00Z");

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    @Test
    void shouldDeliverAProducedRecordToAConsumer() throws Exception {
        KAFKA.createTopic("greetings", 2);

        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(
                            new ProducerRecord<>(
                                    "greetings",
                                    null,
                                    YEARS_AGO.toEpochMilli(),
                                    "meter-1",
                                    "hello"))
                    .get(30, TimeUnit.SECONDS);
        }

        List<ConsumerRecord<String, String>> received = consumeAtLeast(1, "greetings");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).key()).isEqualTo("meter-1");
        assertThat(received.get(0).value()).isEqualTo("hello");
        assertThat(received.get(0).timestamp()).isEqualTo(YEARS_AGO.toEpochMilli());
    }

    @Test
    void shouldCreateTopicsThatKeepHistory() throws Exception {
        KAFKA.createTopic("history", 3);

        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                KAFKA.bootstrapServers()))) {
            TopicDescription description =
                    admin.describeTopics(List.of("history")).allTopicNames().get().get("history");
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "history");
            String retention =
                    admin.describeConfigs(List.of(resource))
                            .all()
                            .get()
                            .get(resource)
                            .get(TopicConfig.RETENTION_MS_CONFIG)
                            .value();

            assertThat(description.partitions()).hasSize(3);
            assertThat(retention).isEqualTo("-1");
        }
    }

    @Test
    void shouldRefuseToCreateATopicTwice() {
        KAFKA.createTopic("once", 1);

        assertThatThrownBy(() -> KAFKA.createTopic("once", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already exists");
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> consumeAtLeast(int count, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
