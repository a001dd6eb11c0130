package io.gridpulse.core.io;

import static io.gridpulse.testkit.TestReadings.minutes;
import static io.gridpulse.testkit.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.schema.SchemaHistory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.Test;

class MeterReadingKafkaDeserializerTest {

    private final MeterReadingKafkaDeserializer deserializer = new MeterReadingKafkaDeserializer();
    private final AvroSingleObjectSerializer<MeterReading> serializer =
            new AvroSingleObjectSerializer<>(MeterReading.class);

    @Test
    void shouldDecodeAReadingWrittenInSingleObjectEncoding() {
        MeterReading sent = reading("m1", minutes(15), 1_234.5);

        Either<DeadLetter, MeterReading> decoded =
                deserializer.decode(serializer.serialize(sent), "t", 0, 7L, 0L);

        assertThat(decoded.isRight()).isTrue();
        assertThat(decoded.right()).isEqualTo(sent);
    }

    @Test
    void shouldTurnGarbageIntoAnUndecodableDeadLetterWithItsBytesAndCoordinates() {
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);

        DeadLetter dead = deserializer.decode(garbage, "meter-readings", 1, 42L, 1_000L).left();

        assertThat(dead.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE);
        assertThat(dead.getMessage()).contains("single-object");
        assertThat(dead.getPayload().array()).isEqualTo(garbage);
        assertThat(dead.getSourceTopic()).isEqualTo("meter-readings");
        assertThat(dead.getSourcePartition()).isEqualTo(1);
        assertThat(dead.getSourceOffset()).isEqualTo(42L);
    }

    @Test
    void shouldReportAnUnknownWriterSchemaAsItsOwnReason() {
        byte[] bytes = serializer.serialize(reading("m1", minutes(1), 1.0));
        bytes[5] ^= 0x5A; // the fingerprint follows the 2-byte marker

        DeadLetter dead = deserializer.decode(bytes, "t", 0, 3L, 0L).left();

        assertThat(dead.getReason()).isEqualTo(DeadLetterReason.UNKNOWN_SCHEMA);
    }

    @Test
    void shouldReportATruncatedPayloadAsUndecodable() {
        byte[] bytes = serializer.serialize(reading("m1", minutes(1), 1.0));

        DeadLetter dead = deserializer.decode(Arrays.copyOf(bytes, 14), "t", 0, 3L, 0L).left();

        assertThat(dead.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE);
        assertThat(dead.getMessage()).contains("corrupt");
    }

    @Test
    void shouldDecodeTheCurrentSchemaExactlyAsAvrosOwnDecoderDoes() throws Exception {
        MeterReading withVoltage = reading("m1", minutes(15), 1_234.5);
        MeterReading withoutVoltage =
                MeterReading.newBuilder(withVoltage).setVoltageV(null).build();
        BinaryMessageDecoder<MeterReading> avro = MeterReading.createDecoder(SchemaHistory.store());

        for (MeterReading sent : List.of(withVoltage, withoutVoltage)) {
            byte[] valid = serializer.serialize(sent);
            assertSameOutcome(deserializer, avro, valid);
            for (int length = 0; length < valid.length; length++) {
                assertSameOutcome(deserializer, avro, Arrays.copyOf(valid, length));
            }
            for (int position = 10; position < valid.length; position++) {
                for (int flip : new int[] {0x01, 0x80, 0xFF}) {
                    byte[] mutated = valid.clone();
                    mutated[position] ^= (byte) flip;
                    assertSameOutcome(deserializer, avro, mutated);
                }
            }
        }
    }

    /**
     * The fast path must accept exactly what Avro accepts, and decode it to the same reading; a
     * decodable reading that breaks a rule (a flipped bit can make power negative) must be rejected
     * for that rule.
     */
    private static void assertSameOutcome(
            MeterReadingKafkaDeserializer deserializer,
            BinaryMessageDecoder<MeterReading> avro,
            byte[] value) {
        MeterReading expected;
        try {
            expected = avro.decode(value);
        } catch (Exception e) {
            expected = null;
        }
        Either<DeadLetter, MeterReading> decoded = deserializer.decode(value, "t", 0, 0L, 0L);
        String what = Arrays.toString(value);
        io.gridpulse.core.vee.Rejection broken =
                expected == null
                        ? null
                        : io.gridpulse.core.vee.ReadingRules.defaults()
                                .check(expected, System.currentTimeMillis());
        if (expected == null) {
            assertThat(decoded.isLeft()).as(what).isTrue();
        } else if (broken != null) {
            assertThat(decoded.isLeft()).as(what).isTrue();
            assertThat(decoded.left().getReason()).as(what).isEqualTo(broken.reason());
        } else {
            assertThat(decoded.isRight()).as(what).isTrue();
            assertThat(decoded.right()).as(what).isEqualTo(expected);
        }
    }

    @Test
    void shouldKeepATombstoneAsADeadLetter() {
        DeadLetter dead = deserializer.decode(null, "t", 0, 9L, 0L).left();

        assertThat(dead.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE);
        assertThat(dead.getPayload()).isNull();
    }

    @Test
    void shouldRejectAReadingThatBreaksARuleWithItsReasonBytesAndCoordinates() {
        byte[] bytes =
                serializer.serialize(
                        MeterReading.newBuilder(reading("m1", minutes(1), 1.0))
                                .setAveragePowerW(-40)
                                .build());

        DeadLetter dead = deserializer.decode(bytes, "meter-readings", 1, 77L, 0L).left();

        assertThat(dead.getReason()).isEqualTo(DeadLetterReason.NEGATIVE_POWER);
        assertThat(dead.getSourceOffset()).isEqualTo(77L);
        assertThat(dead.getPayload().array()).isEqualTo(bytes);
    }
}
