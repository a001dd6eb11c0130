package io.gridpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class HouseholdMixTest {

    private static final Topology TOPOLOGY = new Topology(1000, 10, 2);

    @Test
    void shouldDrawTheDefaultMixAsBeforeMixesExisted() {
        HouseholdProfile[] before = HouseholdProfiles.generate(TOPOLOGY, 42);
        HouseholdProfile[] defaultMix =
                HouseholdProfiles.generate(TOPOLOGY, 42, HouseholdMix.DEFAULT);

        for (int i = 0; i < before.length; i++) {
            assertThat(defaultMix[i]).usingRecursiveComparison().isEqualTo(before[i]);
        }
        // Shares as the simulator always drew them: 45% direct electric heating, 20% heat pump,
        // 25% air conditioning.
        assertThat(share(before, p -> p.heatingMaxW() >= 6000)).isBetween(0.40, 0.50);
        assertThat(share(before, HouseholdProfile::hasHeating)).isBetween(0.60, 0.70);
        assertThat(share(before, HouseholdProfile::hasCooling)).isBetween(0.20, 0.30);
    }

    @Test
    void shouldChangeTheKindsOfHouseholdsButNotTheHouseholds() {
        HouseholdProfile[] nordic = HouseholdProfiles.generate(TOPOLOGY, 42);
        HouseholdProfile[] cooling =
                HouseholdProfiles.generate(TOPOLOGY, 42, HouseholdMix.COOLING_HEAVY);
        HouseholdProfile[] electric =
                HouseholdProfiles.generate(TOPOLOGY, 42, HouseholdMix.ELECTRIC_HEATING);

        assertThat(share(cooling, HouseholdProfile::hasCooling)).isBetween(0.85, 0.95);
        assertThat(share(cooling, p -> p.heatingMaxW() >= 6000)).isLessThan(0.10);
        assertThat(share(electric, HouseholdProfile::hasHeating)).isBetween(0.92, 0.98);
        assertThat(share(electric, HouseholdProfile::hasCooling)).isBetween(0.05, 0.15);
        // More at home by day: higher daytime use on average, from the same draws.
        assertThat(meanDaytimeW(cooling)).isGreaterThan(1.3 * meanDaytimeW(nordic));
        for (int i = 0; i < nordic.length; i++) {
            assertThat(cooling[i].scale()).isEqualTo(nordic[i].scale());
            assertThat(cooling[i].baseW()).isEqualTo(nordic[i].baseW());
            assertThat(cooling[i].heatingBalanceC()).isEqualTo(nordic[i].heatingBalanceC());
            assertThat(cooling[i].appliancePowerW()).isEqualTo(nordic[i].appliancePowerW());
            assertThat(cooling[i].noiseSeed()).isEqualTo(nordic[i].noiseSeed());
        }
    }

    @Test
    void shouldNameEachMixAndRefuseOthers() {
        assertThat(HouseholdMix.named("default")).isEqualTo(HouseholdMix.DEFAULT);
        assertThat(HouseholdMix.named("electric-heating")).isEqualTo(HouseholdMix.ELECTRIC_HEATING);
        assertThat(HouseholdMix.named("cooling-heavy")).isEqualTo(HouseholdMix.COOLING_HEAVY);
        assertThatThrownBy(() -> HouseholdMix.named("gas"))
                .hasMessage(
                        "unknown household mix 'gas'; one of default, electric-heating,"
                                + " cooling-heavy");
        assertThatThrownBy(() -> new HouseholdMix("odd", 0.7, 0.4, 0.1, 0.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double share(HouseholdProfile[] profiles, Predicate<HouseholdProfile> kind) {
        return Arrays.stream(profiles).filter(kind).count() / (double) profiles.length;
    }

    private static double meanDaytimeW(HouseholdProfile[] profiles) {
        return Arrays.stream(profiles).mapToDouble(HouseholdProfile::daytimeW).average().orElse(0);
    }
}
