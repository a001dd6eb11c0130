package io.gridpulse.core.io;

import io.gridpulse.schema.MeterReading;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.connector.file.src.FileSource;

/** Bounded sources of historic readings for replay jobs. */
public final class ReplaySources {

    private ReplaySources() {}

    /** Avro container files of MeterReading; each file is read by one source subtask. */
    public static FileSource<MeterReading> avroFiles(List<Path> files) {
        org.apache.flink.core.fs.Path[] paths =
                files.stream()
                        .map(
                                file ->
                                        new org.apache.flink.core.fs.Path(
                                                file.toAbsolutePath().toUri()))
                        .toArray(org.apache.flink.core.fs.Path[]::new);
        return FileSource.forRecordStreamFormat(new AvroReadingFormat(), paths).build();
    }
}
