package io.gridpulse.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.simulator.KafkaReadingSink;
import io.gridpulse.testkit.EmbeddedKafka;
import io.gridpulse.testkit.TestReadings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A replay of a Kafka time range from a real broker: only the records appended between the two
 * times are read, and the live job's decoder keeps the undecodable one as a dead letter.
 */
class KafkaRangeITCase {

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    private static final String TOPIC = "range-readings";
    private static final int METERS = 5;
    private static final int MINUTES = 30;

    @TempDir Path work;

    @Test
    void shouldReplayOnlyTheRecordsAppendedInTheRange() throws Exception {
        KAFKA.createTopic(TOPIC, 2);
        // The simulator's producer stamps each record with its reading's time, so the range is in
        // those times here.
        Instant since = TestReadings.T0.plus(Duration.ofMinutes(45));
        try (KafkaReadingSink kafka =
                KafkaReadingSink.create(KAFKA.bootstrapServers(), TOPIC, "lz4", Map.of())) {
            send(kafka, 0); // before the range
            send(kafka, 60); // in the range, the next hour
            kafka.acceptRaw("garbage", "{\"not\": \"avro\"}".getBytes());
            kafka.flush();
        }

        int exit =
                new CommandLine(new ReplayJob())
                        .execute(
                                "--kafka-topic",
                                TOPIC,
                                "--kafka-since",
                                since.toString(),
                                "--set",
                                "kafka.bootstrap-servers=" + KAFKA.bootstrapServers(),
                                "--set",
                                "reading.interval=PT1M",
                                "--set",
                                "district.default-time-zone=UTC",
                                "--write",
                                "files",
                                "--output",
                                work.toString(),
                                "--quiet");

        assertThat(exit).isZero();
        List<String> summary = Files.readAllLines(work.resolve("summary.txt"));
        int inRange = METERS * MINUTES + 1;
        assertThat(summary.get(0)).startsWith("Replayed " + inRange + " records");
        assertThat(summary)
                .anyMatch(
                        line ->
                                line.matches(
                                        "\\s+accepted into the aggregates\\s+"
                                                + (inRange - 1)
                                                + "\\s*"))
                .anyMatch(line -> line.matches("\\s+UNDECODABLE\\s+1\\s*"));
        List<String> hours =
                Files.readAllLines(work.resolve("meter_aggregates.csv")).stream()
                        .filter(line -> line.contains(",HOUR,"))
                        .toList();
        assertThat(hours)
                .isNotEmpty()
                .allSatisfy(
                        line ->
                                assertThat(Instant.parse(line.split(",")[5]))
                                        .isAfter(
                                                TestReadings.T0.plus(
                                                        Duration.ofHours(
                                                                1)))); // nothing of the first hour,
        // sent before the range
    }

    /** One reading per meter and minute for {@link #MINUTES} minutes after minute {@code from}. */
    private static void send(KafkaReadingSink kafka, int from) {
        for (int minute = from + 1; minute <= from + MINUTES; minute++) {
            for (int meter = 0; meter < METERS; meter++) {
                kafka.accept(
                        TestReadings.reading(
                                "M" + meter,
                                "F1",
                                "D1",
                                TestReadings.T0.plus(Duration.ofMinutes(minute)),
                                10.0 * minute,
                                600.0));
            }
        }
    }
}
