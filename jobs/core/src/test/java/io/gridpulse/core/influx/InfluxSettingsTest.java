package io.gridpulse.core.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the InfluxDB password comes from: the option, a file, or the environment; and it is never
 * printed.
 */
class InfluxSettingsTest {

    private static final Map<String, String> ENV = Map.of("INFLUX_PASSWORD", "from-env");

    @TempDir Path dir;

    @Test
    void shouldTakeTheOptionFirst() {
        Configuration config = new Configuration();
        config.set(InfluxOptions.PASSWORD, "from-option");

        assertThat(InfluxSettings.from(config, ENV).password()).isEqualTo("from-option");
    }

    @Test
    void shouldReadThePasswordFileWhenTheOptionIsNotSet() throws Exception {
        Path file = Files.writeString(dir.resolve("influx.password"), "from-file\n");
        Configuration config = new Configuration();
        config.set(InfluxOptions.PASSWORD_FILE, file.toString());

        assertThat(InfluxSettings.from(config, ENV).password()).isEqualTo("from-file");
    }

    @Test
    void shouldFallBackToTheEnvironment() {
        assertThat(InfluxSettings.from(new Configuration(), ENV).password()).isEqualTo("from-env");
        assertThat(InfluxSettings.from(new Configuration(), Map.of()).password()).isEmpty();
    }

    @Test
    void shouldRefuseAPasswordFileThatCannotBeRead() {
        Configuration config = new Configuration();
        config.set(InfluxOptions.PASSWORD_FILE, dir.resolve("missing").toString());

        assertThatThrownBy(() -> InfluxSettings.from(config, ENV))
                .hasMessageContaining("influx.password-file")
                .hasMessageContaining("cannot be read");
    }

    @Test
    void shouldNeverPrintThePassword() {
        Configuration config = new Configuration();
        config.set(InfluxOptions.PASSWORD, "s3cret");

        assertThat(InfluxSettings.from(config, ENV).toString()).doesNotContain("s3cret");
    }
}
