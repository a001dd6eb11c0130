package io.gridpulse.core.io;

import io.gridpulse.core.vee.ReadingRules;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.MeterReading;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.types.Either;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The live job's Kafka sources: its consumer group's committed offsets, committed again on every
 * checkpoint, and bounded at the latest offsets when {@code kafka.bounded} is set.
 */
public final class LiveKafkaSources {

    private LiveKafkaSources() {}

    /**
     * The readings topic, decoded and checked by the reading rules; what fails is dead-lettered.
     */
    public static Source<Either<DeadLetter, MeterReading>, ?, ?> readings(
            KafkaSettings kafka, ReadingRules rules) {
        return records(
                kafka,
                kafka.readingsTopic(),
                new MeterReadingKafkaDeserializer(rules),
                OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST));
    }

    /** Any topic of the live job, read from {@code start} when its group has not committed yet. */
    public static <T> Source<T, ?, ?> records(
            KafkaSettings kafka,
            String topic,
            KafkaRecordDeserializationSchema<T> deserializer,
            OffsetsInitializer start) {
        KafkaSourceBuilder<T> builder = KafkaSource.<T>builder();
        kafka.client().forEach(builder::setProperty);
        builder.setBootstrapServers(kafka.bootstrapServers())
                .setTopics(topic)
                .setGroupId(kafka.groupId())
                .setStartingOffsets(start)
                .setDeserializer(deserializer)
                .setProperty("commit.offsets.on.checkpoint", "true");
        if (kafka.bounded()) {
            builder.setBounded(OffsetsInitializer.latest());
            return new RestorableBoundedKafkaSource<>(builder.build());
        }
        return builder.build();
    }
}
