package io.gridpulse.core.io;

import io.gridpulse.schema.MeterReading;
import java.io.IOException;
import java.io.InputStream;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads Avro container files of {@link MeterReading} (as the simulator writes them) for Flink's
 * {@code FileSource}. The writer schema comes from the file's header, so files written with any
 * released schema version are read into the current one. Files are read whole (not split); give
 * several files to read in parallel.
 */
public final class AvroReadingFormat extends SimpleStreamFormat<MeterReading> {

    private static final long serialVersionUID = 1L;

    @Override
    public StreamFormat.Reader<MeterReading> createReader(
            Configuration config, FSDataInputStream stream) throws IOException {
        return reader(stream);
    }

    /**
     * The readings of one container file, for a format of its own over the file's (decompressed)
     * content: the replay's, which names the file in dead letters. Reads the file's header now.
     */
    public static StreamFormat.Reader<MeterReading> reader(InputStream file) throws IOException {
        DataFileStream<MeterReading> readings =
                new DataFileStream<>(file, new SpecificDatumReader<>(MeterReading.class));
        return new StreamFormat.Reader<>() {
            @Override
            public MeterReading read() {
                return readings.hasNext() ? readings.next() : null;
            }

            @Override
            public void close() throws IOException {
                readings.close();
            }
        };
    }

    @Override
    public TypeInformation<MeterReading> getProducedType() {
        return ReadingTypes.READING;
    }
}
