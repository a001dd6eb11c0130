package io.gridpulse.core.io;

import io.gridpulse.core.vee.ReadingRules;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.MeterReading;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.types.Either;

/** Bounded sources of historic readings for replay jobs. */
public final class ReplaySources {

    private ReplaySources() {}

    /** Avro container files of MeterReading; each file is read by one source subtask. */
    public static FileSource<MeterReading> avroFiles(List<Path> files) {
        return FileSource.forRecordStreamFormat(new AvroReadingFormat(), paths(files)).build();
    }

    /**
     * The same files as the live job's Kafka source gives readings: checked by {@code rules}, a
     * reading that breaks one a dead letter.
     */
    public static FileSource<Either<DeadLetter, MeterReading>> checkedAvroFiles(
            List<Path> files, ReadingRules rules) {
        return FileSource.forRecordStreamFormat(new CheckedAvroReadingFormat(rules), paths(files))
                .build();
    }

    private static org.apache.flink.core.fs.Path[] paths(List<Path> files) {
        return files.stream()
                .map(file -> new org.apache.flink.core.fs.Path(file.toAbsolutePath().toUri()))
                .toArray(org.apache.flink.core.fs.Path[]::new);
    }
}
