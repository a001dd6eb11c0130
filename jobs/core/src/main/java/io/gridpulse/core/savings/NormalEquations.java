package io.gridpulse.core.savings;

import java.util.Arrays;

/**
 * Least squares for a model with many sparse columns (an hourly model's 168 hour-of-week indicators
 * and its temperature slopes): rows are added one at a time as their non-zero entries, X'X and X'y
 * accumulate, and the system is solved by Cholesky. A column no row touched gets NaN (nothing
 * determines it); a tiny ridge keeps columns that are collinear in the data (a bin's feature
 * constant over a group of hours) from breaking the factorisation, at a bias far below the data's
 * precision.
 */
final class NormalEquations {

    private static final double RIDGE = 1e-9;

    private final int columns;
    private final double[][] xtx;
    private final double[] xty;

    NormalEquations(int columns) {
        this.columns = columns;
        this.xtx = new double[columns][columns];
        this.xty = new double[columns];
    }

    /** Adds a row: value {@code y}, entries {@code values[i]} in columns {@code index[i]}. */
    void add(int[] index, double[] values, int entries, double y) {
        for (int a = 0; a < entries; a++) {
            double va = values[a];
            if (va == 0) {
                continue;
            }
            xty[index[a]] += va * y;
            for (int b = 0; b < entries; b++) {
                xtx[index[a]][index[b]] += va * values[b];
            }
        }
    }

    /** The coefficients, NaN for a column without data. */
    double[] solve() {
        boolean[] used = new boolean[columns];
        double scale = 0;
        int n = 0;
        for (int c = 0; c < columns; c++) {
            used[c] = xtx[c][c] > 0;
            if (used[c]) {
                scale += xtx[c][c];
                n++;
            }
        }
        double[] solution = new double[columns];
        Arrays.fill(solution, Double.NaN);
        if (n == 0) {
            return solution;
        }
        int[] map = new int[n];
        for (int c = 0, k = 0; c < columns; c++) {
            if (used[c]) {
                map[k++] = c;
            }
        }
        double ridge = RIDGE * scale / n;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = xtx[map[i]][map[j]] + (i == j ? ridge : 0);
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(sum, ridge)) : sum / l[j][j];
            }
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = xty[map[i]];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * z[k];
            }
            z[i] = sum / l[i][i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * solution[map[k]];
            }
            solution[map[i]] = sum / l[i][i];
        }
        return solution;
    }
}
