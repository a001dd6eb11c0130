package io.gridpulse.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.schema.MeterReading;
import io.gridpulse.simulator.KafkaReadingSink;
import io.gridpulse.simulator.Simulation;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The faults as the job will find them on the topic. */
class FaultInjectorKafkaTest {

    @Test
    void shouldPutEveryRecordOnTheTopicKeyedByItsMeterAndNeverStampedInTheFuture() {
        MockProducer<String, byte[]> producer =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        FaultConfig config = FaultFixtures.faults(FaultFixtures.simulation());
        FaultLedger ledger;
        long before = System.currentTimeMillis();
        try (FaultInjector injector =
                FaultInjector.wrap(new KafkaReadingSink(producer, "readings"), config)) {
            new Simulation(config.simulation()).run(injector);
            ledger = injector.ledger();
        }

        List<ProducerRecord<String, byte[]>> records = producer.history();
        assertThat((long) records.size()).isEqualTo(ledger.sent());
        assertThat(ledger.faults(FaultKind.GARBAGE)).hasSize(2);
        Set<String> garbageMeters =
                ledger.faults(FaultKind.GARBAGE).stream()
                        .map(InjectedFault::meterId)
                        .collect(Collectors.toSet());
        long now = System.currentTimeMillis();
        int garbage = 0;
        for (ProducerRecord<String, byte[]> record : records) {
            assertThat(record.timestamp()).isLessThanOrEqualTo(now);
            if (record.value()[0] != (byte) 0xC3) {
                garbage++;
                assertThat(record.key()).isIn(garbageMeters);
                continue;
            }
            MeterReading reading = decode(record.value());
            // The key is the meter id the record carries, broken ones included (as a real producer
            // would send it).
            assertThat(record.key()).isEqualTo(reading.getMeterId());
            if (reading.getTimestamp().toEpochMilli() > now) {
                assertThat(record.timestamp()).isBetween(before, now);
            }
        }
        assertThat(garbage).isEqualTo(2);
    }

    private static MeterReading decode(byte[] value) {
        try {
            return MeterReading.getDecoder().decode(value);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
