package io.gridpulse.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuarterHoursTest {

    private static final long MINUTE = 60_000L;

    @Test
    void shouldPutAReadingOnTheBoundaryIntoTheQuarterHourItCloses() {
        long quarter = Instant.parse("2026-01-11T22:15:00Z").toEpochMilli();
        assertThat(QuarterHours.endOf(quarter)).isEqualTo(quarter);
        assertThat(QuarterHours.endOf(quarter - 1)).isEqualTo(quarter);
        assertThat(QuarterHours.endOf(quarter + 1)).isEqualTo(quarter + 15 * MINUTE);
    }

    @Test
    void shouldCutTimesBeforeTheEpochTheSameWay() {
        assertThat(QuarterHours.endOf(0)).isZero();
        assertThat(QuarterHours.endOf(-1)).isZero();
        assertThat(QuarterHours.endOf(-QuarterHours.MILLIS)).isEqualTo(-QuarterHours.MILLIS);
    }
}
