package io.gridpulse.core.io;

import io.gridpulse.schema.MeterReading;
import java.io.IOException;
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
        DataFileStream<MeterReading> file =
                new DataFileStream<>(stream, new SpecificDatumReader<>(MeterReading.class));
        return new StreamFormat.Reader<>() {
            @Override
            public MeterReading read() {
                return file.hasNext() ? file.next() : null;
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        };
    }

    @Override
    public TypeInformation<MeterReading> getProducedType() {
        return ReadingTypes.READING;
    }
}
