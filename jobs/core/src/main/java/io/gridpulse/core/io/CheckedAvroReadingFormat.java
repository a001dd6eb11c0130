package io.gridpulse.core.io;

import io.gridpulse.core.vee.ReadingRules;
import io.gridpulse.core.vee.Rejection;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.MeterReading;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.types.Either;

/**
 * Avro container files of readings as the live job's Kafka source gives them: each reading checked
 * by the reading rules, a reading that breaks one a dead letter with its reason. So a run over
 * files (the anomaly evaluation) goes through the same front end as production.
 */
public final class CheckedAvroReadingFormat
        extends SimpleStreamFormat<Either<DeadLetter, MeterReading>> {

    private static final long serialVersionUID = 1L;

    private final ReadingRules rules;

    public CheckedAvroReadingFormat(ReadingRules rules) {
        this.rules = rules;
    }

    @Override
    public StreamFormat.Reader<Either<DeadLetter, MeterReading>> createReader(
            Configuration config, FSDataInputStream stream) throws IOException {
        StreamFormat.Reader<MeterReading> readings = AvroReadingFormat.reader(stream);
        return new StreamFormat.Reader<>() {
            @Override
            public Either<DeadLetter, MeterReading> read() throws IOException {
                MeterReading reading = readings.read();
                if (reading == null) {
                    return null;
                }
                Rejection rejection = rules.check(reading, System.currentTimeMillis());
                if (rejection == null) {
                    return Either.Right(reading);
                }
                return Either.Left(
                        DeadLetters.of(
                                rejection.reason(),
                                rejection.message(),
                                null,
                                reading,
                                DeadLetters.UNKNOWN_TOPIC,
                                DeadLetters.UNKNOWN_PARTITION,
                                DeadLetters.UNKNOWN_OFFSET,
                                reading.getTimestamp().toEpochMilli()));
            }

            @Override
            public void close() throws IOException {
                readings.close();
            }
        };
    }

    @Override
    public TypeInformation<Either<DeadLetter, MeterReading>> getProducedType() {
        return ReadingTypes.DECODED;
    }
}
