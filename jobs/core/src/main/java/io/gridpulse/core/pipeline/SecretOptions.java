package io.gridpulse.core.pipeline;

import io.gridpulse.core.influx.InfluxOptions;
import io.gridpulse.core.io.KafkaClientSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The options of every job that carry a secret: refused on a command line, where {@code ps} shows
 * them to every user and Flink's CLI logs them. They belong in config.yaml or a file.
 */
public final class SecretOptions {

    private SecretOptions() {}

    /** The secret options among {@code keys}: the InfluxDB password first, then Kafka's, sorted. */
    public static List<String> among(Collection<String> keys) {
        List<String> secrets = new ArrayList<>(KafkaClientSettings.secretsAmong(keys));
        if (keys.contains(InfluxOptions.PASSWORD.key())) {
            secrets.add(0, InfluxOptions.PASSWORD.key());
        }
        return secrets;
    }
}
