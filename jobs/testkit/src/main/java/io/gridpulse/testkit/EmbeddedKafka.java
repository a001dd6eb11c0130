package io.gridpulse.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Kafka broker running in this JVM: one KRaft node acting as both broker and controller,
 * built on Kafka's own {@link KafkaClusterTestKit} (ready in a few seconds, no Docker).
 *
 * <p>Either start it directly and close it when done:
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *     kafka.createTopic("meter-readings", 2);
 *     ... kafka.bootstrapServers() ...
 * }
 * }</pre>
 *
 * <p>or share one broker per test class as a JUnit 5 extension on a <b>static</b> field:
 *
 * <pre>{@code
 * @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
 * }</pre>
 *
 * <p>The broker keeps history: the broker-wide default and every topic created through {@link
 * #createTopic} use {@code retention.ms=-1}, so records with old (simulated or historic) timestamps
 * are not deleted behind the test's back. Internal topics (consumer offsets, transactions,
 * share-group state) use replication factor 1 and few partitions so that the first consumer group
 * and the first transaction are quick.
 */
public final class EmbeddedKafka implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private KafkaClusterTestKit cluster;
    private Path baseDirectory;

    /**
     * An unstarted broker: call {@link #startBroker()} or register it as a JUnit extension on a
     * static field.
     */
    public EmbeddedKafka() {}

    /** Starts a new broker and returns it once it accepts clients. The caller closes it. */
    public static EmbeddedKafka start() {
        EmbeddedKafka kafka = new EmbeddedKafka();
        kafka.startBroker();
        return kafka;
    }

    /**
     * Starts this broker (formats its storage, starts the node and waits until the broker is
     * ready). Idempotent.
     */
    public synchronized EmbeddedKafka startBroker() {
        if (cluster != null) {
            return this;
        }
        try {
            baseDirectory =
                    Files.createTempDirectory(
                            Path.of(System.getProperty("java.io.tmpdir")), "embedded-kafka-");
            TestKitNodes nodes =
                    new TestKitNodes.Builder()
                            .setCombined(true)
                            .setNumBrokerNodes(1)
                            .setNumControllerNodes(1)
                            .setBaseDirectory(baseDirectory)
                            .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                            .build();
            KafkaClusterTestKit.Builder builder =
                    new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(true);
            brokerConfig().forEach(builder::setConfigProp);
            KafkaClusterTestKit started = builder.build();
            try {
                started.format();
                started.startup();
                started.waitForReadyBrokers();
            } catch (Exception | Error e) {
                closeQuietly(started, e);
                throw e;
            }
            cluster = started;
            return this;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "Interrupted while starting the embedded Kafka broker", e);
        } catch (Exception e) {
            deleteBaseDirectory();
            throw new IllegalStateException("Could not start the embedded Kafka broker: " + e, e);
        }
    }

    private static Map<String, String> brokerConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("num.partitions", "2");
        config.put("log.retention.ms", "-1");
        config.put("auto.create.topics.enable", "true");
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        return config;
    }

    /** The {@code host:port} list for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return started().bootstrapServers();
    }

    /**
     * Creates a topic with replication factor 1 that keeps its records forever ({@code
     * retention.ms=-1}).
     */
    public void createTopic(String name, int partitions) {
        NewTopic topic =
                new NewTopic(name, partitions, (short) 1)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
        try (Admin admin =
                Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(topic)).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                throw new IllegalStateException("Topic " + name + " already exists", e.getCause());
            }
            throw new IllegalStateException(
                    "Could not create topic " + name + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out creating topic " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        }
    }

    /** Stops the broker and deletes its log directories. Safe to call more than once. */
    @Override
    public synchronized void close() {
        KafkaClusterTestKit running = cluster;
        cluster = null;
        try {
            if (running != null) {
                running.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the embedded Kafka broker", e);
        } finally {
            deleteBaseDirectory();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startBroker();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private synchronized KafkaClusterTestKit started() {
        if (cluster == null) {
            throw new IllegalStateException(
                    "The embedded Kafka broker is not running: use EmbeddedKafka.start(), or register it with "
                            + "@RegisterExtension on a static field");
        }
        return cluster;
    }

    private void deleteBaseDirectory() {
        Path dir = baseDirectory;
        baseDirectory = null;
        if (dir != null) {
            try {
                Directories.deleteRecursively(dir);
            } catch (UncheckedIOException | IOException e) {
                // The test kit has usually deleted it already; a leftover under java.io.tmpdir is
                // harmless.
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable, Throwable primary) {
        try {
            closeable.close();
        } catch (Exception e) {
            primary.addSuppressed(e);
        }
    }
}
