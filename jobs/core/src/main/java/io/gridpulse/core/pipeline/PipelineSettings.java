package io.gridpulse.core.pipeline;

import io.gridpulse.core.anomaly.AnomalySettings;
import io.gridpulse.core.config.DistrictZones;
import io.gridpulse.core.config.PipelineOptions;
import io.gridpulse.core.meter.MeterSettings;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;

/** The energy pipeline's settings, read once from the job's configuration. */
public record PipelineSettings(
        Duration outOfOrderness,
        Duration idleTimeout,
        MeterSettings meter,
        DistrictZones zones,
        AnomalySettings anomaly)
        implements Serializable {

    public static PipelineSettings from(ReadableConfig config) {
        return new PipelineSettings(
                config.get(PipelineOptions.OUT_OF_ORDERNESS),
                config.get(PipelineOptions.IDLE_TIMEOUT),
                MeterSettings.from(config),
                DistrictZones.parse(
                        config.get(PipelineOptions.TIME_ZONE),
                        config.get(PipelineOptions.DISTRICT_TIME_ZONES)),
                AnomalySettings.from(config));
    }

    public static PipelineSettings defaults() {
        return from(new Configuration());
    }

    public Duration readingInterval() {
        return meter.readingInterval();
    }
}
