package io.gridpulse.bench;

import io.gridpulse.schema.MeterReading;
import io.gridpulse.schema.SchemaHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * This machine's ceiling for the live path: plain Kafka consumers, one thread per partition,
 * reading every reading and decoding it with Avro, doing nothing else.
 */
final class KafkaCeiling {

    private KafkaCeiling() {}

    /** Readings per second consuming and decoding the whole topic. */
    static double measure(String bootstrap, String topic, long expected) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(BenchData.PARTITIONS);
        try {
            long start = System.nanoTime();
            List<Future<Long>> counts = new ArrayList<>();
            for (int p = 0; p < BenchData.PARTITIONS; p++) {
                TopicPartition partition = new TopicPartition(topic, p);
                counts.add(threads.submit(() -> consumeAndDecode(bootstrap, partition)));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (total != expected) {
                throw new IllegalStateException(
                        "ceiling read " + total + " readings, expected " + expected);
            }
            return total / seconds;
        } finally {
            threads.shutdownNow();
        }
    }

    private static long consumeAndDecode(String bootstrap, TopicPartition partition)
            throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024));
        props.put(
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                Integer.toString(16 * 1024 * 1024));
        BinaryMessageDecoder<MeterReading> decoder =
                MeterReading.createDecoder(SchemaHistory.store());
        long count = 0;
        double checksum = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            MeterReading reuse = null;
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    reuse = decoder.decode(record.value(), reuse);
                    checksum += reuse.getAveragePowerW();
                    count++;
                }
            }
        }
        if (Double.isNaN(checksum)) {
            throw new IllegalStateException(
                    "unreachable: keeps the decode from being optimised away");
        }
        return count;
    }
}
