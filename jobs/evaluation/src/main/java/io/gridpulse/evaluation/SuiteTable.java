package io.gridpulse.evaluation;

import io.gridpulse.schema.AnomalyType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The suite's verdict over its cells (each cell's seeds pooled in a {@link Tally}): per anomaly
 * type the minimum and median precision and recall over the cells and the cell where each is
 * lowest; per cell the false alerts per 1,000 clean household-days, as a grid of season x mix by
 * interval; the worst cells; and which cells miss the targets. Markdown, so that it can go into the
 * docs as it is.
 */
final class SuiteTable {

    /** How many of the worst cells the table lists. */
    static final int WORST = 5;

    private final SuiteGrid grid;
    private final Map<SuiteCell, Tally> cells;
    private final SuiteTargets targets;

    /**
     * @param cells every cell of the grid with its pooled counts
     */
    SuiteTable(SuiteGrid grid, Map<SuiteCell, Tally> cells, SuiteTargets targets) {
        this.grid = grid;
        this.cells = new LinkedHashMap<>();
        for (SuiteCell cell : grid.cells()) {
            Tally tally = cells.get(cell);
            if (tally == null) {
                throw new IllegalArgumentException("no counts for cell " + cell.label());
            }
            this.cells.put(cell, tally);
        }
        this.targets = targets;
    }

    /**
     * The lowest and the median of a measure over the cells, and the (first) cell of the lowest;
     * null if every cell has the same.
     */
    record Spread(double min, double median, SuiteCell worst) {

        String worstLabel() {
            return worst == null ? "-" : worst.label();
        }
    }

    Spread precision(AnomalyType type) {
        return spread(tally -> tally.row(type).precision());
    }

    Spread recall(AnomalyType type) {
        return spread(tally -> tally.row(type).recall());
    }

    private Spread spread(ToDoubleFunction<Tally> measure) {
        SuiteCell worst = null;
        double min = Double.POSITIVE_INFINITY;
        List<Double> values = new ArrayList<>();
        for (Map.Entry<SuiteCell, Tally> e : cells.entrySet()) {
            double value = measure.applyAsDouble(e.getValue());
            values.add(value);
            if (value < min) {
                min = value;
                worst = e.getKey();
            }
        }
        boolean allSame = values.stream().allMatch(v -> v.equals(values.get(0)));
        return new Spread(min, median(values), allSame ? null : worst);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** A cell's lowest precision or recall of any type, e.g. "SUSTAINED_HIGH precision 0.71". */
    record Weakest(AnomalyType type, String measure, double value) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %s %.2f", type, measure, value);
        }
    }

    static Weakest weakest(Tally tally) {
        Weakest weakest = null;
        for (AnomalyType type : AnomalyType.values()) {
            Scorecard.Row row = tally.row(type);
            if (weakest == null || row.precision() < weakest.value()) {
                weakest = new Weakest(type, "precision", row.precision());
            }
            if (row.recall() < weakest.value()) {
                weakest = new Weakest(type, "recall", row.recall());
            }
        }
        return weakest;
    }

    /**
     * The cells ranked worst first: by their lowest precision or recall of any type, then by their
     * false alerts.
     */
    List<SuiteCell> worstCells(int n) {
        Comparator<SuiteCell> order =
                Comparator.<SuiteCell>comparingDouble(cell -> weakest(cells.get(cell)).value())
                        .thenComparing(
                                Comparator.<SuiteCell>comparingDouble(
                                                cell ->
                                                        cells.get(cell)
                                                                .falseAlertsPer1000CleanDays())
                                        .reversed());
        return cells.keySet().stream().sorted(order).limit(n).toList();
    }

    /** What a cell misses of the targets, e.g. "SPIKE precision 0.85 < 0.90"; empty if nothing. */
    List<String> misses(SuiteCell cell) {
        Tally tally = cells.get(cell);
        List<String> misses = new ArrayList<>();
        for (AnomalyType type : AnomalyType.values()) {
            Scorecard.Row row = tally.row(type);
            if (row.precision() < targets.precision()) {
                misses.add(
                        format(
                                "%s precision %.2f < %.2f",
                                type, row.precision(), targets.precision()));
            }
            if (row.recall() < targets.recall()) {
                misses.add(format("%s recall %.2f < %.2f", type, row.recall(), targets.recall()));
            }
        }
        double falseAlerts = tally.falseAlertsPer1000CleanDays();
        if (falseAlerts > targets.falseAlertsPer1000()) {
            misses.add(
                    format(
                            "%.2f false alerts per 1,000 clean household-days > %.2f",
                            falseAlerts, targets.falseAlertsPer1000()));
        }
        return misses;
    }

    boolean targetsMet() {
        return cells.keySet().stream().allMatch(cell -> misses(cell).isEmpty());
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append(
                format(
                        "%d seeds x %d seasons x %d mixes x %d intervals = %d runs; %d cells (season"
                                + " x mix x interval), each pooling its seeds%n%n",
                        grid.seeds().size(),
                        grid.seasons().size(),
                        grid.mixes().size(),
                        grid.intervals().size(),
                        grid.runs(),
                        cells.size()));
        typeTable(out);
        falseAlertGrid(out);
        worstTable(out);
        verdict(out);
        return out.toString();
    }

    private void typeTable(StringBuilder out) {
        out.append(
                "| type | injected per cell | min precision | median precision | lowest precision in"
                        + " | min recall | median recall | lowest recall in |\n");
        out.append("|---|---:|---:|---:|---|---:|---:|---|\n");
        for (AnomalyType type : AnomalyType.values()) {
            Spread precision = precision(type);
            Spread recall = recall(type);
            out.append(
                    format(
                            "| %s | %s | %.2f | %.2f | %s | %.2f | %.2f | %s |%n",
                            type,
                            injectedPerCell(type),
                            precision.min(),
                            precision.median(),
                            precision.worstLabel(),
                            recall.min(),
                            recall.median(),
                            recall.worstLabel()));
        }
    }

    /** "20", or "18-20" when the cells differ. */
    private String injectedPerCell(AnomalyType type) {
        int min = cells.values().stream().mapToInt(t -> t.row(type).injected()).min().orElse(0);
        int max = cells.values().stream().mapToInt(t -> t.row(type).injected()).max().orElse(0);
        return min == max ? Integer.toString(min) : min + "-" + max;
    }

    private void falseAlertGrid(StringBuilder out) {
        out.append(
                "\nFalse alerts per 1,000 clean household-days, in brackets how many (clean"
                        + " household-days per cell: ");
        double minDays =
                cells.values().stream().mapToDouble(Tally::cleanHouseholdDays).min().orElse(0);
        double maxDays =
                cells.values().stream().mapToDouble(Tally::cleanHouseholdDays).max().orElse(0);
        out.append(
                minDays == maxDays
                        ? format("%.0f", minDays)
                        : format("%.0f-%.0f", minDays, maxDays));
        out.append("):\n\n| season | mix |");
        grid.intervals().forEach(interval -> out.append(' ').append(interval).append(" |"));
        out.append("\n|---|---|");
        grid.intervals().forEach(interval -> out.append("---:|"));
        out.append('\n');
        for (LocalDate season : grid.seasons()) {
            for (var mix : grid.mixes()) {
                out.append("| ").append(season).append(" | ").append(mix.name()).append(" |");
                for (Duration interval : grid.intervals()) {
                    Tally tally = cells.get(new SuiteCell(season, mix, interval));
                    out.append(
                            format(
                                    " %.2f (%d) |",
                                    tally.falseAlertsPer1000CleanDays(), tally.cleanFalseAlerts()));
                }
                out.append('\n');
            }
        }
    }

    private void worstTable(StringBuilder out) {
        out.append(
                format(
                        "%nThe %d worst cells (lowest precision or recall of any type, then false"
                                + " alerts):%n%n",
                        Math.min(WORST, cells.size())));
        out.append("| cell | lowest | false alerts per 1,000 clean household-days |\n");
        out.append("|---|---|---:|\n");
        for (SuiteCell cell : worstCells(WORST)) {
            Tally tally = cells.get(cell);
            out.append(
                    format(
                            "| %s | %s | %.2f |%n",
                            cell.label(), weakest(tally), tally.falseAlertsPer1000CleanDays()));
        }
    }

    private void verdict(StringBuilder out) {
        out.append(
                format(
                        "%nTargets: precision >= %.2f and recall >= %.2f per type in every cell, <="
                                + " %.2f false alerts per 1,000 clean household-days per cell: ",
                        targets.precision(), targets.recall(), targets.falseAlertsPer1000()));
        List<SuiteCell> missing =
                cells.keySet().stream().filter(cell -> !misses(cell).isEmpty()).toList();
        if (missing.isEmpty()) {
            out.append("all met\n");
            return;
        }
        out.append(format("missed in %d of %d cells%n", missing.size(), cells.size()));
        for (SuiteCell cell : missing) {
            out.append("- ")
                    .append(cell.label())
                    .append(": ")
                    .append(String.join("; ", misses(cell)))
                    .append('\n');
        }
    }

    private static String format(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
