package io.gridpulse.bench;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the anomaly topic while the latency run goes on, as a consumer of the anomaly events would
 * ({@code read_committed}: it sees an event once it is readable, whatever the sink's delivery
 * guarantee), and notes for each OPEN event its broker append time (the topic uses {@code
 * LogAppendTime}) and this JVM's {@code System.nanoTime} when the poll returned it. Repeated events
 * (at-least-once after a restart) keep the first.
 */
final class AnomalyArrivals implements AutoCloseable {

    /**
     * When an OPEN event was appended to the anomaly topic (broker clock) and read here (this JVM's
     * clock).
     */
    record Arrival(long brokerMillis, long readNanos) {}

    private final Map<String, Arrival> opened = new ConcurrentHashMap<>();
    private final AtomicLong otherEvents = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stopped;

    AnomalyArrivals(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-latency-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        thread =
                new Thread(
                        () -> {
                            try (KafkaConsumer<byte[], byte[]> consumer =
                                    new KafkaConsumer<>(
                                            props,
                                            new ByteArrayDeserializer(),
                                            new ByteArrayDeserializer())) {
                                List<TopicPartition> partitions =
                                        consumer.partitionsFor(topic).stream()
                                                .map(p -> new TopicPartition(topic, p.partition()))
                                                .toList();
                                consumer.assign(partitions);
                                consumer.seekToBeginning(partitions);
                                while (!stopped) {
                                    for (ConsumerRecord<byte[], byte[]> record :
                                            consumer.poll(Duration.ofMillis(100))) {
                                        long readNanos = System.nanoTime();
                                        if (record.timestampType()
                                                != TimestampType.LOG_APPEND_TIME) {
                                            throw new IllegalStateException(
                                                    topic + " does not use LogAppendTime");
                                        }
                                        Anomaly event = Anomaly.getDecoder().decode(record.value());
                                        if (event.getState() == AnomalyState.OPEN
                                                && event.getMeterId() != null) {
                                            opened.putIfAbsent(
                                                    key(event),
                                                    new Arrival(record.timestamp(), readNanos));
                                        } else {
                                            otherEvents.incrementAndGet();
                                        }
                                    }
                                }
                            } catch (Throwable t) {
                                failure.set(t);
                            }
                        },
                        "bench-anomaly-arrivals");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The OPEN event's key as {@link VoltageExcursions.Excursion#key()} builds it: type, meter and
     * start.
     */
    private static String key(Anomaly event) {
        return event.getType()
                + ":"
                + VoltageExcursions.Excursion.key(
                        event.getMeterId(), event.getStart().toEpochMilli());
    }

    /**
     * The OPEN event of an anomaly of {@code type} at a meter starting at an instant, if it has
     * arrived.
     */
    Arrival opened(String type, String excursionKey) {
        return opened.get(type + ":" + excursionKey);
    }

    /** OPEN events of meters so far. */
    int openCount() {
        return opened.size();
    }

    /** RESOLVED events and feeder events so far. */
    long otherEvents() {
        return otherEvents.get();
    }

    void checkHealthy() {
        if (failure.get() != null) {
            throw new IllegalStateException("reading the anomaly topic failed", failure.get());
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(10_000);
    }
}
