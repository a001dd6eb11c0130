package io.gridpulse.core.io;

import io.gridpulse.core.vee.ReadingRules;
import io.gridpulse.core.vee.Rejection;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.schema.SchemaHistory;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes Kafka values into readings and never throws: a value that is not a reading becomes a
 * {@link DeadLetter} carrying the raw bytes, the reason and the record's coordinates, so one bad
 * producer cannot stop the job.
 *
 * <p>Decoding happens in the source (not in a later operator) so that watermarks are generated per
 * Kafka partition. The same goes for the checks a reading must pass on its own ({@link
 * ReadingRules}): a reading with a broken clock must not reach the watermark generator, and here
 * its dead letter still knows its partition and offset.
 */
public final class MeterReadingKafkaDeserializer
        implements KafkaRecordDeserializationSchema<Either<DeadLetter, MeterReading>> {

    private static final long serialVersionUID = 1L;

    private final ReadingRules rules;
    private transient CurrentSchemaReadingDecoder currentSchema;
    private transient BinaryMessageDecoder<MeterReading> decoder;

    public MeterReadingKafkaDeserializer(ReadingRules rules) {
        this.rules = rules;
    }

    /** With the default thresholds of {@link ReadingRules}. */
    public MeterReadingKafkaDeserializer() {
        this(ReadingRules.defaults());
    }

    @Override
    public void deserialize(
            ConsumerRecord<byte[], byte[]> record,
            Collector<Either<DeadLetter, MeterReading>> out) {
        out.collect(
                decode(
                        record.value(),
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        record.timestamp()));
    }

    /** Decodes one value; the coordinates only label a dead letter. */
    public Either<DeadLetter, MeterReading> decode(
            byte[] value, String topic, int partition, long offset, long kafkaTimestamp) {
        if (value == null) {
            return Either.Left(
                    DeadLetters.of(
                            DeadLetterReason.UNDECODABLE,
                            "record has no value (tombstone)",
                            null,
                            topic,
                            partition,
                            offset,
                            kafkaTimestamp));
        }
        MeterReading reading;
        try {
            reading =
                    currentSchema().canDecode(value)
                            ? currentSchema.decode(value)
                            : decoder().decode(value);
        } catch (MissingSchemaException e) {
            return Either.Left(
                    DeadLetters.of(
                            DeadLetterReason.UNKNOWN_SCHEMA,
                            "writer schema is not a released MeterReading version: "
                                    + e.getMessage(),
                            value,
                            topic,
                            partition,
                            offset,
                            kafkaTimestamp));
        } catch (BadHeaderException e) {
            return Either.Left(
                    DeadLetters.of(
                            DeadLetterReason.UNDECODABLE,
                            "not Avro single-object encoding: " + e.getMessage(),
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
                            "corrupt MeterReading payload (" + value.length + " bytes): " + e,
                            value,
                            topic,
                            partition,
                            offset,
                            kafkaTimestamp));
        }
        Rejection rejection = rules.check(reading, System.currentTimeMillis());
        if (rejection != null) {
            return Either.Left(
                    DeadLetters.of(
                            rejection.reason(),
                            rejection.message(),
                            value,
                            reading,
                            topic,
                            partition,
                            offset,
                            kafkaTimestamp));
        }
        return Either.Right(reading);
    }

    private CurrentSchemaReadingDecoder currentSchema() {
        if (currentSchema == null) {
            currentSchema = new CurrentSchemaReadingDecoder();
        }
        return currentSchema;
    }

    /**
     * Avro's decoder, for older writer schemas and anything that is not a current-schema reading.
     */
    private BinaryMessageDecoder<MeterReading> decoder() {
        if (decoder == null) {
            decoder = MeterReading.createDecoder(SchemaHistory.store());
        }
        return decoder;
    }

    @Override
    public TypeInformation<Either<DeadLetter, MeterReading>> getProducedType() {
        return ReadingTypes.DECODED;
    }
}
