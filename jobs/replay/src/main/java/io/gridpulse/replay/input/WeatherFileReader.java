package io.gridpulse.replay.input;

import io.gridpulse.replay.csv.CsvLineException;
import io.gridpulse.replay.csv.WeatherMapping;
import io.gridpulse.replay.csv.WeatherRow;
import io.gridpulse.replay.csv.WeatherRowParser;
import io.gridpulse.replay.progress.Counters;
import io.gridpulse.replay.progress.Tally;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.WeatherObservation;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

/**
 * Reads one weather CSV file per call into observations in degrees Celsius; bad lines become dead
 * letters.
 */
public final class WeatherFileReader
        extends RichFlatMapFunction<String, Either<DeadLetter, WeatherObservation>> {

    private static final long serialVersionUID = 1L;

    private final WeatherMapping mapping;
    private final TimeRange range;
    private transient Tally.Accumulators counters;

    public WeatherFileReader(WeatherMapping mapping, TimeRange range) {
        this.mapping = mapping;
        this.range = range;
    }

    @Override
    public void open(OpenContext openContext) {
        counters = new Tally.Accumulators(getRuntimeContext());
    }

    @Override
    public void flatMap(String file, Collector<Either<DeadLetter, WeatherObservation>> out)
            throws Exception {
        try (CsvLines lines = CsvLines.open(file, mapping.layout(), counters.get(Counters.BYTES))) {
            WeatherRowParser parser = mapping.parser(lines.header());
            long lastTime = 0;
            for (String line = lines.next(); line != null; line = lines.next()) {
                counters.add(Counters.WEATHER_RECORDS, 1);
                WeatherRow row;
                try {
                    row = parser.parse(line);
                } catch (CsvLineException e) {
                    out.collect(
                            Either.Left(
                                    FileDeadLetters.malformed(
                                            file,
                                            "line",
                                            lines.number(),
                                            line,
                                            e.getMessage(),
                                            lastTime)));
                    continue;
                }
                lastTime = row.timeMillis();
                if (row.missing()) {
                    counters.add(Counters.WEATHER_MISSING, 1);
                } else if (!range.contains(row.timeMillis())) {
                    counters.add(Counters.WEATHER_OUTSIDE_RANGE, 1);
                } else {
                    counters.add(Counters.WEATHER, 1);
                    out.collect(
                            Either.Right(
                                    WeatherObservation.newBuilder()
                                            .setDistrictId(row.districtId())
                                            .setTime(Instant.ofEpochMilli(row.timeMillis()))
                                            .setTemperatureC(row.temperatureC())
                                            .build()));
                }
            }
        }
    }
}
