package io.gridpulse.core.pipeline;

import io.gridpulse.core.influx.InfluxSettings;
import io.gridpulse.core.io.KafkaSettings;
import io.gridpulse.core.savings.live.SavingsSettings;
import io.gridpulse.core.vee.ReadingRules;
import java.util.Optional;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Everything the live workflow is configured with, read once: the monitor job's settings, which the
 * benchmark reads the same way so that it measures what production runs.
 */
public record LiveSettings(
        KafkaSettings kafka,
        PipelineSettings pipeline,
        ReadingRules rules,
        InfluxSettings influx,
        Optional<SavingsSettings> savings) {

    public static LiveSettings from(ReadableConfig config) {
        return new LiveSettings(
                KafkaSettings.from(config),
                PipelineSettings.from(config),
                ReadingRules.from(config),
                InfluxSettings.from(config),
                SavingsSettings.from(config));
    }
}
