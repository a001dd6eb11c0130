package io.gridpulse.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.simulator.fault.JobLimits.RegisterStep;
import org.junit.jupiter.api.Test;

/**
 * The job's register rule as the ledger applies it (RegisterRules in jobs/core, with the default
 * limits).
 */
class JobLimitsTest {

    private static final JobLimits LIMITS = JobLimits.defaults();
    private static final long MINUTE = 60_000L;

    @Test
    void shouldMeasureAForwardStepThatOneIntervalAtOneAndAHalfTimesTheMaximumPowerCouldDeliver() {
        assertThat(LIMITS.classify(0, 1000, MINUTE, 1000)).isEqualTo(RegisterStep.MEASURED);
        assertThat(LIMITS.classify(0, 1000, MINUTE, 1000 + 750)).isEqualTo(RegisterStep.MEASURED);
        assertThat(LIMITS.classify(0, 1000, MINUTE, 1000 + 750.5))
                .isEqualTo(RegisterStep.NEW_EPOCH);
        assertThat(LIMITS.classify(0, 1000, 60 * MINUTE, 1000 + 45_000))
                .isEqualTo(RegisterStep.MEASURED);
    }

    @Test
    void shouldRepairAWrapFromTheTopTenthToTheBottomTenthAndResetOtherwise() {
        assertThat(LIMITS.classify(0, 999_999_950, MINUTE, 30)).isEqualTo(RegisterStep.ROLLOVER);
        assertThat(LIMITS.classify(0, 25_000_000, MINUTE, 10)).isEqualTo(RegisterStep.NEW_EPOCH);
        assertThat(LIMITS.classify(0, 999_999_950, MINUTE, 5_000))
                .isEqualTo(RegisterStep.NEW_EPOCH); // implausible
    }

    @Test
    void shouldEstimateANewEpochFromThePowerLikeTheJob() {
        assertThat(LIMITS.newEpochEstimateWh(0, MINUTE, 600)).isEqualTo(10.0);
        assertThat(LIMITS.newEpochEstimateWh(0, MINUTE, -100)).isZero();
    }
}
