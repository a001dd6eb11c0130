package io.gridpulse.simulator.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.schema.MeterReading;
import io.gridpulse.simulator.CollectingSink;
import io.gridpulse.simulator.GroundTruth;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgrammedReductionTest {

    /** 12 households in 2 districts, two days of hourly readings from Monday 12 January 2026. */
    private static final SimulationConfig RUN =
            SimulationConfig.defaults()
                    .withHouseholds(12)
                    .withFeeders(4)
                    .withDistricts(2)
                    .withDuration(Duration.ofDays(2))
                    .withInterval(Duration.ofHours(1));

    private static final Instant SECOND_DAY = Instant.parse("2026-01-12T22:00:00Z");

    @Test
    void shouldMeasureEachDistrictsSavingsOnTheEnergiesTheMetersCounted() {
        ProgrammedReduction reduction = new ProgrammedReduction(0.2, SECOND_DAY, Set.of("D01"));
        GroundTruth truth = new Simulation(RUN).run(new CollectingSink(), reduction);
        GroundTruth without = new Simulation(RUN).run(new CollectingSink());

        List<SavingsTruth> savings = reduction.truth();

        assertThat(savings).extracting(SavingsTruth::districtId).containsExactly("D01", "D02");
        for (SavingsTruth s : savings) {
            assertThat(s.from()).isEqualTo(SECOND_DAY);
            assertThat(s.to()).isEqualTo(RUN.end());
            assertThat(s.withKwh()).isEqualTo(sinceSecondDay(truth, s.districtId()), within(1e-9));
            assertThat(s.withoutKwh())
                    .isEqualTo(sinceSecondDay(without, s.districtId()), within(1e-9));
        }
        // Each reading rounds to the meter resolution, so the reduced district saves 20% up to
        // that rounding.
        assertThat(savings.get(0).programmedFraction()).isEqualTo(0.2);
        assertThat(savings.get(0).savingsFraction()).isCloseTo(0.2, within(1e-6));
        assertThat(savings.get(1).programmedFraction()).isZero();
        assertThat(savings.get(1).savingsFraction()).isZero();
    }

    @Test
    void shouldLeaveTheHouseholdsOutsideTheProgrammeAsTheyWere() {
        CollectingSink reduced = new CollectingSink();
        CollectingSink plain = new CollectingSink();
        new Simulation(RUN).run(reduced, new ProgrammedReduction(0.2, SECOND_DAY, Set.of("D01")));
        new Simulation(RUN).run(plain);

        assertThat(inDistrict(reduced.readings(), "D02"))
                .isEqualTo(inDistrict(plain.readings(), "D02"));
        assertThat(inDistrict(reduced.readings(), "D01"))
                .isNotEqualTo(inDistrict(plain.readings(), "D01"));
    }

    @Test
    void shouldReadBackTheTruthItWrote(@TempDir Path dir) {
        ProgrammedReduction reduction = new ProgrammedReduction(0.15, SECOND_DAY, Set.of());
        new Simulation(RUN).run(new CollectingSink(), reduction);

        SavingsTruthCsv.write(reduction.truth(), dir);

        assertThat(SavingsTruthCsv.read(dir)).isEqualTo(reduction.truth());
    }

    @Test
    void shouldHaveNoTruthWhenTheRunEndsBeforeTheProgramme() {
        ProgrammedReduction reduction =
                new ProgrammedReduction(0.15, RUN.end().plusSeconds(3600), Set.of());
        new Simulation(RUN).run(new CollectingSink(), reduction);

        assertThat(reduction.truth()).isEmpty();
    }

    private static double sinceSecondDay(GroundTruth truth, String district) {
        return truth.hourStarts().stream()
                .filter(hour -> !hour.isBefore(SECOND_DAY))
                .mapToDouble(hour -> truth.districtHourKwh(district, hour))
                .sum();
    }

    private static List<MeterReading> inDistrict(List<MeterReading> readings, String district) {
        return readings.stream().filter(r -> r.getDistrictId().equals(district)).toList();
    }
}
