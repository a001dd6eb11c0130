package io.gridpulse.simulator.savings;

import io.gridpulse.schema.WeatherObservation;
import io.gridpulse.simulator.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes the simulated weather to a Kafka topic as the live job reads it: Avro single-object
 * encoded {@code WeatherObservation} values keyed by district, in time order.
 */
public final class WeatherTopic {

    private WeatherTopic() {}

    /** Returns the number of observations published. */
    public static int publish(
            Simulation simulation,
            String bootstrapServers,
            Map<String, String> client,
            String topic) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        int published = 0;
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (WeatherObservation observation : SimulatedWeather.hourly(simulation)) {
                ByteBuffer encoded = observation.toByteBuffer();
                byte[] value = new byte[encoded.remaining()];
                encoded.get(value);
                producer.send(
                        new ProducerRecord<>(
                                topic,
                                observation.getDistrictId().getBytes(StandardCharsets.UTF_8),
                                value));
                published++;
            }
            producer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a weather observation", e);
        }
        return published;
    }
}
