package io.gridpulse.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigurationReferenceTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent().getParent();

    @Test
    void shouldMatchTheOptionsOfTheCode() throws Exception {
        if (Boolean.getBoolean("gridpulse.write-reference")) {
            ConfigurationReference.write(REPOSITORY);
        }
        Path file = REPOSITORY.resolve(ConfigurationReference.FILE);

        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as(
                        "%s is stale: run this test with -Dgridpulse.write-reference=true to rewrite it",
                        file)
                .isEqualTo(ConfigurationReference.render());
    }
}
