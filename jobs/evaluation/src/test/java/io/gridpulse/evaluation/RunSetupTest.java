package io.gridpulse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.core.vee.ReadingRules;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.testkit.TestReadings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** The pipeline's reading rules accept the whole simulated time, wherever it lies from today. */
class RunSetupTest {

    private static final Instant TODAY = Instant.parse("2026-12-05T01:15:00Z");

    @Test
    void shouldAcceptReadingsOfASeasonSimulatedAheadOfTheWallClock() {
        Instant start = Instant.parse("2026-11-29T22:00:00Z");
        Configuration config = setup(start, Map.of()).pipelineConfig(TODAY);

        ReadingRules rules = ReadingRules.from(config);

        assertThat(rules.check(reading(start.plus(Duration.ofDays(35))), TODAY.toEpochMilli()))
                .isNull();
        assertThat(rules.check(reading(start.plus(Duration.ofDays(36))), TODAY.toEpochMilli()))
                .as("a reading stamped after the simulated time still has a wrong clock")
                .isNotNull();
    }

    @Test
    void shouldAcceptReadingsOfASeasonSimulatedBeyondTheRetentionHorizon() {
        Instant start = Instant.parse("2011-01-09T22:00:00Z");
        Configuration config = setup(start, Map.of()).pipelineConfig(TODAY);

        assertThat(ReadingRules.from(config).check(reading(start), TODAY.toEpochMilli())).isNull();
    }

    @Test
    void shouldKeepTheRulesAsTheyAreForASeasonInThePastAndLetOptionsOverrideThem() {
        Instant start = Instant.parse("2026-01-11T22:00:00Z");

        assertThat(setup(start, Map.of()).pipelineConfig(TODAY).toMap())
                .doesNotContainKeys("vee.max-future", "vee.max-age");
        assertThat(setup(start, Map.of("vee.max-future", "1 min")).pipelineConfig(TODAY).toMap())
                .containsEntry("vee.max-future", "1 min");
    }

    private static RunSetup setup(Instant start, Map<String, String> options) {
        SimulationConfig simulation =
                SimulationConfig.defaults()
                        .withStart(start)
                        .withDuration(Duration.ofDays(35))
                        .withInterval(Duration.ofMinutes(15));
        return new RunSetup(simulation, 2, Duration.ofDays(21), 1, 1, false, true, options);
    }

    private static MeterReading reading(Instant time) {
        return TestReadings.reading("M000001", "D01-F01", "D01", time, 12_345, 800);
    }
}
