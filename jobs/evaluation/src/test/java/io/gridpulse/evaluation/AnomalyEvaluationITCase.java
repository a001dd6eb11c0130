package io.gridpulse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.schema.AnomalyType;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The anomaly evaluation end to end on a small simulation (100 households, 4 weeks of
 * quarter-hourly readings, 2 weeks of warm-up): simulator with labelled anomalies -> the energy
 * pipeline in a MiniCluster -> scorecard. The bars are what the detectors reach here today (see the
 * README's table for the default evaluation); a change that makes detection worse fails it.
 */
class AnomalyEvaluationITCase {

    /**
     * Types whose detection does not depend on telling an extra load from the household's own
     * habits.
     */
    private static final Set<AnomalyType> CLEAR_CUT =
            EnumSet.of(
                    AnomalyType.ZERO_CONSUMPTION,
                    AnomalyType.METER_SILENT,
                    AnomalyType.FEEDER_OUTAGE,
                    AnomalyType.VOLTAGE,
                    AnomalyType.HIGH_BASE_LOAD);

    @TempDir static Path workDir;

    private static Scorecard card;

    @BeforeAll
    static void evaluate() throws Exception {
        AnomalyEvaluation evaluation = new AnomalyEvaluation();
        new CommandLine(evaluation)
                .parseArgs(
                        "--households",
                        "100",
                        "--feeders",
                        "6",
                        "--districts",
                        "2",
                        "--duration",
                        "P28D",
                        "--warm-up",
                        "P14D",
                        "--interval",
                        "PT15M",
                        "--work-dir",
                        workDir.toString());
        card = evaluation.evaluate();
        System.out.println(card.table());
    }

    @Test
    void shouldInjectEveryType() {
        for (AnomalyType type : AnomalyType.values()) {
            assertThat(card.row(type).injected()).as(type.name()).isPositive();
        }
    }

    @Test
    void shouldFindEveryClearCutAnomalyAndNothingElseOfThoseTypes() {
        for (AnomalyType type : CLEAR_CUT) {
            assertThat(card.row(type).recall()).as(type + " recall").isGreaterThanOrEqualTo(0.9);
            assertThat(card.row(type).precision())
                    .as(type + " precision")
                    .isGreaterThanOrEqualTo(0.9);
        }
    }

    @Test
    void shouldFindMostSpikesAndSustainedHighs() {
        assertThat(card.row(AnomalyType.SPIKE).recall()).isGreaterThanOrEqualTo(0.9);
        assertThat(card.row(AnomalyType.SPIKE).precision()).isGreaterThanOrEqualTo(0.6);
        assertThat(card.row(AnomalyType.SUSTAINED_HIGH).recall()).isGreaterThanOrEqualTo(0.6);
        assertThat(card.row(AnomalyType.SUSTAINED_HIGH).precision()).isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void shouldRaiseFewFalseAlertsOnCleanHouseholds() {
        assertThat(card.cleanHouseholdDays()).isGreaterThan(500);
        assertThat(card.falseAlertsPer1000CleanDays()).isLessThanOrEqualTo(2.0);
    }
}
