package io.gridpulse.replay.savings;

import io.gridpulse.core.io.KafkaClientSettings;
import io.gridpulse.schema.BaselineModel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes the fitted baselines to a compacted Kafka topic, keyed by meter id, Avro single-object
 * encoded like every GridPulse topic: compaction keeps each meter's latest model, which is what a
 * live savings job needs to read at start, and a refit simply replaces it.
 */
final class BaselineModelTopic {

    private BaselineModelTopic() {}

    static void publish(
            String bootstrapServers,
            Map<String, String> client,
            String topic,
            List<BaselineModel> models)
            throws Exception {
        createCompactedIfMissing(
                KafkaClientSettings.clientProperties(bootstrapServers, client), topic);
        Properties props = KafkaClientSettings.clientProperties(bootstrapServers, client);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (BaselineModel model : models) {
                ByteBuffer value = model.toByteBuffer();
                byte[] bytes = new byte[value.remaining()];
                value.get(bytes);
                producer.send(
                                new ProducerRecord<>(
                                        topic,
                                        model.getMeterId().getBytes(StandardCharsets.UTF_8),
                                        bytes))
                        .get();
            }
        }
    }

    private static void createCompactedIfMissing(Properties props, String topic)
            throws InterruptedException {
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(topic, 1, (short) 1)
                                            .configs(
                                                    Map.of(
                                                            TopicConfig.CLEANUP_POLICY_CONFIG,
                                                            TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(
                        "cannot create topic " + topic + ": " + e.getCause().getMessage(), e);
            }
        }
    }
}
