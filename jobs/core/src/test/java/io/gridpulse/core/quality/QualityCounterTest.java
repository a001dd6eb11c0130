package io.gridpulse.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where counts are booked: their own quarter hour, or the job's when they have no event time of
 * their own.
 */
class QualityCounterTest {

    private static final long MIN = 60_000;

    /** A replayed January... */
    private static final long JOB_TIME = Instant.parse("2026-01-12T10:07:00Z").toEpochMilli();

    /** ...fed today: the Kafka timestamp of a record nobody could decode. */
    private static final long KAFKA_TIME = Instant.parse("2026-12-02T13:00:00Z").toEpochMilli();

    private static final long QUARTER_OF_JOB_TIME =
            Instant.parse("2026-01-12T10:00:00Z").toEpochMilli();

    private KeyedOneInputStreamOperatorTestHarness<String, QualityEvent, QualityEvent> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new QualityCounter()),
                        QualityEvent::key,
                        Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void shouldBookAnUndecodableRecordInTheQuarterHourTheJobIsIn() throws Exception {
        harness.processWatermark(JOB_TIME);
        harness.processElement(undecodable(), KAFKA_TIME);
        harness.processWatermark(QUARTER_OF_JOB_TIME + 15 * MIN);

        assertThat(emitted())
                .extracting(e -> e.outcome, e -> e.timestamp, e -> e.count)
                .containsExactly(tuple("UNDECODABLE", QUARTER_OF_JOB_TIME, 1L));
    }

    @Test
    void shouldHoldOneThatCameBeforeTheFirstWatermarkForTheQuarterHourItOpens() throws Exception {
        harness.processElement(undecodable(), KAFKA_TIME);
        harness.processElement(undecodable(), KAFKA_TIME);
        harness.processWatermark(JOB_TIME);
        assertThat(emitted()).isEmpty();
        harness.processWatermark(QUARTER_OF_JOB_TIME + 15 * MIN);

        assertThat(emitted())
                .extracting(e -> e.timestamp, e -> e.count)
                .containsExactly(tuple(QUARTER_OF_JOB_TIME, 2L));
    }

    @Test
    void shouldFallBackToTheRecordTimeWhenTheInputEndsBeforeAnyWatermark() throws Exception {
        harness.processElement(undecodable(), KAFKA_TIME);
        harness.processWatermark(Long.MAX_VALUE);

        // 13:00 ends the quarter hour from 12:45.
        assertThat(emitted()).extracting(e -> e.timestamp).containsExactly(KAFKA_TIME - 15 * MIN);
    }

    @Test
    void shouldBookARejectedReadingAtItsOwnQuarterHour() throws Exception {
        harness.processWatermark(JOB_TIME);
        QualityEvent negative =
                new QualityEvent("M1", "F1", "D1", "NEGATIVE_POWER", JOB_TIME + 20 * MIN, 1);
        harness.processElement(negative, JOB_TIME + 20 * MIN);
        harness.processWatermark(JOB_TIME + 60 * MIN);

        assertThat(emitted())
                .extracting(e -> e.timestamp)
                .containsExactly(QUARTER_OF_JOB_TIME + 15 * MIN);
    }

    private static QualityEvent undecodable() {
        QualityEvent event = new QualityEvent(null, null, null, "UNDECODABLE", KAFKA_TIME, 1);
        event.atJobTime = true;
        return event;
    }

    private List<QualityEvent> emitted() {
        List<QualityEvent> out = harness.extractOutputValues();
        harness.getOutput().clear();
        return out;
    }
}
