package io.gridpulse.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.core.config.PipelineOptions;
import io.gridpulse.core.pipeline.SecretOptions;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.Configuration;
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
                        "district.default-time-zone",
                        "reading.interval",
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
                                        "pipeline.reading-intervall",
                                        "reading.intervall")))
                .containsExactly(
                        "influx.pasword",
                        "kafka.security.protocol",
                        "pipeline.reading-intervall",
                        "reading.intervall");
    }

    @Test
    void shouldStillAcceptTheOldNamesOfTheOptionsThatLeftFlinksPipelineNamespace() {
        assertThat(JobOptions.unknown(List.of("pipeline.reading-interval", "pipeline.time-zone")))
                .isEmpty();
        Configuration old = new Configuration();
        old.setString("pipeline.reading-interval", "PT15M");
        assertThat(old.get(PipelineOptions.READING_INTERVAL)).isEqualTo(Duration.ofMinutes(15));
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
