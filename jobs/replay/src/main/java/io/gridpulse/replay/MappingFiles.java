package io.gridpulse.replay;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A mapping's keys: a small {@code key=value} file (comments with #), then the command line's
 * overrides.
 */
final class MappingFiles {

    private MappingFiles() {}

    static Map<String, String> merge(Path file, Map<String, String> overrides) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        if (file != null) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            properties
                    .stringPropertyNames()
                    .forEach(key -> keys.put(key.trim(), properties.getProperty(key)));
        }
        overrides.forEach((key, value) -> keys.put(key.trim(), value));
        return keys;
    }
}
