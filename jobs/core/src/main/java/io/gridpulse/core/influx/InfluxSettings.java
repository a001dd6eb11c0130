package io.gridpulse.core.influx;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.ReadableConfig;

/** Where and how the sink writes to InfluxDB 1.x. */
public record InfluxSettings(
        String url,
        String database,
        String username,
        String password,
        int batchSize,
        Duration flushInterval,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration requestTimeout)
        implements Serializable {

    public static InfluxSettings from(ReadableConfig config) {
        return from(config, System.getenv());
    }

    /**
     * With the password from {@code influx.password}, else {@code influx.password-file}, else
     * INFLUX_PASSWORD.
     */
    static InfluxSettings from(ReadableConfig config, Map<String, String> environment) {
        return new InfluxSettings(
                config.get(InfluxOptions.URL),
                config.get(InfluxOptions.DATABASE),
                config.get(InfluxOptions.USERNAME),
                password(config, environment),
                config.get(InfluxOptions.BATCH_SIZE),
                config.get(InfluxOptions.FLUSH_INTERVAL),
                config.get(InfluxOptions.INITIAL_BACKOFF),
                config.get(InfluxOptions.MAX_BACKOFF),
                config.get(InfluxOptions.REQUEST_TIMEOUT));
    }

    private static String password(ReadableConfig config, Map<String, String> environment) {
        String password = config.get(InfluxOptions.PASSWORD);
        if (!password.isEmpty()) {
            return password;
        }
        Optional<String> file = config.getOptional(InfluxOptions.PASSWORD_FILE);
        if (file.isPresent()) {
            try {
                return Files.readString(Path.of(file.get())).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "influx.password-file " + file.get() + " cannot be read: " + e);
            }
        }
        return environment.getOrDefault(InfluxOptions.PASSWORD_ENV, "");
    }

    public static InfluxSettings of(String url, String database) {
        org.apache.flink.configuration.Configuration config =
                new org.apache.flink.configuration.Configuration();
        config.set(InfluxOptions.URL, url);
        config.set(InfluxOptions.DATABASE, database);
        return from(config);
    }

    public InfluxSettings withBatchSize(int value) {
        return new InfluxSettings(
                url,
                database,
                username,
                password,
                value,
                flushInterval,
                initialBackoff,
                maxBackoff,
                requestTimeout);
    }

    public InfluxSettings withBackoff(Duration initial, Duration max) {
        return new InfluxSettings(
                url,
                database,
                username,
                password,
                batchSize,
                flushInterval,
                initial,
                max,
                requestTimeout);
    }

    public InfluxSettings withFlushInterval(Duration value) {
        return new InfluxSettings(
                url,
                database,
                username,
                password,
                batchSize,
                value,
                initialBackoff,
                maxBackoff,
                requestTimeout);
    }

    @Override
    public String toString() {
        return "InfluxSettings[url="
                + url
                + ", database="
                + database
                + ", batchSize="
                + batchSize
                + "]";
    }
}
