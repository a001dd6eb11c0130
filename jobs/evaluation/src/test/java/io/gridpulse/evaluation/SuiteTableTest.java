package io.gridpulse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.schema.AnomalyType;
import io.gridpulse.simulator.HouseholdMix;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pooling per cell and the suite's table, on made-up counts. */
class SuiteTableTest {

    private static final LocalDate WINTER = LocalDate.of(2026, 1, 12);
    private static final LocalDate SUMMER = LocalDate.of(2026, 7, 13);
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration QUARTER = Duration.ofMinutes(15);

    /** 2 seasons x 1 mix x 2 intervals = 4 cells. */
    private static final SuiteGrid GRID =
            new SuiteGrid(
                    List.of(1L, 2L),
                    List.of(WINTER, SUMMER),
                    List.of(HouseholdMix.DEFAULT),
                    List.of(MINUTE, QUARTER));

    @Test
    void shouldPoolTheSeedsOfACellBySummingTheirCounts() {
        Tally seed1 = tally(new Scorecard.Row(10, 10, 9, 0, 9), 1, 500);
        Tally seed2 = tally(new Scorecard.Row(10, 12, 10, 1, 10), 0, 700);

        Tally cell = Tally.EMPTY.plus(seed1).plus(seed2);

        assertThat(cell.row(AnomalyType.SPIKE)).isEqualTo(new Scorecard.Row(20, 22, 19, 1, 19));
        // judged by the scorecard's rules: 19 of the 21 not explained, 19 of 20 injected
        assertThat(cell.row(AnomalyType.SPIKE).precision()).isCloseTo(19 / 21.0, within(1e-12));
        assertThat(cell.row(AnomalyType.SPIKE).recall()).isEqualTo(0.95);
        assertThat(cell.row(AnomalyType.SPIKE).falsePositives()).isEqualTo(2);
        assertThat(cell.row(AnomalyType.SPIKE).falseNegatives()).isEqualTo(1);
        assertThat(cell.cleanFalseAlerts()).isEqualTo(1);
        assertThat(cell.cleanHouseholdDays()).isEqualTo(1200);
        assertThat(cell.falseAlertsPer1000CleanDays()).isCloseTo(1000 / 1200.0, within(1e-12));
    }

    @Test
    void shouldGiveMinimumMedianAndWorstCellPerType() {
        SuiteTable table = new SuiteTable(GRID, cells(0.5, 0.9, 1.0, 0.8), SuiteTargets.DEFAULT);

        SuiteTable.Spread precision = table.precision(AnomalyType.SPIKE);
        assertThat(precision.min()).isEqualTo(0.5);
        assertThat(precision.median()).isCloseTo(0.85, within(1e-12)); // (0.8 + 0.9) / 2
        assertThat(precision.worst())
                .isEqualTo(new SuiteCell(WINTER, HouseholdMix.DEFAULT, MINUTE));
        assertThat(table.recall(AnomalyType.SPIKE).min()).isEqualTo(1.0);
        assertThat(SuiteTable.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    }

    @Test
    void shouldRankTheWorstCellsByTheirLowestMeasureThenFalseAlerts() {
        Map<SuiteCell, Tally> cells = cells(1.0, 0.9, 1.0, 0.6);
        SuiteCell noisy = new SuiteCell(SUMMER, HouseholdMix.DEFAULT, MINUTE);
        cells.put(noisy, cells.get(noisy).plus(tally(new Scorecard.Row(0, 0, 0, 0, 0), 5, 0)));

        List<SuiteCell> worst = new SuiteTable(GRID, cells, SuiteTargets.DEFAULT).worstCells(3);

        assertThat(worst)
                .containsExactly(
                        new SuiteCell(SUMMER, HouseholdMix.DEFAULT, QUARTER), // precision 0.6
                        new SuiteCell(WINTER, HouseholdMix.DEFAULT, QUARTER), // precision 0.9
                        noisy); // 1.0, with false alerts, before the quiet winter minute cell
    }

    @Test
    void shouldMissTheTargetsWhenOneCellFallsShort() {
        assertThat(
                        new SuiteTable(GRID, cells(1.0, 0.9, 1.0, 0.95), SuiteTargets.DEFAULT)
                                .targetsMet())
                .isTrue();
        SuiteTable short1 = new SuiteTable(GRID, cells(1.0, 0.85, 1.0, 0.95), SuiteTargets.DEFAULT);
        assertThat(short1.targetsMet()).isFalse();
        assertThat(short1.misses(new SuiteCell(WINTER, HouseholdMix.DEFAULT, QUARTER)))
                .containsExactly("SPIKE precision 0.85 < 0.90");

        Map<SuiteCell, Tally> noisy = cells(1.0, 1.0, 1.0, 1.0);
        SuiteCell cell = new SuiteCell(SUMMER, HouseholdMix.DEFAULT, QUARTER);
        noisy.put(cell, noisy.get(cell).plus(tally(new Scorecard.Row(0, 0, 0, 0, 0), 2, 0)));
        SuiteTable falseAlerts = new SuiteTable(GRID, noisy, SuiteTargets.DEFAULT);
        assertThat(falseAlerts.targetsMet()).isFalse();
        assertThat(falseAlerts.misses(cell))
                .containsExactly("2.00 false alerts per 1,000 clean household-days > 1.00");
        assertThat(new SuiteTable(GRID, noisy, new SuiteTargets(0.9, 0.9, 2.0)).targetsMet())
                .isTrue();
    }

    @Test
    void shouldRenderEveryTypeTheFalseAlertGridAndTheVerdict() {
        String table =
                new SuiteTable(GRID, cells(0.5, 0.9, 1.0, 0.8), SuiteTargets.DEFAULT).render();

        for (AnomalyType type : AnomalyType.values()) {
            assertThat(table).contains("| " + type + " | ");
        }
        assertThat(table)
                .contains("2 seeds x 2 seasons x 1 mixes x 2 intervals = 8 runs; 4 cells")
                .contains("| SPIKE | 20 | 0.50 | 0.85 | 2026-01-12 default PT1M |")
                .contains("| season | mix | PT1M | PT15M |")
                .contains("| 2026-07-13 | default | 0.00 (0) | 0.00 (0) |")
                .contains("| 2026-01-12 default PT1M | SPIKE precision 0.50 | 0.00 |")
                .contains("| VOLTAGE | 0 | 1.00 | 1.00 | - | 1.00 | 1.00 | - |")
                .contains("missed in 2 of 4 cells");
    }

    /**
     * The four cells in grid order (winter minute, winter quarter, summer minute, summer quarter),
     * each with 20 SPIKEs found at the given precision and all detected, 1,000 clean household-days
     * without false alerts; the other types clean.
     */
    private static Map<SuiteCell, Tally> cells(double... spikePrecision) {
        Map<SuiteCell, Tally> cells = new LinkedHashMap<>();
        List<SuiteCell> order = GRID.cells();
        for (int i = 0; i < order.size(); i++) {
            int truePositives = (int) Math.round(20 * spikePrecision[i]);
            cells.put(
                    order.get(i), tally(new Scorecard.Row(20, 20, truePositives, 0, 20), 0, 1000));
        }
        return cells;
    }

    private static Tally tally(Scorecard.Row spikes, int falseAlerts, double cleanDays) {
        Map<AnomalyType, Scorecard.Row> rows = new EnumMap<>(AnomalyType.class);
        rows.put(AnomalyType.SPIKE, spikes);
        return new Tally(rows, falseAlerts, cleanDays);
    }
}
