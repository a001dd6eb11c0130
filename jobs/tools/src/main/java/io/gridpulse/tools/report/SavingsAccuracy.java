package io.gridpulse.tools.report;

import io.gridpulse.simulator.savings.SavingsTruth;
import io.gridpulse.simulator.savings.SavingsTruthCsv;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.util.ParameterTool;

/**
 * How close the savings estimates came to the simulator's ground truth, over the cells of {@code
 * scripts/evaluate-savings} (one simulated run each: a seed, a climate, a household mix): per cell
 * and district the true savings ({@code savings-truth.csv}), the estimate ({@code savings.csv}),
 * the error in points, the estimate's own uncertainty and how many of its households chose each
 * model (degree days from the daily mean, from the hours, the hourly time-of-week model); then the
 * worst error and whether every estimate is within the tolerance. Exits 1 when one is not, or a
 * district has no estimate.
 *
 * <p>Usage: {@code SavingsAccuracy --cells FILE [--tolerance-points 0.5]}, FILE holding a line per
 * cell: its label, truth directory and results directory, separated by tabs.
 */
public final class SavingsAccuracy {

    private static final String ROW = "%-34s %-8s %8s %10s %9s %11s  %-16s  %s%n";

    /** A simulated run: what it is called, where its ground truth and its estimates are. */
    record Cell(String label, Path truthDir, Path resultsDir) {}

    private SavingsAccuracy() {}

    public static void main(String[] args) throws IOException {
        ParameterTool params = ParameterTool.fromArgs(args);
        List<Cell> cells = new ArrayList<>();
        for (String line :
                Files.readAllLines(Path.of(params.getRequired("cells")), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            cells.add(new Cell(f[0], Path.of(f[1]), Path.of(f[2])));
        }
        boolean within = print(System.out, cells, params.getDouble("tolerance-points", 0.5));
        System.exit(within ? 0 : 1);
    }

    /** Prints the table; whether every district of every cell is within the tolerance. */
    static boolean print(PrintStream out, List<Cell> cells, double tolerancePoints)
            throws IOException {
        out.printf(
                Locale.ROOT,
                ROW,
                "cell",
                "district",
                "truth %",
                "estimate %",
                "error pts",
                "+/- pts 90%",
                "models mean/hours/tow",
                "within +/-" + points(tolerancePoints));
        int districts = 0;
        int within = 0;
        double worst = 0;
        String worstWhere = "";
        for (Cell cell : cells) {
            Map<String, DistrictEstimate> estimated =
                    DistrictEstimate.read(cell.resultsDir().resolve("savings.csv"));
            for (SavingsTruth truth : SavingsTruthCsv.read(cell.truthDir())) {
                districts++;
                DistrictEstimate e = estimated.get(truth.districtId());
                if (e == null) {
                    out.printf(
                            Locale.ROOT,
                            ROW,
                            cell.label(),
                            truth.districtId(),
                            percent(truth.savingsFraction()),
                            "none",
                            "",
                            "",
                            "",
                            "NO ESTIMATE");
                    continue;
                }
                double error = 100 * (e.savingsFraction() - truth.savingsFraction());
                boolean ok = Math.abs(error) <= tolerancePoints;
                if (ok) {
                    within++;
                }
                if (Math.abs(error) >= worst) {
                    worst = Math.abs(error);
                    worstWhere = cell.label() + ", " + truth.districtId();
                }
                out.printf(
                        Locale.ROOT,
                        ROW,
                        cell.label(),
                        truth.districtId(),
                        percent(truth.savingsFraction()),
                        percent(e.savingsFraction()),
                        String.format(Locale.ROOT, "%+.2f", error),
                        points(e.uncertaintyPoints()),
                        e.methodCounts(),
                        ok ? "yes" : "NO");
            }
        }
        out.printf(
                Locale.ROOT,
                "Worst absolute error: %s points (%s).%n",
                points(worst),
                worstWhere.isEmpty() ? "no estimates" : worstWhere);
        out.printf(
                Locale.ROOT,
                "Every estimate within +/-%s points of the truth: %s (%d of %d district estimates"
                        + " within).%n",
                points(tolerancePoints),
                districts > 0 && within == districts ? "yes" : "NO",
                within,
                districts);
        return districts > 0 && within == districts;
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f", 100 * fraction);
    }

    private static String points(double points) {
        return String.format(Locale.ROOT, "%.2f", points);
    }
}
