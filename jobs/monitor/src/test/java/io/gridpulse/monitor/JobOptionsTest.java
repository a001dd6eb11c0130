package io.gridpulse.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.core.pipeline.SecretOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobOptionsTest {

    @Test
    void shouldKnowTheOptionsTheREADMEDocuments() {
        assertThat(JobOptions.known())
                .contains(
                        "kafka.bootstrap-servers",
                        "kafka.topic.readings",
                        "influx.url",
                        "influx.password",
                        "pipeline.time-zone",
                        "pipeline.reading-interval",
                        "savings.target",
                        "anomaly.warm-up");
    }

    @Test
    void shouldRefuseAMistypedOrUnsupportedGridPulseOptionAndLeaveFlinksAlone() {
        assertThat(
                        JobOptions.unknown(
                                List.of(
                                        "kafka.bootstrap-servers",
                                        "kafka.security.protocol",
                                        "influx.pasword",
                                        "execution.checkpointing.interval",
                                        "rest.bind-port",
                                        "state.backend.type",
                                        "pipeline.object-reuse",
                                        "pipeline.auto-watermark-interval",
                                        "pipeline.reading-intervall")))
                .containsExactly(
                        "influx.pasword", "kafka.security.protocol", "pipeline.reading-intervall");
    }

    @Test
    void shouldLeaveKafkaClientPropertiesToTheirOwnCheck() {
        assertThat(
                        JobOptions.unknown(
                                List.of(
                                        "kafka.properties.security.protocol",
                                        "kafka.properties-file")))
                .isEmpty();
    }

    @Test
    void shouldNameTheSecretsGivenOnTheCommandLine() {
        assertThat(
                        SecretOptions.among(
                                List.of(
                                        "influx.url",
                                        "influx.password",
                                        "kafka.properties.sasl.jaas.config",
                                        "kafka.properties.ssl.truststore.location",
                                        "kafka.properties.ssl.key.password")))
                .containsExactly(
                        "influx.password",
                        "kafka.properties.sasl.jaas.config",
                        "kafka.properties.ssl.key.password");
    }
}
