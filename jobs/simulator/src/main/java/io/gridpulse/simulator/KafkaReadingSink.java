package io.gridpulse.simulator;

import io.gridpulse.schema.MeterReading;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces readings to a Kafka topic: key = meter id (so one meter's readings stay in order on one
 * partition), value = Avro single-object encoding (2-byte marker, 8-byte schema fingerprint, binary
 * body) as written by {@link MeterReading#getEncoder()}, record timestamp = reading timestamp
 * (event time travels with the record).
 *
 * <p>Two exceptions to the record timestamp, both for records the fault injector adds: a reading
 * stamped ahead of the producer's clock is sent with the clock's time instead (Kafka 4 brokers
 * reject records more than {@code log.message.timestamp.after.max.ms}, 1 h by default, in the
 * future, and that would stop the run; the job reads event time from the payload anyway), and a raw
 * record ({@link #acceptRaw}) carries the timestamp of the record sent just before it, i.e. the
 * simulation step it was injected in.
 *
 * <p>Sends are asynchronous. The first failed send is remembered and rethrown by the next {@link
 * #accept} or by {@link #flush}/{@link #close}, so a broken broker stops the run instead of
 * silently losing readings.
 */
public final class KafkaReadingSink implements ReadingSink {

    public static final String DEFAULT_TOPIC = "meter-readings";

    /**
     * lz4: cheap on the producer's CPU, and readings compress well (repeated ids, slowly moving
     * numbers).
     */
    public static final String DEFAULT_COMPRESSION = "lz4";

    private static final BinaryMessageEncoder<MeterReading> ENCODER = MeterReading.getEncoder();

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicLong acknowledged = new AtomicLong();
    // One callback instance for all sends: a capturing lambda per record would be an allocation per
    // reading.
    private final Callback callback = this::onCompletion;
    // The latest producer clock read. Readings stamped at or before it need no clock read, which
    // keeps the hot path
    // of a historic run (every reading in the past) free of clock calls.
    private long clockMillis = Long.MIN_VALUE;
    // Timestamp of the last record sent; null before the first (the producer then stamps a raw
    // record itself).
    private Long lastTimestamp;

    /**
     * Wraps a producer the caller built (e.g. Kafka's {@code MockProducer} in tests); the sink
     * closes it.
     */
    public KafkaReadingSink(Producer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /**
     * A throughput-tuned producer to {@code bootstrapServers}; {@code extra} overrides or adds
     * producer settings.
     */
    public static KafkaReadingSink create(
            String bootstrapServers, String topic, String compression, Map<String, String> extra) {
        Properties props = producerProperties(bootstrapServers, compression);
        props.putAll(extra);
        return new KafkaReadingSink(
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer()),
                topic);
    }

    /**
     * The producer settings: batches large enough to amortise requests, acks from all in-sync
     * replicas.
     */
    static Properties producerProperties(String bootstrapServers, String compression) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                "true"); // retries never duplicate or reorder
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "gridpulse-simulator");
        return props;
    }

    @Override
    public void accept(MeterReading reading) {
        throwIfFailed();
        lastTimestamp = recordTimestamp(reading.getTimestamp().toEpochMilli());
        producer.send(
                new ProducerRecord<>(
                        topic, null, lastTimestamp, reading.getMeterId(), encode(reading)),
                callback);
    }

    @Override
    public boolean acceptsRaw() {
        return true;
    }

    /**
     * Sends the bytes as they are, under the key, stamped like the record before it (see the class
     * comment).
     */
    @Override
    public void acceptRaw(String key, byte[] value) {
        throwIfFailed();
        producer.send(new ProducerRecord<>(topic, null, lastTimestamp, key, value), callback);
    }

    /** The reading's time, or the producer's clock if the reading is stamped ahead of it. */
    private long recordTimestamp(long readingMillis) {
        if (readingMillis > clockMillis) {
            clockMillis = System.currentTimeMillis();
            if (readingMillis > clockMillis) {
                return clockMillis;
            }
        }
        return readingMillis;
    }

    /** The single-object encoding of a reading, as this sink puts it on the wire. */
    public static byte[] encode(MeterReading reading) {
        try {
            ByteBuffer buffer = ENCODER.encode(reading);
            // The encoder returns a fresh copy wrapping exactly the message bytes; copy only if
            // that ever changes.
            if (buffer.hasArray()
                    && buffer.arrayOffset() == 0
                    && buffer.position() == 0
                    && buffer.remaining() == buffer.array().length) {
                return buffer.array();
            }
            return Arrays.copyOfRange(
                    buffer.array(),
                    buffer.arrayOffset() + buffer.position(),
                    buffer.arrayOffset() + buffer.limit());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode reading", e);
        }
    }

    /** Records the broker acknowledged so far. */
    public long acknowledged() {
        return acknowledged.get();
    }

    @Override
    public void flush() {
        producer.flush();
        throwIfFailed();
    }

    @Override
    public void close() {
        try {
            producer.flush();
        } finally {
            producer.close(Duration.ofSeconds(30));
        }
        throwIfFailed();
    }

    private void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception == null) {
            acknowledged.incrementAndGet();
        } else {
            failure.compareAndSet(null, exception);
        }
    }

    private void throwIfFailed() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException(
                    "Kafka send to topic " + topic + " failed: " + e.getMessage(), e);
        }
    }
}
