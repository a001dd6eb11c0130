package io.gridpulse.core.vee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.core.vee.GapRule.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GapRuleTest {

    private static final long MINUTE = 60_000;
    private static final long QUARTER = 15 * MINUTE;
    private final GapRule rule = new GapRule(Duration.ofMinutes(1), Duration.ofHours(1));

    private record Share(long end, double wh, double estimatedWh) {}

    @Test
    void shouldTellTheNextReadingAGapToFillAndOneTooLong() {
        assertThat(rule.kind(MINUTE, 2 * MINUTE)).isEqualTo(Kind.NONE);
        assertThat(rule.kind(QUARTER - MINUTE, QUARTER + MINUTE)).isEqualTo(Kind.SPREAD);
        assertThat(rule.kind(MINUTE, 2 * MINUTE + 60 * MINUTE)).isEqualTo(Kind.SPREAD);
        assertThat(rule.kind(MINUTE, 3 * MINUTE + 60 * MINUTE)).isEqualTo(Kind.TOO_LONG);
        assertThat(rule.missing(MINUTE, 11 * MINUTE)).isEqualTo(9);
    }

    @Test
    void shouldSpreadAFilledGapOverItsQuartersAndEstimateAllButTheOwnInterval() {
        List<Share> shares = new ArrayList<>();
        // 10:10 -> 10:40 (30 intervals, 29 missing), 300 Wh: 10 Wh a minute
        rule.spread(
                10 * MINUTE,
                40 * MINUTE,
                300,
                false,
                (end, wh, estimatedWh) -> shares.add(new Share(end, wh, estimatedWh)));
        assertThat(shares)
                .extracting(Share::end)
                .containsExactly(QUARTER, 2 * QUARTER, 3 * QUARTER);
        assertThat(shares).extracting(Share::wh).containsExactly(50.0, 150.0, 100.0);
        assertThat(shares.get(2).estimatedWh()).isCloseTo(90.0, within(1e-9));
        assertThat(shares.stream().mapToDouble(Share::estimatedWh).sum())
                .isCloseTo(290.0, within(1e-9));
    }

    @Test
    void shouldEstimateOnlyTheOwnIntervalOfAGapTooLongAndNeverMoreThanTheRegisterSays() {
        assertThat(rule.ownIntervalWh(1_000, 600)).isCloseTo(10.0, within(1e-9));
        assertThat(rule.ownIntervalWh(4, 600)).isEqualTo(4.0);
        assertThat(rule.ownIntervalWh(1_000, -5)).isZero();
    }
}
