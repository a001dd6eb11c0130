package io.gridpulse.core.config;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ReadableConfig;

/** The energy pipeline's settings, read once from the job's configuration. */
public record PipelineSettings(Duration readingInterval, Duration outOfOrderness, Duration idleTimeout)
    implements Serializable {

  public static PipelineSettings from(ReadableConfig config) {
    return new PipelineSettings(
        config.get(PipelineOptions.READING_INTERVAL),
        config.get(PipelineOptions.OUT_OF_ORDERNESS),
        config.get(PipelineOptions.IDLE_TIMEOUT));
  }

  public static PipelineSettings defaults() {
    return from(new org.apache.flink.configuration.Configuration());
  }

  public PipelineSettings withOutOfOrderness(Duration value) {
    return new PipelineSettings(readingInterval, value, idleTimeout);
  }
}
