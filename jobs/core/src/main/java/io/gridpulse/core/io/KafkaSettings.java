package io.gridpulse.core.io;

import java.util.Map;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.base.DeliveryGuarantee;

/** The live job's Kafka settings ({@link KafkaOptions}, {@link KafkaClientSettings}), read once. */
public record KafkaSettings(
        String bootstrapServers,
        Map<String, String> client,
        String readingsTopic,
        String deadLetterTopic,
        String lateTopic,
        String anomaliesTopic,
        DeliveryGuarantee anomaliesDeliveryGuarantee,
        String groupId,
        boolean bounded,
        String weatherTopic,
        String baselineModelsTopic) {

    public static KafkaSettings from(ReadableConfig config) {
        DeliveryGuarantee anomaliesGuarantee =
                config.get(KafkaOptions.ANOMALIES_DELIVERY_GUARANTEE);
        if (anomaliesGuarantee == DeliveryGuarantee.NONE) {
            throw new IllegalConfigurationException(
                    KafkaOptions.ANOMALIES_DELIVERY_GUARANTEE.key()
                            + " must be at-least-once or exactly-once: an anomaly event must not be lost");
        }
        return new KafkaSettings(
                config.get(KafkaOptions.BOOTSTRAP_SERVERS),
                KafkaClientSettings.from(config),
                config.get(KafkaOptions.READINGS_TOPIC),
                config.get(KafkaOptions.DEAD_LETTER_TOPIC),
                config.get(KafkaOptions.LATE_TOPIC),
                config.get(KafkaOptions.ANOMALIES_TOPIC),
                anomaliesGuarantee,
                config.get(KafkaOptions.GROUP_ID),
                config.get(KafkaOptions.BOUNDED),
                config.get(KafkaOptions.WEATHER_TOPIC),
                config.get(KafkaOptions.BASELINE_MODELS_TOPIC));
    }
}
