package io.gridpulse.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;

/**
 * Writes a generated Avro record in Avro's single-object encoding: a header with the writer
 * schema's fingerprint, then the binary body. Readers find the writer schema by fingerprint in
 * {@link io.gridpulse.schema.SchemaHistory}.
 */
public final class AvroSingleObjectSerializer<T extends SpecificRecord>
        implements SerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> recordClass;
    private transient BinaryMessageEncoder<T> encoder;

    public AvroSingleObjectSerializer(Class<T> recordClass) {
        this.recordClass = recordClass;
    }

    @Override
    public byte[] serialize(T record) {
        if (encoder == null) {
            Schema schema = SpecificData.get().getSchema(recordClass);
            encoder = new BinaryMessageEncoder<>(SpecificData.getForClass(recordClass), schema);
        }
        try {
            return encoder.encode(record).array();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode " + recordClass.getSimpleName(), e);
        }
    }
}
