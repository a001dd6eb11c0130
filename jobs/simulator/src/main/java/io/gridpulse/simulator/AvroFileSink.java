package io.gridpulse.simulator;

import io.gridpulse.schema.MeterReading;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Writes readings to an Avro object container file (schema in the header, compressed blocks), the
 * format the replay jobs and any Avro tool read directly.
 */
public final class AvroFileSink implements ReadingSink {

    /**
     * Snappy: several times faster than deflate for a modest size cost; kafka-clients already
     * brings snappy-java.
     */
    public static final String DEFAULT_CODEC = "snappy";

    private final DataFileWriter<MeterReading> writer;

    public AvroFileSink(Path file) {
        this(file, DEFAULT_CODEC);
    }

    /**
     * @param codec an Avro codec name: {@code null}, {@code deflate}, {@code snappy}, {@code
     *     zstandard}, ...
     */
    public AvroFileSink(Path file, String codec) {
        CodecFactory codecFactory = CodecFactory.fromString(codec);
        DataFileWriter<MeterReading> w =
                new DataFileWriter<>(new SpecificDatumWriter<>(MeterReading.class));
        w.setCodec(codecFactory);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
            this.writer = w.create(MeterReading.getClassSchema(), file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Avro file " + file, e);
        }
    }

    @Override
    public void accept(MeterReading reading) {
        try {
            writer.append(reading);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to Avro file", e);
        }
    }

    @Override
    public void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush Avro file", e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close Avro file", e);
        }
    }
}
