package io.gridpulse.monitor;

import io.gridpulse.core.config.PipelineSettings;
import io.gridpulse.core.influx.InfluxSettings;
import io.gridpulse.core.vee.ReadingRules;
import org.apache.flink.configuration.ReadableConfig;

/** Everything the monitor job is configured with, read once. */
public record MonitorSettings(
    String bootstrapServers,
    String readingsTopic,
    String deadLetterTopic,
    String lateTopic,
    String groupId,
    boolean bounded,
    PipelineSettings pipeline,
    ReadingRules rules,
    InfluxSettings influx) {

  public static MonitorSettings from(ReadableConfig config) {
    return new MonitorSettings(
        config.get(KafkaOptions.BOOTSTRAP_SERVERS),
        config.get(KafkaOptions.READINGS_TOPIC),
        config.get(KafkaOptions.DEAD_LETTER_TOPIC),
        config.get(KafkaOptions.LATE_TOPIC),
        config.get(KafkaOptions.GROUP_ID),
        config.get(KafkaOptions.BOUNDED),
        PipelineSettings.from(config),
        ReadingRules.from(config),
        InfluxSettings.from(config));
  }
}
