package io.gridpulse.replay.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ClockChangesTest {

    private static final long HOUR = 3_600_000L;

    /**
     * 2016-10-30 02:30 in Paris, read as summer time (CEST, UTC+2): the first of the two 02:30s.
     */
    private static final long FIRST_0230 = Instant.parse("2016-10-30T00:30:00Z").toEpochMilli();

    @Test
    void shouldMoveTheSecondPassThroughTheRepeatedHourToWinterTime() {
        ClockChanges clock = new ClockChanges(ZoneId.of("Europe/Paris"));

        assertThat(clock.shiftFor("m1", FIRST_0230 - HOUR / 2)).isZero(); // 02:00 CEST
        assertThat(clock.shiftFor("m1", FIRST_0230)).isZero(); // 02:30 CEST
        assertThat(clock.shiftFor("m1", FIRST_0230 + HOUR / 2 - 60_000)).isZero(); // 02:59 CEST
        assertThat(clock.shiftFor("m1", FIRST_0230 - HOUR / 2)).isEqualTo(HOUR); // 02:00 again: CET
        assertThat(clock.shiftFor("m1", FIRST_0230)).isEqualTo(HOUR); // 02:30 again: CET
        assertThat(clock.shiftFor("m1", FIRST_0230 + 2 * HOUR))
                .isZero(); // 03:30 CET, no longer ambiguous
    }

    @Test
    void shouldLeaveARealDuplicateAndOtherMetersAlone() {
        ClockChanges clock = new ClockChanges(ZoneId.of("Europe/Paris"));
        long noon = Instant.parse("2016-06-01T10:00:00Z").toEpochMilli();

        assertThat(clock.shiftFor("m1", noon)).isZero();
        assertThat(clock.shiftFor("m1", noon))
                .isZero(); // the same row twice, outside any clock change: a duplicate
        assertThat(clock.shiftFor("m1", FIRST_0230)).isZero();
        assertThat(clock.shiftFor("m2", FIRST_0230)).isZero(); // another meter's first pass
    }
}
