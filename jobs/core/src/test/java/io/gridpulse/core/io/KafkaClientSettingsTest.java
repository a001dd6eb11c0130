package io.gridpulse.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientSettingsTest {

    @TempDir Path dir;

    @Test
    void shouldTakeTheFilesPropertiesAndLetTheOptionsOverrideThem() throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("client.properties"),
                        "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nssl.truststore.location=/etc/ts.jks \n");
        Configuration config =
                Configuration.fromMap(
                        Map.of(
                                "kafka.properties-file",
                                file.toString(),
                                "kafka.properties.sasl.mechanism",
                                "SCRAM-SHA-512",
                                "kafka.bootstrap-servers",
                                "b:9093"));

        assertThat(KafkaClientSettings.from(config))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "security.protocol",
                                "SASL_SSL",
                                "sasl.mechanism",
                                "SCRAM-SHA-512",
                                "ssl.truststore.location",
                                "/etc/ts.jks"));
    }

    @Test
    void shouldBeEmptyWithoutSettings() {
        assertThat(KafkaClientSettings.from(new Configuration())).isEmpty();
    }

    @Test
    void shouldRefuseAKeyNoKafkaClientTakes() {
        Configuration config =
                Configuration.fromMap(Map.of("kafka.properties.security.protokol", "SSL"));

        assertThatThrownBy(() -> KafkaClientSettings.from(config))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("not Kafka client properties: security.protokol");
    }

    @Test
    void shouldAcceptConfigProvidersWhoseNamesTheOperatorChooses() {
        Configuration config =
                Configuration.fromMap(
                        Map.of(
                                "kafka.properties.config.providers",
                                "file",
                                "kafka.properties.config.providers.file.class",
                                "org.apache.kafka.common.config.provider.FileConfigProvider"));

        assertThat(KafkaClientSettings.from(config)).hasSize(2);
    }

    @Test
    void shouldSayWhenTheFileIsMissing() {
        Configuration config =
                Configuration.fromMap(
                        Map.of("kafka.properties-file", dir.resolve("nope").toString()));

        assertThatThrownBy(() -> KafkaClientSettings.from(config))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("nope: no such file");
    }

    @Test
    void shouldKnowWhichPropertiesAreSecret() {
        assertThat(
                        KafkaClientSettings.secretsAmong(
                                java.util.List.of(
                                        "kafka.properties.sasl.jaas.config",
                                        "kafka.properties.ssl.keystore.password",
                                        "kafka.properties.ssl.keystore.key",
                                        "kafka.properties.security.protocol",
                                        "kafka.properties.ssl.truststore.location",
                                        "influx.password")))
                .containsExactly(
                        "kafka.properties.sasl.jaas.config",
                        "kafka.properties.ssl.keystore.key",
                        "kafka.properties.ssl.keystore.password");
    }
}
