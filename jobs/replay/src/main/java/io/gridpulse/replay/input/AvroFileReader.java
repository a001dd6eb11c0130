package io.gridpulse.replay.input;

import io.gridpulse.core.vee.ReadingRules;
import io.gridpulse.core.vee.Rejection;
import io.gridpulse.replay.progress.Counters;
import io.gridpulse.replay.progress.Tally;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.MeterReading;
import java.io.InputStream;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

/**
 * Reads Avro container files of {@code MeterReading} (what {@code scripts/simulate --output-file}
 * writes): each reading is checked by the same rules as the live job's Kafka decoder. A file whose
 * blocks cannot be decoded ends with one dead letter naming the file and the record where decoding
 * stopped; the replay goes on.
 */
public final class AvroFileReader
        extends RichFlatMapFunction<String, Either<DeadLetter, MeterReading>> {

    private static final long serialVersionUID = 1L;

    private final ReadingRules rules;
    private final TimeRange range;
    private transient Tally.Accumulators counters;

    public AvroFileReader(ReadingRules rules, TimeRange range) {
        this.rules = rules;
        this.range = range;
    }

    @Override
    public void open(OpenContext openContext) {
        counters = new Tally.Accumulators(getRuntimeContext());
    }

    @Override
    public void flatMap(String file, Collector<Either<DeadLetter, MeterReading>> out)
            throws Exception {
        long record = 0;
        long lastTime = 0;
        try (InputStream in = InputFile.open(file, counters.get(Counters.BYTES));
                DataFileStream<MeterReading> readings =
                        new DataFileStream<>(in, new SpecificDatumReader<>(MeterReading.class))) {
            while (readings.hasNext()) {
                MeterReading reading = readings.next();
                record++;
                lastTime = reading.getTimestamp().toEpochMilli();
                counters.add(Counters.RECORDS, 1);
                if (!range.contains(reading.getTimestamp().toEpochMilli())) {
                    counters.add(Counters.OUTSIDE_RANGE, 1);
                    continue;
                }
                Rejection rejection = rules.check(reading, System.currentTimeMillis());
                out.collect(
                        rejection == null
                                ? Either.Right(reading)
                                : Either.Left(
                                        FileDeadLetters.rejected(
                                                file,
                                                "record",
                                                record,
                                                reading.toString(),
                                                rejection,
                                                reading)));
            }
        } catch (RuntimeException | java.io.IOException e) {
            counters.add(Counters.RECORDS, 1);
            out.collect(
                    Either.Left(
                            FileDeadLetters.malformed(
                                    file,
                                    "record",
                                    record + 1,
                                    "",
                                    "not readable as Avro MeterReading from here on: "
                                            + e.getMessage(),
                                    lastTime)));
        }
    }
}
