package io.gridpulse.core.vee;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.core.vee.DuplicateRule.LateVerdict;
import io.gridpulse.schema.DeadLetterReason;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DuplicateRuleTest {

    private static final long MINUTE = 60_000;
    private static final long LAST = 1_000 * MINUTE;
    private final DuplicateRule rule = new DuplicateRule(Duration.ofMinutes(1));

    @Test
    void shouldDropAnIdenticalCopyAndKeepOutADifferentOne() {
        Instant at = Instant.ofEpochMilli(LAST);
        assertThat(DuplicateRule.copyOfLast("M1", at, 10, 500, 230, 10, 500, 230).reason())
                .isEqualTo(DeadLetterReason.DUPLICATE);
        Rejection different = DuplicateRule.copyOfLast("M1", at, 11, 500, 230, 10, 500, 230);
        assertThat(different.reason()).isEqualTo(DeadLetterReason.CONFLICTING_DUPLICATE);
        assertThat(different.message()).contains("M1", "11.0 Wh vs 10.0 Wh", "first one was kept");
    }

    @Test
    void shouldRecogniseALateCopyFromTheAcceptedSlots() {
        long accepted = DuplicateRule.shiftAccepted(DuplicateRule.shiftAccepted(1, 2), 1);
        // accepted: the last reading, the one 1 interval before, and the one 3 intervals before
        assertThat(rule.late(LAST, accepted, LAST)).isEqualTo(LateVerdict.COPY);
        assertThat(rule.late(LAST, accepted, LAST - MINUTE)).isEqualTo(LateVerdict.COPY);
        assertThat(rule.late(LAST, accepted, LAST - 2 * MINUTE)).isEqualTo(LateVerdict.NEW);
        assertThat(rule.late(LAST, accepted, LAST - 3 * MINUTE)).isEqualTo(LateVerdict.COPY);
    }

    @Test
    void shouldNotGuessForAReadingFurtherBehindThanItRemembers() {
        assertThat(rule.late(LAST, -1L, LAST - 63 * MINUTE)).isEqualTo(LateVerdict.COPY);
        assertThat(rule.late(LAST, -1L, LAST - 64 * MINUTE)).isEqualTo(LateVerdict.UNKNOWABLE);
        assertThat(rule.slotOf(LAST, LAST - 30_000)).isEqualTo(-1); // off the interval grid
    }

    @Test
    void shouldForgetEverySlotAfterALongerStepThanItRemembers() {
        assertThat(DuplicateRule.shiftAccepted(-1L, 64)).isEqualTo(1);
        assertThat(DuplicateRule.shiftOthers(-1L, 64)).isZero();
    }

    @Test
    void shouldFindASlotInAQuarterHour() {
        long quarterEnd = 15 * MINUTE * (LAST / (15 * MINUTE));
        long slots = 1L << ((LAST - quarterEnd) / MINUTE + 2); // two minutes before its end
        assertThat(rule.anyIn(LAST, slots, quarterEnd)).isTrue();
        assertThat(rule.anyIn(LAST, slots, quarterEnd - 15 * MINUTE)).isFalse();
    }
}
