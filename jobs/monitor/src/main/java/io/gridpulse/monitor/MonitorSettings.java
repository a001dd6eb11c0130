package io.gridpulse.monitor;

import io.gridpulse.core.influx.InfluxSettings;
import io.gridpulse.core.io.KafkaClientSettings;
import io.gridpulse.core.io.KafkaOptions;
import io.gridpulse.core.pipeline.PipelineSettings;
import io.gridpulse.core.savings.live.SavingsSettings;
import io.gridpulse.core.vee.ReadingRules;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.base.DeliveryGuarantee;

/** Everything the monitor job is configured with, read once. */
public record MonitorSettings(
        String bootstrapServers,
        Map<String, String> kafkaClient,
        String readingsTopic,
        String deadLetterTopic,
        String lateTopic,
        String anomaliesTopic,
        DeliveryGuarantee anomaliesDeliveryGuarantee,
        String groupId,
        boolean bounded,
        PipelineSettings pipeline,
        ReadingRules rules,
        InfluxSettings influx,
        String weatherTopic,
        String baselineModelsTopic,
        Optional<SavingsSettings> savings) {

    public static MonitorSettings from(ReadableConfig config) {
        DeliveryGuarantee anomaliesGuarantee =
                config.get(KafkaOptions.ANOMALIES_DELIVERY_GUARANTEE);
        if (anomaliesGuarantee == DeliveryGuarantee.NONE) {
            throw new IllegalConfigurationException(
                    KafkaOptions.ANOMALIES_DELIVERY_GUARANTEE.key()
                            + " must be at-least-once or exactly-once: an anomaly event must not be lost");
        }
        return new MonitorSettings(
                config.get(KafkaOptions.BOOTSTRAP_SERVERS),
                KafkaClientSettings.from(config),
                config.get(KafkaOptions.READINGS_TOPIC),
                config.get(KafkaOptions.DEAD_LETTER_TOPIC),
                config.get(KafkaOptions.LATE_TOPIC),
                config.get(KafkaOptions.ANOMALIES_TOPIC),
                anomaliesGuarantee,
                config.get(KafkaOptions.GROUP_ID),
                config.get(KafkaOptions.BOUNDED),
                PipelineSettings.from(config),
                ReadingRules.from(config),
                InfluxSettings.from(config),
                config.get(KafkaOptions.WEATHER_TOPIC),
                config.get(KafkaOptions.BASELINE_MODELS_TOPIC),
                SavingsSettings.from(config));
    }
}
