package io.gridpulse.core.io;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * Asks the brokers once, before a job starts, whether they accept its credentials. Inside a running
 * job a refused login is one more failure to restart from, for ever; here it is one line and a
 * failed start. A broker that does not answer is not a credential problem: the job starts and waits
 * for it as it always has.
 */
public final class KafkaCredentialsCheck {

    private KafkaCredentialsCheck() {}

    /**
     * Why the brokers refused the client, or empty when they accepted it or did not answer in time.
     */
    public static Optional<String> refusal(
            String bootstrapServers, Map<String, String> properties, Duration timeout) {
        Properties props = KafkaClientSettings.clientProperties(bootstrapServers, properties);
        props.put(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                String.valueOf(timeout.toMillis()));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AuthenticationException
                    || cause instanceof AuthorizationException) {
                return Optional.of(
                        "Kafka at "
                                + bootstrapServers
                                + " refused the client ("
                                + properties.getOrDefault("security.protocol", "PLAINTEXT")
                                + properties
                                        .getOrDefault("sasl.mechanism", "")
                                        .transform(m -> m.isEmpty() ? "" : " " + m)
                                + "): "
                                + cause.getMessage()
                                + "; check kafka.properties-file / kafka.properties.*");
            }
            return Optional.empty();
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
