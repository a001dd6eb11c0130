package io.gridpulse.simulator;

import static io.gridpulse.simulator.SimulatorFixtures.smallRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.schema.MeterReading;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaReadingSinkTest {

    private static final String TOPIC = "meter-readings";

    @Test
    void shouldKeyByMeterStampWithReadingTimeAndEncodeAsSingleObjectAvro() throws Exception {
        MockProducer<String, byte[]> producer =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        CollectingSink memory = new CollectingSink();
        try (KafkaReadingSink kafka = new KafkaReadingSink(producer, TOPIC)) {
            new Simulation(smallRun().withDuration(SimulatorFixtures.ONE_HOUR))
                    .run(new FanOutSink(List.of(memory, kafka)));
            assertThat(kafka.acknowledged()).isEqualTo(memory.readings().size());
        }

        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertThat(sent).hasSameSizeAs(memory.readings());
        for (int i = 0; i < sent.size(); i++) {
            ProducerRecord<String, byte[]> record = sent.get(i);
            MeterReading reading = memory.readings().get(i);
            assertThat(record.topic()).isEqualTo(TOPIC);
            assertThat(record.key()).isEqualTo(reading.getMeterId());
            assertThat(record.timestamp()).isEqualTo(reading.getTimestamp().toEpochMilli());
            assertThat(MeterReading.getDecoder().decode(record.value())).isEqualTo(reading);
        }
    }

    @Test
    void shouldWriteTheSingleObjectHeaderAndFingerprint() throws Exception {
        MeterReading reading =
                SimulatorFixtures.run(
                                smallRun()
                                        .withHouseholds(1)
                                        .withDuration(SimulatorFixtures.ONE_HOUR))
                        .readings()
                        .get(0);

        byte[] bytes = KafkaReadingSink.encode(reading);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(bytes).isEqualTo(toArray(reading.toByteBuffer()));
        assertThat(MeterReading.fromByteBuffer(ByteBuffer.wrap(bytes))).isEqualTo(reading);
    }

    @Test
    void shouldStopTheRunWhenTheBrokerRejectsASend() {
        MockProducer<String, byte[]> producer =
                new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        KafkaReadingSink kafka = new KafkaReadingSink(producer, TOPIC);
        MeterReading reading =
                SimulatorFixtures.run(
                                smallRun()
                                        .withHouseholds(1)
                                        .withDuration(SimulatorFixtures.ONE_HOUR))
                        .readings()
                        .get(0);
        kafka.accept(reading);

        producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker gone"));

        assertThatThrownBy(() -> kafka.accept(reading)).hasMessageContaining("broker gone");
    }

    @Test
    void shouldSendRawRecordsUnderTheirKeyStampedLikeTheRecordBefore() {
        MockProducer<String, byte[]> producer =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        MeterReading reading =
                SimulatorFixtures.run(
                                smallRun()
                                        .withHouseholds(1)
                                        .withDuration(SimulatorFixtures.ONE_HOUR))
                        .readings()
                        .get(5);
        byte[] garbage = {1, 2, 3};
        try (KafkaReadingSink kafka = new KafkaReadingSink(producer, TOPIC)) {
            assertThat(kafka.acceptsRaw()).isTrue();
            kafka.accept(reading);
            kafka.acceptRaw("M000001", garbage);
        }

        ProducerRecord<String, byte[]> raw = producer.history().get(1);
        assertThat(raw.key()).isEqualTo("M000001");
        assertThat(raw.value()).isEqualTo(garbage);
        assertThat(raw.timestamp()).isEqualTo(reading.getTimestamp().toEpochMilli());
    }

    @Test
    void shouldStampAReadingFromTheFutureWithTheProducerClockSoTheBrokerTakesIt() throws Exception {
        MockProducer<String, byte[]> producer =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        MeterReading reading =
                SimulatorFixtures.run(
                                smallRun()
                                        .withHouseholds(1)
                                        .withDuration(SimulatorFixtures.ONE_HOUR))
                        .readings()
                        .get(0);
        MeterReading future =
                MeterReading.newBuilder(reading)
                        .setTimestamp(Instant.now().plus(Duration.ofDays(365)))
                        .build();
        long before = System.currentTimeMillis();
        try (KafkaReadingSink kafka = new KafkaReadingSink(producer, TOPIC)) {
            kafka.accept(future);
            kafka.accept(reading);
        }
        long after = System.currentTimeMillis();

        ProducerRecord<String, byte[]> sent = producer.history().get(0);
        assertThat(sent.timestamp()).isBetween(before, after);
        assertThat(MeterReading.getDecoder().decode(sent.value()))
                .isEqualTo(future); // event time stays in the payload
        assertThat(producer.history().get(1).timestamp())
                .isEqualTo(reading.getTimestamp().toEpochMilli());
    }

    @Test
    void shouldTuneTheProducerForThroughputWithoutGivingUpDurability() {
        var props = KafkaReadingSink.producerProperties("localhost:9092", "lz4");

        assertThat(props)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsKeys(ProducerConfig.LINGER_MS_CONFIG, ProducerConfig.BATCH_SIZE_CONFIG);
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
