package io.gridpulse.bench;

import io.gridpulse.core.io.AvroSingleObjectSerializer;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.simulator.ReadingSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Appends readings encoded beforehand ({@link Prepared}: the simulation and the Avro encoding do
 * not compete with the job for CPU during the measurement) to Kafka, keyed by meter as production
 * does, at a fixed rate, and remembers per partition and simulated time step when the step's
 * <em>first</em> reading in that partition was appended: that reading is the one that moves the
 * partition's watermark to the step's time.
 *
 * <p>Two clocks are kept, each compared only with itself later: the broker's append time (the
 * record's timestamp in a topic with {@code message.timestamp.type=LogAppendTime}, returned with
 * the acknowledgement) and this JVM's {@code System.nanoTime} when the acknowledgement arrived.
 */
final class PacedProducer implements AutoCloseable {

    /** Simulated readings, encoded as the production producers encode them, in simulation order. */
    static final class Prepared implements ReadingSink {
        private final AvroSingleObjectSerializer<MeterReading> serializer =
                new AvroSingleObjectSerializer<>(MeterReading.class);
        private final List<String> keys = new ArrayList<>();
        private final List<byte[]> values = new ArrayList<>();
        private long[] timestamps = new long[1024];

        @Override
        public void accept(MeterReading reading) {
            if (keys.size() == timestamps.length) {
                timestamps = Arrays.copyOf(timestamps, timestamps.length * 2);
            }
            timestamps[keys.size()] = reading.getTimestamp().toEpochMilli();
            keys.add(reading.getMeterId());
            values.add(serializer.serialize(reading));
        }

        int size() {
            return keys.size();
        }
    }

    /** When the first reading of a step was appended to one partition. */
    record Appended(long brokerMillis, long ackNanos) {}

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final double readingsPerSecond;

    /**
     * Per partition: step timestamp -> its first reading's append. Written by the producer's I/O
     * thread.
     */
    private final Map<Integer, NavigableMap<Long, Appended>> firstAppended =
            new ConcurrentHashMap<>();

    /**
     * Per partition: the latest step seen in an acknowledgement (callbacks of a partition come in
     * send order).
     */
    private final Map<Integer, long[]> latestStep = new ConcurrentHashMap<>();

    private final AtomicLong failed = new AtomicLong();
    private long startNanos;
    private long endNanos;
    private long sent;

    PacedProducer(String bootstrap, String topic, double readingsPerSecond) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.readingsPerSecond = readingsPerSecond;
    }

    /** Appends every prepared reading, paced, and waits until all are acknowledged. */
    void append(Prepared readings) {
        startNanos = System.nanoTime();
        for (int i = 0; i < readings.size(); i++) {
            send(readings.timestamps[i], readings.keys.get(i), readings.values.get(i));
        }
        endNanos = System.nanoTime();
        producer.flush();
    }

    private void send(long step, String key, byte[] value) {
        producer.send(
                new ProducerRecord<>(topic, null, step, key, value),
                (metadata, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                        return;
                    }
                    long[] latest =
                            latestStep.computeIfAbsent(
                                    metadata.partition(), p -> new long[] {Long.MIN_VALUE});
                    if (step > latest[0]) {
                        latest[0] = step;
                        firstAppended
                                .computeIfAbsent(
                                        metadata.partition(), p -> new ConcurrentSkipListMap<>())
                                .put(step, new Appended(metadata.timestamp(), System.nanoTime()));
                    }
                });
        if (++sent % 500 == 0) {
            pace();
        }
    }

    private void pace() {
        long due = startNanos + (long) (sent / readingsPerSecond * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Per partition: step timestamp -> when that step's first reading in the partition was
     * appended.
     */
    Map<Integer, NavigableMap<Long, Appended>> firstAppended() {
        return firstAppended;
    }

    long sent() {
        return sent;
    }

    long failed() {
        return failed.get();
    }

    /** Wall seconds from the first send to the last. */
    double seconds() {
        return (endNanos - startNanos) / 1e9;
    }

    /** Readings per second actually offered, from the first send to the last. */
    double offeredRate() {
        return sent / ((endNanos - startNanos) / 1e9);
    }

    @Override
    public void close() {
        producer.close();
    }
}
