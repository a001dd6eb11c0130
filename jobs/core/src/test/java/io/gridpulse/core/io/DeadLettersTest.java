package io.gridpulse.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void shouldKeepASmallPayloadWholeWithItsSize() {
        byte[] value = "not avro".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        DeadLetter dead =
                DeadLetters.of(DeadLetterReason.UNDECODABLE, "garbage", value, "t", 0, 1L, 0L);

        assertThat(bytes(dead.getPayload())).isEqualTo(value);
        assertThat(dead.getPayloadTruncated()).isFalse();
        assertThat(dead.getPayloadSize()).isEqualTo(value.length);
        assertThat(dead.getPayloadSha256()).isNull();
    }

    @Test
    void shouldKeepAPayloadOfExactlyTheLimitWhole() {
        byte[] value = random(DeadLetters.MAX_PAYLOAD_BYTES);

        DeadLetter dead =
                DeadLetters.of(DeadLetterReason.UNDECODABLE, "garbage", value, "t", 0, 1L, 0L);

        assertThat(dead.getPayloadTruncated()).isFalse();
        assertThat(bytes(dead.getPayload())).isEqualTo(value);
    }

    @Test
    void shouldTruncateAValueNearTheBrokersLimitKeepingItsSizeAndDigest() throws Exception {
        byte[] value = random(1_048_400);

        DeadLetter dead =
                DeadLetters.of(DeadLetterReason.UNDECODABLE, "garbage", value, "t", 0, 1L, 0L);

        assertThat(dead.getPayloadTruncated()).isTrue();
        assertThat(bytes(dead.getPayload()))
                .isEqualTo(Arrays.copyOf(value, DeadLetters.MAX_PAYLOAD_BYTES));
        assertThat(dead.getPayloadSize()).isEqualTo(value.length);
        assertThat(bytes(dead.getPayloadSha256()))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(value));
        // Encoded, it fits well inside the producer's default request limit (1 MiB).
        assertThat(dead.toByteBuffer().remaining())
                .isLessThan(DeadLetters.MAX_PAYLOAD_BYTES + 1024);
    }

    @Test
    void shouldSayNothingOfAPayloadThatWasNotThere() {
        DeadLetter dead =
                DeadLetters.of(DeadLetterReason.UNDECODABLE, "tombstone", null, "t", 0, 1L, 0L);

        assertThat(dead.getPayload()).isNull();
        assertThat(dead.getPayloadSize()).isNull();
        assertThat(dead.getPayloadTruncated()).isFalse();
    }

    private static byte[] random(int size) {
        byte[] value = new byte[size];
        new Random(7).nextBytes(value);
        return value;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
