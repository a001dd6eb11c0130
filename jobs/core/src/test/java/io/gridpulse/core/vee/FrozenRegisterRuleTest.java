package io.gridpulse.core.vee;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrozenRegisterRuleTest {

    private final FrozenRegisterRule rule = new FrozenRegisterRule(3, 50);

    @Test
    void shouldFlagOnceWhenTheRunOfStillRegistersUnderPowerReachesTheThreshold() {
        int run = 0;
        int flags = 0;
        for (int i = 0; i < 6; i++) {
            run = rule.run(run, 1_000, 1_000, 400);
            flags += rule.flags(run) ? 1 : 0;
        }
        assertThat(run).isEqualTo(6);
        assertThat(flags).isEqualTo(1);
    }

    @Test
    void shouldNotCountAStillRegisterWithoutPowerOrAMovingRegister() {
        assertThat(rule.run(2, 1_000, 1_000, 49.9)).isZero();
        assertThat(rule.run(2, 1_000, 1_001, 400)).isZero();
        assertThat(rule.run(2, 1_000, 1_000, 50)).isEqualTo(3);
    }
}
