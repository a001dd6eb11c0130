package io.gridpulse.core.influx;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ReadableConfig;

/** Where and how the sink writes to InfluxDB 1.x. */
public record InfluxSettings(
    String url,
    String database,
    String username,
    String password,
    int batchSize,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration requestTimeout)
    implements Serializable {

  public static InfluxSettings from(ReadableConfig config) {
    return new InfluxSettings(
        config.get(InfluxOptions.URL),
        config.get(InfluxOptions.DATABASE),
        config.get(InfluxOptions.USERNAME),
        config.get(InfluxOptions.PASSWORD),
        config.get(InfluxOptions.BATCH_SIZE),
        config.get(InfluxOptions.INITIAL_BACKOFF),
        config.get(InfluxOptions.MAX_BACKOFF),
        config.get(InfluxOptions.REQUEST_TIMEOUT));
  }

  public static InfluxSettings of(String url, String database) {
    org.apache.flink.configuration.Configuration config = new org.apache.flink.configuration.Configuration();
    config.set(InfluxOptions.URL, url);
    config.set(InfluxOptions.DATABASE, database);
    return from(config);
  }

  public InfluxSettings withBatchSize(int value) {
    return new InfluxSettings(url, database, username, password, value, initialBackoff, maxBackoff, requestTimeout);
  }

  public InfluxSettings withBackoff(Duration initial, Duration max) {
    return new InfluxSettings(url, database, username, password, batchSize, initial, max, requestTimeout);
  }

  @Override
  public String toString() {
    return "InfluxSettings[url=" + url + ", database=" + database + ", batchSize=" + batchSize + "]";
  }
}
