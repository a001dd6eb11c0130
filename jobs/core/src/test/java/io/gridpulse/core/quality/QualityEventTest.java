package io.gridpulse.core.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.core.io.DeadLetters;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.testkit.TestReadings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QualityEventTest {

    private static final long KAFKA_TIME = Instant.parse("2026-01-12T10:00:00Z").toEpochMilli();

    @Test
    void shouldCountARejectedReadingAtItsOwnTimeForItsMeter() {
        DeadLetter letter =
                DeadLetters.of(
                        DeadLetterReason.NEGATIVE_POWER,
                        "negative",
                        new byte[0],
                        TestReadings.reading("M1", "F1", "D1", TestReadings.T0, 10, -5),
                        "t",
                        0,
                        7,
                        KAFKA_TIME);

        QualityEvent event = QualityEvent.of(letter);

        assertThat(event.meterId).isEqualTo("M1");
        assertThat(event.feederId).isEqualTo("F1");
        assertThat(event.outcome).isEqualTo("NEGATIVE_POWER");
        assertThat(event.timestamp).isEqualTo(TestReadings.T0.toEpochMilli());
        assertThat(event.count).isEqualTo(1);
        assertThat(event.atJobTime).isFalse();
    }

    @Test
    void shouldUseTheRecordTimeWhenTheReadingTimeWasTheProblem() {
        DeadLetter letter =
                DeadLetters.of(
                        DeadLetterReason.FUTURE_TIMESTAMP,
                        "future",
                        new byte[0],
                        TestReadings.reading(
                                "M1", "F1", "D1", Instant.parse("2099-01-01T00:00:00Z"), 10, 5),
                        "t",
                        0,
                        7,
                        KAFKA_TIME);

        assertThat(QualityEvent.of(letter).timestamp).isEqualTo(KAFKA_TIME);
        assertThat(QualityEvent.of(letter).atJobTime).isTrue();
    }

    @Test
    void shouldCountUndecodableRecordsForAnUnknownMeter() {
        DeadLetter letter =
                DeadLetters.of(
                        DeadLetterReason.UNDECODABLE,
                        "garbage",
                        new byte[] {1},
                        "t",
                        0,
                        7,
                        KAFKA_TIME);

        QualityEvent event = QualityEvent.of(letter);

        assertThat(event.meterId).isEqualTo(QualityEvent.UNKNOWN);
        assertThat(event.districtId).isEqualTo(QualityEvent.UNKNOWN);
        assertThat(event.timestamp).isEqualTo(KAFKA_TIME);
        assertThat(event.atJobTime).isTrue();
    }

    @Test
    void shouldBookClosedTimesJustAfterTheWatermark() {
        long watermark = KAFKA_TIME;

        assertThat(QualityCounter.countedAt(watermark + 60_000, watermark))
                .isEqualTo(watermark + 60_000);
        assertThat(QualityCounter.countedAt(watermark - 60_000, watermark))
                .isEqualTo(watermark + 1);
        assertThat(QualityCounter.countedAt(watermark, watermark)).isEqualTo(watermark + 1);
        assertThat(QualityCounter.countedAt(KAFKA_TIME, Long.MIN_VALUE)).isEqualTo(KAFKA_TIME);
        assertThat(QualityCounter.countedAt(Long.MAX_VALUE - 1, Long.MIN_VALUE))
                .isLessThan(Long.MAX_VALUE - 1);
    }
}
