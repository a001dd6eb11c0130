package io.gridpulse.replay.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.core.vee.ReadingRules;
import io.gridpulse.replay.csv.WeatherMapping;
import io.gridpulse.replay.progress.Counters;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.schema.WeatherObservation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file formats as Flink's file source runs them, on one split each: every line is one record
 * (passed on, counted, or a dead letter naming the file as the replay was given it), and the bytes
 * read add up to the file's stored size, compressed or not.
 */
class WholeFileFormatTest {

    @TempDir Path dir;

    @Test
    void shouldAccountForEveryLineAndByteOfACompressedFile() throws IOException {
        Path file = dir.resolve("weather.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(
                    String.join(
                                    "\n",
                                    "time,temp",
                                    "2016-01-01T00:00:00Z,1.5",
                                    "yesterday,2.0",
                                    "",
                                    "2016-01-01T01:00:00Z,",
                                    "2015-12-31T23:00:00Z,0.5",
                                    "2016-01-01T02:00:00Z,2.5")
                            .getBytes(StandardCharsets.UTF_8));
        }
        WeatherMapping mapping =
                WeatherMapping.parse(
                        Map.of(
                                "timestamp", "time",
                                "temperature", "temp",
                                "temperature-unit", "C",
                                "district-id", "north"));
        WeatherFileFormat format =
                new WeatherFileFormat(
                        List.of(file.toString()),
                        mapping,
                        TimeRange.of(Instant.parse("2016-01-01T00:00:00Z"), null));

        List<FileRecord<WeatherObservation>> read = readAll(format, file);

        assertThat(read.stream().mapToLong(r -> r.bytes).sum()).isEqualTo(Files.size(file));
        assertThat(read.stream().filter(FileRecord::isRecord)).hasSize(5);
        assertThat(read.stream().filter(r -> r.outcome != null).map(r -> r.outcome))
                .containsExactly(
                        Counters.WEATHER,
                        Counters.WEATHER_MISSING,
                        Counters.WEATHER_OUTSIDE_RANGE,
                        Counters.WEATHER);
        DeadLetter bad =
                read.stream()
                        .filter(r -> r.record != null && r.record.isLeft())
                        .findFirst()
                        .orElseThrow()
                        .record
                        .left();
        assertThat(bad.getMessage()).startsWith("weather.csv.gz line 3: ");
        assertThat(bad.getSourceTopic()).isEqualTo(file.toString());
        assertThat(bad.getSourceOffset()).isEqualTo(3);
    }

    @Test
    void shouldTurnAFileThatIsNotAvroIntoOneDeadLetter() throws IOException {
        Path file = dir.resolve("readings.avro");
        Files.writeString(file, "meter,time,kwh\n");
        AvroFileFormat format =
                new AvroFileFormat(
                        List.of(file.toString()),
                        new ReadingRules(Duration.ofMinutes(5), Duration.ofDays(365), 30_000),
                        TimeRange.ALL);

        List<FileRecord<MeterReading>> read = readAll(format, file);

        assertThat(read).filteredOn(FileRecord::isRecord).hasSize(1);
        DeadLetter deadLetter = read.get(0).record.left();
        assertThat(deadLetter.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE);
        assertThat(deadLetter.getMessage())
                .startsWith("readings.avro record 1: not readable as Avro MeterReading");
    }

    /** The split as Flink's enumerator makes it: the path qualified, {@code file:/...}. */
    private static <T> List<FileRecord<T>> readAll(WholeFileFormat<T> format, Path file)
            throws IOException {
        long size = Files.size(file);
        FileSourceSplit split =
                new FileSourceSplit(
                        "0", new org.apache.flink.core.fs.Path(file.toUri()), 0, size, 0, size);
        List<FileRecord<T>> read = new ArrayList<>();
        try (BulkFormat.Reader<FileRecord<T>> reader =
                format.createReader(new Configuration(), split)) {
            for (var batch = reader.readBatch(); batch != null; batch = reader.readBatch()) {
                for (RecordAndPosition<FileRecord<T>> r = batch.next();
                        r != null;
                        r = batch.next()) {
                    read.add(r.getRecord());
                }
                batch.releaseBatch();
            }
        }
        return read;
    }
}
