package io.gridpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeStepTest {

    private static final long MINUTE = 60_000L;

    @Test
    void shouldFollowTheLocalClockAcrossTheSpringForwardTransition() {
        TimeStep step = new TimeStep(SimulationConfig.DEFAULT_ZONE, MINUTE);

        // Helsinki is UTC+2 until 2026-03-29T01:00Z, then UTC+3. Shapes are read at the middle of
        // the interval.
        step.moveTo(Instant.parse("2026-03-29T00:31:00Z").toEpochMilli());
        assertThat(step.localHour()).isEqualTo(2.5 + 0.5 / 60);
        step.moveTo(Instant.parse("2026-03-29T05:01:00Z").toEpochMilli());
        assertThat(step.localHour()).isEqualTo(8.0 + 0.5 / 60);
    }

    @Test
    void shouldKnowWeekendsAndTheLastLocalDayAnIntervalTouches() {
        TimeStep step = new TimeStep(SimulationConfig.DEFAULT_ZONE, MINUTE);

        step.moveTo(
                Instant.parse("2026-01-16T22:00:00Z")
                        .toEpochMilli()); // Friday 24:00 local: (23:59, 24:00]
        assertThat(step.weekend()).isFalse();
        assertThat(step.latestLocalDay())
                .isEqualTo(java.time.LocalDate.of(2026, 1, 16).toEpochDay());
        step.moveTo(Instant.parse("2026-01-16T22:01:00Z").toEpochMilli()); // Saturday 00:01
        assertThat(step.weekend()).isTrue();
        assertThat(step.latestLocalDay())
                .isEqualTo(java.time.LocalDate.of(2026, 1, 17).toEpochDay());
    }
}
