package io.gridpulse.evaluation;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the suite: every seed of every cell, one run after the other in this JVM (each through the
 * production dataflow in its own MiniCluster), writing each run's counts to the CSV and pooling
 * them per cell.
 */
final class SuiteRunner {

    /** The run of a cell and seed. */
    interface Setups {
        RunSetup of(SuiteCell cell, long seed);
    }

    /** Scores a run (the real one simulates and detects; tests fake it). */
    interface Evaluator {
        Scorecard evaluate(RunSetup setup) throws Exception;
    }

    private final SuiteGrid grid;
    private final Setups setups;
    private final Evaluator evaluator;
    private final PrintStream log;

    SuiteRunner(SuiteGrid grid, Setups setups, Evaluator evaluator, PrintStream log) {
        this.grid = grid;
        this.setups = setups;
        this.evaluator = evaluator;
        this.log = log;
    }

    /** Each cell's counts pooled over its seeds, in the grid's order. */
    Map<SuiteCell, Tally> run(SuiteCsv csv) throws Exception {
        Map<SuiteCell, Tally> cells = new LinkedHashMap<>();
        Map<Duration, Long> nanosPerInterval = new LinkedHashMap<>();
        long suiteStart = System.nanoTime();
        int done = 0;
        for (SuiteCell cell : grid.cells()) {
            Tally pooled = Tally.EMPTY;
            for (long seed : grid.seeds()) {
                long t0 = System.nanoTime();
                Tally run = Tally.of(evaluator.evaluate(setups.of(cell, seed)));
                long nanos = System.nanoTime() - t0;
                nanosPerInterval.merge(cell.interval(), nanos, Long::sum);
                csv.write(cell, seed, run);
                pooled = pooled.plus(run);
                done++;
                log.printf(
                        Locale.ROOT,
                        "suite run %d/%d: %s seed %d in %.1f s (%.0f s so far)%n",
                        done,
                        grid.runs(),
                        cell.label(),
                        seed,
                        nanos / 1e9,
                        (System.nanoTime() - suiteStart) / 1e9);
            }
            cells.put(cell, pooled);
        }
        logTimes(nanosPerInterval, (System.nanoTime() - suiteStart) / 1e9);
        return cells;
    }

    private void logTimes(Map<Duration, Long> nanosPerInterval, double totalSeconds) {
        int runsPerInterval = grid.runs() / grid.intervals().size();
        List<String> perInterval =
                nanosPerInterval.entrySet().stream()
                        .map(
                                e ->
                                        String.format(
                                                Locale.ROOT,
                                                "%s %.1f s",
                                                e.getKey(),
                                                e.getValue() / 1e9 / runsPerInterval))
                        .toList();
        log.printf(
                Locale.ROOT,
                "suite: %d runs in %.0f s; mean per run: %s%n",
                grid.runs(),
                totalSeconds,
                String.join(", ", perInterval));
    }
}
