package io.gridpulse.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final long MINUTE = 60_000L;
    private static final long START = Instant.parse("2026-01-11T22:00:00Z").toEpochMilli();

    @Test
    void shouldLetOnlyReadingsOffTheQuarterHourArriveAfterTheirNext() {
        Timeline minutes = new Timeline(START, MINUTE, 360);
        assertThat(minutes.sharesQuarterWithNext(14))
                .isTrue(); // 22:14 and 22:15 end the same quarter hour
        assertThat(minutes.sharesQuarterWithNext(15))
                .isFalse(); // 22:15 closes its quarter hour before 22:16
        assertThat(minutes.sharesQuarterWithNext(360)).isFalse(); // the last reading has no next

        Timeline quarters = new Timeline(START, 15 * MINUTE, 24);
        for (long step = 0; step <= 24; step++) {
            assertThat(quarters.sharesQuarterWithNext(step)).isFalse();
        }
    }

    @Test
    void shouldKeepFaultsAnHourAwayFromBothEnds() {
        Timeline sixHours = new Timeline(START, MINUTE, 360);
        assertThat(sixHours.firstFaultStep()).isEqualTo(60);
        assertThat(sixHours.lastFaultStep()).isEqualTo(300);
        assertThat(sixHours.faultSteps()).isEqualTo(241);
        assertThat(new Timeline(START, 7 * MINUTE, 60).firstFaultStep())
                .isEqualTo(9); // 63 minutes: at least an hour
        assertThat(new Timeline(START, MINUTE, 90).faultSteps()).isZero();
    }
}
