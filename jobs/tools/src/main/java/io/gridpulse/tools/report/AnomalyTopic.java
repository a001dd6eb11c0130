package io.gridpulse.tools.report;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyState;
import java.io.IOException;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.util.ParameterTool;

/**
 * Prints the anomaly topic for an operator, one line per event (OPEN, then RESOLVED), from the
 * first offset to the end as it is now, in the order the events were decided: start time, state,
 * type, severity, subject, score, message.
 *
 * <p>Usage: {@code AnomalyTopic [--kafka-bootstrap 127.0.0.1:9092] [--topic anomalies] [--zone
 * Europe/Helsinki] [--last N]}
 */
public final class AnomalyTopic {

    private AnomalyTopic() {}

    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        String topic = params.get("topic", "anomalies");
        List<Anomaly> events = readAll(params.get("kafka-bootstrap", "127.0.0.1:9092"), topic);
        int last = params.getInt("last", Integer.MAX_VALUE);
        ZoneId zone = ZoneId.of(params.get("zone", "Europe/Helsinki"));
        System.out.printf(
                "%d anomaly events in topic %s (times in %s)%n", events.size(), topic, zone);
        print(System.out, events.subList(Math.max(0, events.size() - last), events.size()), zone);
    }

    /**
     * Every event in the topic, ordered by when it was decided (partitions interleave otherwise).
     */
    public static List<Anomaly> readAll(String bootstrapServers, String topic) throws IOException {
        return TopicReader.readAll(
                        bootstrapServers,
                        topic,
                        record -> Anomaly.getDecoder().decode(record.value()))
                .stream()
                .sorted(
                        Comparator.comparing(Anomaly::getDetectedAt)
                                .thenComparing(Anomaly::getState))
                .toList();
    }

    static void print(PrintStream out, List<Anomaly> events, ZoneId zone) {
        events.forEach(event -> out.println(line(event, zone)));
    }

    /**
     * One event: start, state, type, severity, meter (or feeder), score, then the end if resolved
     * and the message.
     */
    static String line(Anomaly event, ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        String subject =
                event.getMeterId() != null ? event.getMeterId() : "feeder " + event.getFeederId();
        String until =
                event.getState() == AnomalyState.RESOLVED && event.getEnd() != null
                        ? "until " + time.format(event.getEnd()) + ": "
                        : "";
        return String.format(
                "%s  %-8s  %-16s  %-8s  %-16s %8.2f  %s%s",
                time.format(event.getStart()),
                event.getState(),
                event.getType(),
                event.getSeverity(),
                subject,
                event.getScore(),
                until,
                event.getMessage());
    }
}
