package io.gridpulse.replay;

import io.gridpulse.replay.csv.ReadingMapping;
import io.gridpulse.replay.csv.WeatherMapping;
import io.gridpulse.replay.input.KafkaRange;
import io.gridpulse.replay.input.TimeRange;
import java.util.List;

/**
 * What a replay reads: any mix of Avro files, CSV files (with their mapping), a Kafka time range,
 * and weather CSV files, limited to a time range. Files are paths on a Flink file system (local
 * paths for local runs).
 */
public record ReplayInputs(
        List<String> avroFiles,
        List<String> csvFiles,
        ReadingMapping csvMapping,
        KafkaRange kafka,
        List<String> weatherFiles,
        WeatherMapping weatherMapping,
        TimeRange range) {

    public List<String> allFiles() {
        return java.util.stream.Stream.of(avroFiles, csvFiles, weatherFiles)
                .flatMap(List::stream)
                .toList();
    }

    public boolean hasReadings() {
        return !avroFiles.isEmpty() || !csvFiles.isEmpty() || kafka != null;
    }
}
