package io.gridpulse.replay.input;

import io.gridpulse.core.io.AvroReadingFormat;
import io.gridpulse.core.io.ReadingTypes;
import io.gridpulse.core.vee.ReadingRules;
import io.gridpulse.core.vee.Rejection;
import io.gridpulse.replay.progress.Counters;
import io.gridpulse.schema.MeterReading;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.flink.connector.file.src.reader.StreamFormat;

/**
 * Avro container files of {@code MeterReading} (what {@code scripts/simulate --output-file}
 * writes), decoded by {@link AvroReadingFormat}: each reading is checked by the same rules as the
 * live job's Kafka decoder. A file that cannot be decoded (from its start, or from a broken block
 * on) ends with one dead letter naming the file and the record where decoding stopped; the replay
 * goes on.
 */
public final class AvroFileFormat extends WholeFileFormat<MeterReading> {

    private static final long serialVersionUID = 1L;

    private final ReadingRules rules;
    private final TimeRange range;

    public AvroFileFormat(List<String> files, ReadingRules rules, TimeRange range) {
        super(files, ReadingTypes.READING, Counters.RECORDS);
        this.rules = rules;
        this.range = range;
    }

    @Override
    Records<MeterReading> open(String file, InputStream in) throws IOException {
        StreamFormat.Reader<MeterReading> readings = AvroReadingFormat.reader(in);
        return new Records<>() {
            private long record;
            private long lastTime;
            private boolean broken;

            @Override
            public FileRecord<MeterReading> next() {
                if (broken) {
                    return null;
                }
                MeterReading reading;
                try {
                    reading = readings.read();
                } catch (IOException | RuntimeException e) {
                    broken = true;
                    return undecodable(file, record + 1, lastTime, e);
                }
                if (reading == null) {
                    return null;
                }
                record++;
                lastTime = reading.getTimestamp().toEpochMilli();
                if (!range.contains(lastTime)) {
                    return FileRecord.counted(Counters.OUTSIDE_RANGE);
                }
                Rejection rejection = rules.check(reading, System.currentTimeMillis());
                return rejection == null
                        ? FileRecord.of(reading)
                        : FileRecord.deadLetter(
                                FileDeadLetters.rejected(
                                        file,
                                        "record",
                                        record,
                                        reading.toString(),
                                        rejection,
                                        reading));
            }
        };
    }

    @Override
    Records<MeterReading> unreadable(String file, Exception e) {
        return Records.of(undecodable(file, 1, 0, e));
    }

    private static FileRecord<MeterReading> undecodable(
            String file, long record, long lastTime, Exception e) {
        return FileRecord.deadLetter(
                FileDeadLetters.malformed(
                        file,
                        "record",
                        record,
                        "",
                        "not readable as Avro MeterReading from here on: " + e.getMessage(),
                        lastTime));
    }
}
