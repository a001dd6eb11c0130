package io.gridpulse.core.io;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Kafka client settings a site's brokers need (security.protocol, sasl.*, ssl.*, ...), passed
 * unchanged to every consumer, producer and admin client of a job. They come from a Kafka client
 * properties file (the form Kafka's own tools take with {@code --command-config}) and from {@code
 * kafka.properties.<client key>} options, which win.
 *
 * <p>Secrets (passwords, JAAS configurations, private keys) belong in that file or in config.yaml:
 * on a command line {@code ps} and Flink's CLI log would show them, so {@link #secretsAmong} names
 * the ones given there.
 */
public final class KafkaClientSettings {

    public static final String PREFIX = "kafka.properties.";

    public static final ConfigOption<String> PROPERTIES_FILE =
            key("kafka.properties-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "A Kafka client properties file (security.protocol, sasl.*, ssl.*: what Kafka's own tools"
                                    + " take with --command-config), applied to every Kafka client of the job. The place for credentials.");

    private KafkaClientSettings() {}

    /** The client properties of {@code config}: the file's, then {@code kafka.properties.*}. */
    public static Map<String, String> from(ReadableConfig config) {
        Map<String, String> properties = new TreeMap<>();
        config.getOptional(PROPERTIES_FILE)
                .ifPresent(file -> properties.putAll(readFile(Path.of(file))));
        config.toMap()
                .forEach(
                        (key, value) -> {
                            if (key.startsWith(PREFIX)) {
                                properties.put(key.substring(PREFIX.length()), value);
                            }
                        });
        List<String> unknown =
                properties.keySet().stream().filter(key -> !isClientKey(key)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalConfigurationException(
                    "not Kafka client properties: "
                            + String.join(", ", unknown)
                            + " (kafka.properties.<key> and kafka.properties-file take the keys of Kafka's consumer, producer and"
                            + " admin client)");
        }
        return Map.copyOf(properties);
    }

    /**
     * A Kafka client properties file as a map; a missing or unreadable file is a configuration
     * error.
     */
    public static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalConfigurationException(
                    "cannot read the Kafka client properties file "
                            + file
                            + ": "
                            + (e instanceof java.nio.file.NoSuchFileException
                                    ? "no such file"
                                    : e.getMessage()));
        }
        Map<String, String> map = new TreeMap<>();
        properties
                .stringPropertyNames()
                .forEach(key -> map.put(key, properties.getProperty(key).trim()));
        return map;
    }

    /**
     * {@code bootstrap.servers} and the site's properties, ready for a Kafka client constructor.
     */
    public static Properties clientProperties(
            String bootstrapServers, Map<String, String> properties) {
        Properties props = new Properties();
        props.putAll(properties);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    /**
     * The options among {@code keys} that carry a secret and so must not be given on a command
     * line.
     */
    public static List<String> secretsAmong(Collection<String> keys) {
        return keys.stream()
                .filter(key -> key.startsWith(PREFIX) && isSecret(key.substring(PREFIX.length())))
                .sorted()
                .toList();
    }

    /** Passwords, JAAS configurations (which hold one) and private keys. */
    public static boolean isSecret(String clientKey) {
        String key = clientKey.toLowerCase(java.util.Locale.ROOT);
        return key.contains("password")
                || key.contains("secret")
                || key.endsWith("jaas.config")
                || key.endsWith(".key");
    }

    private static final Set<String> CLIENT_KEYS = clientKeys();

    private static boolean isClientKey(String key) {
        // Kafka's config providers (config.providers.<name>.class, .param.*) take names of the
        // operator's choosing.
        return CLIENT_KEYS.contains(key) || key.startsWith("config.providers.");
    }

    private static Set<String> clientKeys() {
        Set<String> keys = new TreeSet<>(ConsumerConfig.configNames());
        keys.addAll(ProducerConfig.configNames());
        keys.addAll(AdminClientConfig.configNames());
        return keys;
    }
}
