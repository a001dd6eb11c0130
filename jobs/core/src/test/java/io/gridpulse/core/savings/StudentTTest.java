package io.gridpulse.core.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StudentTTest {

    @Test
    void shouldMatchPublishedTwoSidedNinetyPercentCriticalValues() {
        // Standard t tables, t(0.95, ν).
        assertThat(StudentT.criticalValue(0.90, 1)).isCloseTo(6.3138, within(1e-4));
        assertThat(StudentT.criticalValue(0.90, 2)).isCloseTo(2.9200, within(1e-4));
        assertThat(StudentT.criticalValue(0.90, 3)).isCloseTo(2.3534, within(1e-4));
        assertThat(StudentT.criticalValue(0.90, 10)).isCloseTo(1.8125, within(1e-4));
        assertThat(StudentT.criticalValue(0.90, 30)).isCloseTo(1.6973, within(1e-4));
        assertThat(StudentT.criticalValue(0.90, 120)).isCloseTo(1.6577, within(1e-4));
    }

    @Test
    void shouldApproachTheNormalQuantileForLongBaselines() {
        assertThat(StudentT.criticalValue(0.90, 363)).isBetween(1.6449, 1.6500);
        assertThat(StudentT.criticalValue(0.90, 100_000)).isCloseTo(1.6449, within(1e-4));
        assertThat(StudentT.criticalValue(0.95, 20)).isCloseTo(2.0860, within(1e-4));
    }

    @Test
    void shouldGiveTheClosedFormProbabilityForTwoDegreesOfFreedom() {
        // ν = 2: P(|T| <= t) = t / sqrt(2 + t²).
        assertThat(StudentT.centralProbability(2, 2)).isCloseTo(2 / Math.sqrt(6), within(1e-12));
        assertThat(StudentT.centralProbability(0, 7)).isEqualTo(0.0);
    }

    @Test
    void shouldRejectImpossibleArguments() {
        assertThatThrownBy(() -> StudentT.criticalValue(1.0, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StudentT.criticalValue(0.9, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
