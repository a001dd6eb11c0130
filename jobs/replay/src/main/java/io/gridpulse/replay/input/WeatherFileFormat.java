package io.gridpulse.replay.input;

import io.gridpulse.replay.csv.CsvLineException;
import io.gridpulse.replay.csv.WeatherMapping;
import io.gridpulse.replay.csv.WeatherRow;
import io.gridpulse.replay.csv.WeatherRowParser;
import io.gridpulse.replay.progress.Counters;
import io.gridpulse.schema.WeatherObservation;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

/**
 * Weather CSV files read under their mapping into observations in degrees Celsius; bad lines become
 * dead letters naming the file and line.
 */
public final class WeatherFileFormat extends WholeFileFormat<WeatherObservation> {

    private static final long serialVersionUID = 1L;

    private final WeatherMapping mapping;
    private final TimeRange range;

    public WeatherFileFormat(List<String> files, WeatherMapping mapping, TimeRange range) {
        super(files, new AvroTypeInfo<>(WeatherObservation.class), Counters.WEATHER_RECORDS);
        this.mapping = mapping;
        this.range = range;
    }

    @Override
    Records<WeatherObservation> open(String file, InputStream in) throws IOException {
        CsvLines lines = CsvLines.open(in, mapping.layout());
        WeatherRowParser parser = mapping.parser(lines.header());
        return new Records<>() {
            private long lastTime;

            @Override
            public FileRecord<WeatherObservation> next() throws IOException {
                String line = lines.next();
                if (line == null) {
                    return null;
                }
                WeatherRow row;
                try {
                    row = parser.parse(line);
                } catch (CsvLineException e) {
                    return FileRecord.deadLetter(
                            FileDeadLetters.malformed(
                                    file, "line", lines.number(), line, e.getMessage(), lastTime));
                }
                lastTime = row.timeMillis();
                if (row.missing()) {
                    return FileRecord.counted(Counters.WEATHER_MISSING);
                }
                if (!range.contains(row.timeMillis())) {
                    return FileRecord.counted(Counters.WEATHER_OUTSIDE_RANGE);
                }
                return FileRecord.of(
                        WeatherObservation.newBuilder()
                                .setDistrictId(row.districtId())
                                .setTime(Instant.ofEpochMilli(row.timeMillis()))
                                .setTemperatureC(row.temperatureC())
                                .build(),
                        Counters.WEATHER);
            }
        };
    }
}
