package io.gridpulse.core.io;

import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import java.util.function.Supplier;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes Kafka values holding one Avro single-object encoded record of a contract type (weather
 * observations, baseline models); a value that does not decode becomes a dead letter with the
 * reason and its bytes, as a reading would, so a bad record is kept and counted instead of failing
 * the job.
 */
public final class AvroRecordKafkaDeserializer<T extends SpecificRecordBase>
        implements KafkaRecordDeserializationSchema<Either<DeadLetter, T>> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final SerializableDecoder<T> decoderFactory;
    private transient BinaryMessageDecoder<T> decoder;

    /** A factory of the generated class's decoder, e.g. {@code WeatherObservation::getDecoder}. */
    public interface SerializableDecoder<T>
            extends Supplier<BinaryMessageDecoder<T>>, java.io.Serializable {}

    public AvroRecordKafkaDeserializer(Class<T> type, SerializableDecoder<T> decoderFactory) {
        this.type = type;
        this.decoderFactory = decoderFactory;
    }

    @Override
    public void deserialize(
            ConsumerRecord<byte[], byte[]> record, Collector<Either<DeadLetter, T>> out) {
        out.collect(
                decode(
                        record.value(),
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        record.timestamp()));
    }

    Either<DeadLetter, T> decode(
            byte[] value, String topic, int partition, long offset, long kafkaTimestamp) {
        String name = type.getSimpleName();
        if (value == null) {
            return Either.Left(
                    DeadLetters.of(
                            DeadLetterReason.UNDECODABLE,
                            name + " record has no value (tombstone)",
                            null,
                            topic,
                            partition,
                            offset,
                            kafkaTimestamp));
        }
        if (decoder == null) {
            decoder = decoderFactory.get();
        }
        try {
            return Either.Right(decoder.decode(value));
        } catch (MissingSchemaException e) {
            return Either.Left(
                    DeadLetters.of(
                            DeadLetterReason.UNKNOWN_SCHEMA,
                            "writer schema is not a known " + name + " version: " + e.getMessage(),
                            value,
                            topic,
                            partition,
                            offset,
                            kafkaTimestamp));
        } catch (BadHeaderException e) {
            return Either.Left(
                    DeadLetters.of(
                            DeadLetterReason.UNDECODABLE,
                            "not Avro single-object encoding of a " + name + ": " + e.getMessage(),
                            value,
                            topic,
                            partition,
                            offset,
                            kafkaTimestamp));
        } catch (java.io.IOException
                | AvroRuntimeException
                | IndexOutOfBoundsException
                | ClassCastException e) {
            return Either.Left(
                    DeadLetters.of(
                            DeadLetterReason.UNDECODABLE,
                            "corrupt " + name + " payload (" + value.length + " bytes): " + e,
                            value,
                            topic,
                            partition,
                            offset,
                            kafkaTimestamp));
        }
    }

    @Override
    public TypeInformation<Either<DeadLetter, T>> getProducedType() {
        return Types.EITHER(ReadingTypes.DEAD_LETTER, new AvroTypeInfo<>(type));
    }
}
