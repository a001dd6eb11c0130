package io.gridpulse.core.vee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RegisterRulesTest {

    private static final long MINUTE = 60_000;
    private final RegisterRules rules = new RegisterRules(1_000_000, 30_000);

    @Test
    void shouldMeasureAnOrdinaryStep() {
        RegisterDelta delta = rules.between(0, 100, MINUTE, 110, 600);
        assertThat(delta.kind()).isEqualTo(RegisterDelta.Kind.MEASURED);
        assertThat(delta.energyWh()).isEqualTo(10);
    }

    @Test
    void shouldRepairAWrapAtTheRegisterWidth() {
        RegisterDelta delta = rules.between(0, 999_990, MINUTE, 5, 900);
        assertThat(delta.kind()).isEqualTo(RegisterDelta.Kind.ROLLOVER);
        assertThat(delta.energyWh()).isCloseTo(15, within(1e-9));
    }

    @Test
    void shouldTreatABackwardStepAwayFromTheWrapAsANewEpochEstimatedFromPower() {
        RegisterDelta delta = rules.between(0, 500_000, MINUTE, 400_000, 600);
        assertThat(delta.kind()).isEqualTo(RegisterDelta.Kind.NEW_EPOCH);
        assertThat(delta.energyWh()).isCloseTo(10, within(1e-9));
    }

    @Test
    void shouldTreatAJumpBeyondAnyPlausibleUseAsANewEpoch() {
        // 30 kW for one minute is 500 Wh; 1.5 x that is still plausible, 10 kWh is not.
        assertThat(rules.between(0, 0, MINUTE, 700, 600).kind())
                .isEqualTo(RegisterDelta.Kind.MEASURED);
        assertThat(rules.between(0, 0, MINUTE, 10_000, 600).kind())
                .isEqualTo(RegisterDelta.Kind.NEW_EPOCH);
    }
}
