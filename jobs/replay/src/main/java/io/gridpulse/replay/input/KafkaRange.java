package io.gridpulse.replay.input;

import io.gridpulse.core.io.KafkaClientSettings;
import io.gridpulse.core.io.MeterReadingKafkaDeserializer;
import io.gridpulse.core.vee.ReadingRules;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.MeterReading;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.types.Either;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A topic's records between two Kafka timestamps (what the producer stamped them with, or the
 * broker's append time on a topic with {@code message.timestamp.type=LogAppendTime}; GridPulse's
 * simulator stamps each record with its reading's time), decoded and checked like the live job
 * does, under a group id of its own that commits nothing: a replay never moves the live job's
 * offsets.
 */
public record KafkaRange(
        String bootstrapServers,
        Map<String, String> client,
        String topic,
        Instant since,
        Instant until) {

    public KafkaSource<Either<DeadLetter, MeterReading>> source(ReadingRules rules) {
        KafkaSourceBuilder<Either<DeadLetter, MeterReading>> builder = KafkaSource.builder();
        client.forEach(builder::setProperty);
        return builder.setBootstrapServers(bootstrapServers)
                .setTopics(topic)
                .setGroupId("gridpulse-replay-" + UUID.randomUUID())
                .setStartingOffsets(
                        since == null
                                ? OffsetsInitializer.earliest()
                                : OffsetsInitializer.timestamp(millis(since)))
                .setBounded(
                        until == null
                                ? OffsetsInitializer.latest()
                                : OffsetsInitializer.timestamp(millis(until)))
                .setDeserializer(new MeterReadingKafkaDeserializer(rules))
                .setProperty("commit.offsets.on.checkpoint", "false")
                .build();
    }

    private static long millis(Instant time) {
        return time.toEpochMilli();
    }

    /**
     * How many records the range holds, for the progress line: the offsets between its two ends,
     * per partition.
     */
    public long recordCount() {
        Properties props = KafkaClientSettings.clientProperties(bootstrapServers, client);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            Map<TopicPartition, Long> end =
                    offsets(consumer, partitions, until, consumer.endOffsets(partitions));
            Map<TopicPartition, Long> start =
                    offsets(consumer, partitions, since, consumer.beginningOffsets(partitions));
            return partitions.stream().mapToLong(p -> Math.max(0, end.get(p) - start.get(p))).sum();
        }
    }

    /**
     * The first offset at or after {@code time} per partition ({@code otherwise} where there is
     * none, or no time).
     */
    private static Map<TopicPartition, Long> offsets(
            KafkaConsumer<byte[], byte[]> consumer,
            List<TopicPartition> partitions,
            Instant time,
            Map<TopicPartition, Long> otherwise) {
        if (time == null) {
            return otherwise;
        }
        Map<TopicPartition, OffsetAndTimestamp> found =
                consumer.offsetsForTimes(
                        partitions.stream()
                                .collect(
                                        Collectors.toMap(
                                                Function.identity(), p -> time.toEpochMilli())));
        return partitions.stream()
                .collect(
                        Collectors.toMap(
                                Function.identity(),
                                p -> {
                                    OffsetAndTimestamp at = found.get(p);
                                    return at == null
                                            ? consumer.endOffsets(List.of(p)).get(p)
                                            : at.offset();
                                }));
    }
}
