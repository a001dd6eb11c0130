package io.gridpulse.simulator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A Kafka client properties file (security.protocol, sasl.*, ssl.*), as Kafka's own tools take with
 * {@code --command-config}: where the simulator's Kafka credentials live, since a command line
 * shows them to {@code ps}. The jobs read the same file through their {@code kafka.properties-file}
 * option.
 */
public final class KafkaClientFile {

    private KafkaClientFile() {}

    public static Map<String, String> read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> map = new TreeMap<>();
        properties
                .stringPropertyNames()
                .forEach(key -> map.put(key, properties.getProperty(key).trim()));
        return map;
    }

    /** Passwords, JAAS configurations (which hold one) and private keys. */
    public static boolean isSecret(String clientKey) {
        String key = clientKey.toLowerCase(Locale.ROOT);
        return key.contains("password")
                || key.contains("secret")
                || key.endsWith("jaas.config")
                || key.endsWith(".key");
    }
}
