package io.gridpulse.core.pipeline;

import io.gridpulse.core.influx.InfluxSettings;
import io.gridpulse.core.io.KafkaOptions;
import io.gridpulse.core.io.KafkaSettings;
import io.gridpulse.core.savings.live.SavingsSettings;
import io.gridpulse.core.vee.ReadingRules;
import java.util.Optional;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Everything the live workflow is configured with, read once: the monitor job's settings, which the
 * benchmark reads the same way so that it measures what production runs. {@code weather}: whether
 * the job reads the weather topic, which live savings need and the anomaly detectors use when they
 * have it; so it is read with savings on, or when the operator names it.
 */
public record LiveSettings(
        KafkaSettings kafka,
        PipelineSettings pipeline,
        ReadingRules rules,
        InfluxSettings influx,
        Optional<SavingsSettings> savings,
        boolean weather) {

    public static LiveSettings from(ReadableConfig config) {
        Optional<SavingsSettings> savings = SavingsSettings.from(config);
        return new LiveSettings(
                KafkaSettings.from(config),
                PipelineSettings.from(config),
                ReadingRules.from(config),
                InfluxSettings.from(config),
                savings,
                savings.isPresent() || config.getOptional(KafkaOptions.WEATHER_TOPIC).isPresent());
    }
}
