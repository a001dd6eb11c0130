package io.gridpulse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.schema.AnomalyType;
import io.gridpulse.simulator.HouseholdMix;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The runner's order, pooling and CSV with a fake evaluator; the command's usage errors. */
class SuiteRunnerTest {

    @TempDir Path dir;

    @Test
    void shouldRunEverySeedOfEveryCellPoolAndWriteEachRunsCounts() throws Exception {
        SuiteGrid grid =
                new SuiteGrid(
                        List.of(1L, 2L, 3L),
                        List.of(LocalDate.of(2026, 1, 12)),
                        List.of(HouseholdMix.DEFAULT, HouseholdMix.COOLING_HEAVY),
                        List.of(Duration.ofMinutes(5)));
        List<String> runs = new ArrayList<>();
        Path csvFile = dir.resolve(SuiteCsv.FILE);
        Map<SuiteCell, Tally> cells;
        // Every run: one SPIKE injected and found; seed 2 also a false SPIKE on a clean meter.
        int[] seed = {0};
        SuiteRunner faked =
                new SuiteRunner(
                        grid,
                        (cell, s) -> {
                            runs.add(cell.mix().name() + " " + s);
                            seed[0] = (int) s;
                            return null;
                        },
                        setup -> card(seed[0] == 2),
                        new PrintStream(OutputStream.nullOutputStream()));
        try (SuiteCsv csv = new SuiteCsv(csvFile)) {
            cells = faked.run(csv);
        }

        assertThat(runs)
                .containsExactly(
                        "default 1",
                        "default 2",
                        "default 3",
                        "cooling-heavy 1",
                        "cooling-heavy 2",
                        "cooling-heavy 3");
        Tally pooled = cells.get(grid.cells().get(0));
        assertThat(pooled.row(AnomalyType.SPIKE)).isEqualTo(new Scorecard.Row(3, 4, 3, 0, 3));
        assertThat(pooled.cleanFalseAlerts()).isEqualTo(1);
        assertThat(pooled.cleanHouseholdDays()).isEqualTo(300);
        List<String> lines = Files.readAllLines(csvFile);
        assertThat(lines).hasSize(1 + 6 * AnomalyType.values().length);
        assertThat(lines.get(0)).isEqualTo(SuiteCsv.HEADER);
        assertThat(lines)
                .contains("2,2026-01-12,default,PT5M,SPIKE,1,1,0,2,0,1,1,100.000,1")
                .contains("3,2026-01-12,cooling-heavy,PT5M,VOLTAGE,0,0,0,0,0,0,0,100.000,0");
    }

    @Test
    void shouldExitWith2ForBadOptions() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        for (String[] args :
                List.of(
                        new String[] {"--seeds", "ten"},
                        new String[] {"--mixes", "default,nope"},
                        new String[] {"--intervals", "PT1M", "--duration", "P2D"},
                        new String[] {"--noise", "9"})) {
            CommandLine command =
                    new CommandLine(new AnomalySuite()).setErr(new PrintWriter(quiet));
            assertThat(command.execute(args)).as(String.join(" ", args)).isEqualTo(2);
        }
    }

    /** One SPIKE injected and found on m1; a second SPIKE on clean m9 if asked. */
    private static Scorecard card(boolean falseAlert) {
        List<Labelled> injected = List.of(new Labelled(AnomalyType.SPIKE, "m1", "F1", 0, 900_000));
        List<io.gridpulse.schema.Anomaly> events = new ArrayList<>();
        events.add(ScorecardTest.event(AnomalyType.SPIKE, "m1", "F1", 0, 900_000L));
        if (falseAlert) {
            events.add(ScorecardTest.event(AnomalyType.SPIKE, "m9", "F1", 9_000_000, 9_900_000L));
        }
        return new Scorecard(injected, events, Set.of("m9"), 100);
    }
}
