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

    @Test
    void shouldSayWhenTheInjectedSustainedHighsAreShorterThanTheDetectorNeeds() {
        Instant start = Instant.parse("2026-01-11T22:00:00Z");

        assertThat(setup(start, Map.of()).limits()).isEmpty();
        assertThat(setup(start, Map.of("anomaly.sustained.min-duration", "5 h")).limits())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("from 240 min", "(300 min)");
        assertThat(
                        new RunSetup(
                                        setup(start, Map.of()).simulation(),
                                        2,
                                        Duration.ofDays(21),
                                        1,
                                        0.5,
                                        false,
                                        true,
                                        Map.of())
                                .limits())
                .containsExactly(
                        "Limit: the SUSTAINED_HIGH loads injected here last from 120 min"
                                + " (--anomaly-duration 0.5), a detected one at least"
                                + " anomaly.sustained.min-duration (240 min): the shorter ones cannot"
                                + " be found and count as missed.",
                        "Limit: the FEEDER_OUTAGEs injected here last from 30 min (--anomaly-duration"
                                + " 0.5), a meter is silent after anomaly.silent-after (60 min): the"
                                + " shorter ones cannot be found and count as missed.");
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
