package io.gridpulse.bench;

import io.gridpulse.core.io.AvroSingleObjectSerializer;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.simulator.ReadingSink;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Appends simulated readings to Kafka at a fixed rate and remembers, per simulated time step, when the broker
 * acknowledged the step's last reading: the moment the step was fully appended.
 */
final class PacedProducer implements ReadingSink {

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final double readingsPerSecond;
  private final AvroSingleObjectSerializer<MeterReading> serializer =
      new AvroSingleObjectSerializer<>(MeterReading.class);
  private final Map<Long, AtomicLong> stepAppendedNanos = new ConcurrentHashMap<>();
  private final long startNanos = System.nanoTime();
  private long sent;

  PacedProducer(String bootstrap, String topic, double readingsPerSecond) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "1");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    this.topic = topic;
    this.readingsPerSecond = readingsPerSecond;
  }

  @Override
  public void accept(MeterReading reading) {
    long step = reading.getTimestamp().toEpochMilli();
    AtomicLong appended = stepAppendedNanos.computeIfAbsent(step, s -> new AtomicLong());
    producer.send(new ProducerRecord<>(topic, null, step, reading.getMeterId(), serializer.serialize(reading)),
        (metadata, error) -> {
          if (error == null) {
            appended.accumulateAndGet(System.nanoTime(), Math::max);
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

  /** When each step (by its reading timestamp) had been fully appended, in System.nanoTime. */
  Map<Long, Long> stepAppendedNanos() {
    Map<Long, Long> out = new java.util.TreeMap<>();
    stepAppendedNanos.forEach((step, nanos) -> out.put(step, nanos.get()));
    return out;
  }

  @Override
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
