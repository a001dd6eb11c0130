package io.gridpulse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.schema.AnomalyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A tiny suite end to end: 2 seeds x 1 season x 1 mix x quarter-hourly readings, 24 households for
 * 3 weeks (2 of warm-up), each run simulated and sent through production's dataflow in its own
 * MiniCluster, pooled and tabled. Checks that every type is injected and scored with plausible
 * figures, not the detectors' quality (AnomalyEvaluationITCase holds that bar).
 */
class AnomalySuiteITCase {

    @TempDir static Path workDir;

    private static AnomalySuite suite;
    private static Map<SuiteCell, Tally> cells;
    private static SuiteTable table;

    @BeforeAll
    static void run() throws Exception {
        suite = new AnomalySuite();
        new CommandLine(suite)
                .parseArgs(
                        "--seeds",
                        "1..2",
                        "--seasons",
                        "2026-04-13",
                        "--mixes",
                        "electric-heating",
                        "--intervals",
                        "PT15M",
                        "--duration",
                        "P21D",
                        "--warm-up",
                        "P14D",
                        "--work-dir",
                        workDir.toString());
        SuiteGrid grid = suite.grid();
        try (SuiteCsv csv = new SuiteCsv(workDir.resolve(SuiteCsv.FILE))) {
            cells =
                    new SuiteRunner(
                                    grid,
                                    suite::setup,
                                    setup -> EvaluationRun.run(setup, workDir, System.err).card(),
                                    System.err)
                            .run(csv);
        }
        table = new SuiteTable(grid, cells, SuiteTargets.DEFAULT);
        System.out.println(table.render());
    }

    @Test
    void shouldPoolBothSeedsOfTheOneCell() throws Exception {
        assertThat(cells).hasSize(1);
        Tally cell = cells.values().iterator().next();
        for (AnomalyType type : AnomalyType.values()) {
            int perRun = type == AnomalyType.FEEDER_OUTAGE ? 1 : 2;
            assertThat(cell.row(type).injected()).as(type.name()).isEqualTo(2 * perRun);
        }
        // 8 clean households (24, less 12 with an anomaly and 4 on the cut feeder) x 7 days x 2
        assertThat(cell.cleanHouseholdDays()).isEqualTo(112.0);
        assertThat(Files.readAllLines(workDir.resolve(SuiteCsv.FILE)))
                .hasSize(1 + 2 * AnomalyType.values().length);
    }

    @Test
    void shouldScoreEveryTypeWithPlausibleFigures() {
        String rendered = table.render();
        for (AnomalyType type : AnomalyType.values()) {
            assertThat(rendered).contains("| " + type + " | ");
            assertThat(table.precision(type).min()).as(type + " precision").isBetween(0.0, 1.0);
            assertThat(table.recall(type).min()).as(type + " recall").isBetween(0.0, 1.0);
        }
        // Outages and silent meters are clear-cut whatever the detectors' tuning.
        assertThat(table.recall(AnomalyType.FEEDER_OUTAGE).min()).isEqualTo(1.0);
        assertThat(table.recall(AnomalyType.METER_SILENT).min()).isGreaterThanOrEqualTo(0.75);
        assertThat(rendered).contains("| 2026-04-13 | electric-heating |");
    }
}
