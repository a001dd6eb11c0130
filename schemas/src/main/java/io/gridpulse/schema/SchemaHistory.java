package io.gridpulse.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;

/**
 * Every released version of the GridPulse schemas, so a reader can decode what any producer, old or
 * new, wrote.
 *
 * <p>Kafka values are Avro single-object encoded: each carries the 64-bit fingerprint of its writer
 * schema. Looking the fingerprint up here replaces a schema registry server.
 */
public final class SchemaHistory {

    private static final String HISTORY = "/io/gridpulse/schema/history/";

    private SchemaHistory() {}

    /** Released versions that are no longer current, parsed from {@code history/index.txt}. */
    public static List<Schema> releasedVersions() {
        List<Schema> schemas = new ArrayList<>();
        for (String file : indexEntries()) {
            try (InputStream in = resource(file)) {
                schemas.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read released schema " + file, e);
            }
        }
        return schemas;
    }

    /** The schemas of the current generated classes. */
    public static List<Schema> currentVersions() {
        return List.of(
                MeterReading.getClassSchema(),
                MeterAggregate.getClassSchema(),
                GroupAggregate.getClassSchema(),
                DeadLetter.getClassSchema());
    }

    /** The current schema of the record with this full name. */
    public static Schema currentVersionOf(String fullName) {
        return currentVersions().stream()
                .filter(schema -> schema.getFullName().equals(fullName))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("No current schema named " + fullName));
    }

    /**
     * A store of every released and current version of every schema, for {@code
     * BinaryMessageDecoder}.
     */
    public static SchemaStore.Cache store() {
        SchemaStore.Cache cache = new SchemaStore.Cache();
        releasedVersions().forEach(cache::addSchema);
        currentVersions().forEach(cache::addSchema);
        return cache;
    }

    private static List<String> indexEntries() {
        List<String> entries = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(resource("index.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    entries.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the schema history index", e);
        }
        return entries;
    }

    private static InputStream resource(String name) {
        InputStream in = SchemaHistory.class.getResourceAsStream(HISTORY + name);
        if (in == null) {
            throw new IllegalStateException("Missing schema resource " + HISTORY + name);
        }
        return in;
    }
}
