package io.gridpulse.core.vee;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.core.vee.LatenessRule.Timing;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatenessRuleTest {

    private static final long QUARTER_END = 900_000;
    private final LatenessRule rule = new LatenessRule(Duration.ofHours(1));

    @Test
    void shouldWaitForAQuarterThatIsStillOpen() {
        assertThat(rule.timing(QUARTER_END, QUARTER_END - 1)).isEqualTo(Timing.ON_TIME);
    }

    @Test
    void shouldAcceptUpToJustBeforeTheAllowedLatenessHasPassed() {
        assertThat(rule.timing(QUARTER_END, QUARTER_END)).isEqualTo(Timing.LATE_ACCEPTED);
        assertThat(rule.timing(QUARTER_END, QUARTER_END + 3_599_999))
                .isEqualTo(Timing.LATE_ACCEPTED);
        assertThat(rule.timing(QUARTER_END, QUARTER_END + 3_600_000)).isEqualTo(Timing.TOO_LATE);
    }
}
