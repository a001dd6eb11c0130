package io.gridpulse.core.savings;

import java.util.Optional;

/**
 * Ordinary least squares with an intercept for the few regressors a baseline model has (up to two).
 * The data are centred before forming the normal equations, so a large intercept does not cost
 * precision in the slopes.
 */
final class LeastSquares {

    /**
     * Relative size below which a pivot means the regressors are (nearly) collinear or constant.
     */
    private static final double SINGULAR = 1e-10;

    private LeastSquares() {}

    /**
     * Fits {@code y = b0 + b1 x1 + ...}; each regressor is a column as long as {@code y}. Returns
     * the coefficients, intercept first, or empty when the regressors do not determine them (a
     * constant or collinear column).
     */
    static Optional<double[]> fit(double[] y, double[]... regressors) {
        int n = y.length;
        int k = regressors.length;
        double yMean = mean(y);
        double[] xMeans = new double[k];
        for (int j = 0; j < k; j++) {
            xMeans[j] = mean(regressors[j]);
        }
        // Normal equations of the centred problem: (X'X) b = X'y, k x k with the right-hand side as
        // column k.
        double[][] system = new double[k][k + 1];
        for (int i = 0; i < n; i++) {
            double dy = y[i] - yMean;
            for (int r = 0; r < k; r++) {
                double dr = regressors[r][i] - xMeans[r];
                for (int c = 0; c < k; c++) {
                    system[r][c] += dr * (regressors[c][i] - xMeans[c]);
                }
                system[r][k] += dr * dy;
            }
        }
        Optional<double[]> slopes = solve(system);
        if (slopes.isEmpty()) {
            return Optional.empty();
        }
        double[] coefficients = new double[k + 1];
        coefficients[0] = yMean;
        for (int j = 0; j < k; j++) {
            coefficients[j + 1] = slopes.get()[j];
            coefficients[0] -= slopes.get()[j] * xMeans[j];
        }
        return Optional.of(coefficients);
    }

    /**
     * Gaussian elimination with partial pivoting on an augmented k x (k+1) matrix (changed in
     * place).
     */
    private static Optional<double[]> solve(double[][] augmented) {
        int k = augmented.length;
        double scale = 0;
        for (int i = 0; i < k; i++) {
            scale = Math.max(scale, Math.abs(augmented[i][i]));
        }
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int row = col + 1; row < k; row++) {
                if (Math.abs(augmented[row][col]) > Math.abs(augmented[pivot][col])) {
                    pivot = row;
                }
            }
            if (!(Math.abs(augmented[pivot][col]) > SINGULAR * scale)) {
                return Optional.empty();
            }
            double[] swap = augmented[col];
            augmented[col] = augmented[pivot];
            augmented[pivot] = swap;
            for (int row = col + 1; row < k; row++) {
                double factor = augmented[row][col] / augmented[col][col];
                for (int c = col; c <= k; c++) {
                    augmented[row][c] -= factor * augmented[col][c];
                }
            }
        }
        double[] solution = new double[k];
        for (int row = k - 1; row >= 0; row--) {
            double sum = augmented[row][k];
            for (int c = row + 1; c < k; c++) {
                sum -= augmented[row][c] * solution[c];
            }
            solution[row] = sum / augmented[row][row];
        }
        return Optional.of(solution);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }
}
