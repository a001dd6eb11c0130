package io.gridpulse.simulator;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the readings topic when asked to. Simulated readings carry historic timestamps, and Kafka
 * deletes records by timestamp: under the default 7-day retention, readings older than a week
 * vanish minutes after they are produced. So the topic is created with unlimited time retention.
 */
public final class KafkaTopics {

    private KafkaTopics() {}

    /** Creates the topic unless it exists; returns true if it was created. */
    public static boolean createIfMissing(
            String bootstrapServers,
            Map<String, String> client,
            String topic,
            int partitions,
            short replication) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            NewTopic newTopic =
                    new NewTopic(topic, partitions, replication)
                            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
            admin.createTopics(List.of(newTopic)).all().get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new IllegalStateException(
                    "cannot create topic " + topic + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        }
    }
}
