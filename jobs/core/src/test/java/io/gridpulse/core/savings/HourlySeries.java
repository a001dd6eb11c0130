package io.gridpulse.core.savings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Reads a gzipped two-column CSV (hour start with UTC offset, value) with a header line into a
 * time-ordered map.
 */
final class HourlySeries {

    private HourlySeries() {}

    static NavigableMap<Instant, Double> read(Path gzippedCsv) throws IOException {
        NavigableMap<Instant, Double> series = new TreeMap<>();
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(Files.newInputStream(gzippedCsv)),
                                StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                // The offset in each time stamp says which of the two 01:00 hours of a fall-back
                // night is meant.
                Instant start = OffsetDateTime.parse(fields[0].trim()).toInstant();
                String value = fields[1].trim();
                if (!value.isEmpty()) {
                    series.put(start, Double.parseDouble(value));
                }
            }
        }
        return series;
    }

    /** Mean of the values in [from, to), NaN if there are none. */
    static double meanBetween(NavigableMap<Instant, Double> series, Instant from, Instant to) {
        return series.subMap(from, true, to, false).values().stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(Double.NaN);
    }
}
