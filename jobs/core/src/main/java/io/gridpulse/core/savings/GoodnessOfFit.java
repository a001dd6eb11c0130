package io.gridpulse.core.savings;

import java.util.List;

/**
 * Measures a model's fit over the days it was fitted to and returns it with its statistics filled
 * in. The definitions are those documented on {@link BaselineModel}.
 */
final class GoodnessOfFit {

    private GoodnessOfFit() {}

    /** {@code days} are the fitted days in date order, each with usage and temperature. */
    static BaselineModel measure(BaselineModel model, List<DailyObservation> days) {
        int n = days.size();
        int p = model.parameterCount();
        double[] residuals = new double[n];
        double usageSum = 0;
        for (int i = 0; i < n; i++) {
            DailyObservation day = days.get(i);
            residuals[i] = day.usage() - model.predict(day);
            usageSum += day.usage();
        }
        double mean = usageSum / n;
        double residualSquares = 0;
        double residualSum = 0;
        double totalSquares = 0;
        for (int i = 0; i < n; i++) {
            residualSquares += residuals[i] * residuals[i];
            residualSum += residuals[i];
            double deviation = days.get(i).usage() - mean;
            totalSquares += deviation * deviation;
        }
        double freedom = n - p;
        double adjustedRSquared =
                model.kind() == BaselineModel.Kind.INTERCEPT_ONLY
                        ? 0.0
                        : adjustedRSquared(residualSquares, totalSquares, n, p);
        double cvRmse = freedom > 0 ? Math.sqrt(residualSquares / freedom) / mean : Double.NaN;
        double nmbe = freedom > 0 ? residualSum / (freedom * mean) : Double.NaN;
        return new BaselineModel(
                model.kind(),
                model.intercept(),
                model.heatingCoefficient(),
                model.heatingBalancePointF(),
                model.coolingCoefficient(),
                model.coolingBalancePointF(),
                adjustedRSquared,
                cvRmse,
                nmbe,
                n,
                lagOneAutocorrelation(residuals, days));
    }

    private static double adjustedRSquared(
            double residualSquares, double totalSquares, int n, int p) {
        if (n - p <= 0) {
            return Double.NaN;
        }
        // Usage that never varies leaves nothing to explain: score 0, so no degree-day model beats
        // intercept-only.
        double rSquared = totalSquares > 0 ? 1.0 - residualSquares / totalSquares : 0.0;
        return 1.0 - (1.0 - rSquared) * (n - 1) / (n - p);
    }

    /**
     * Lag-1 autocorrelation of the residuals: sum over consecutive calendar days of (e_t - ē)(e_t-1
     * - ē), divided by the sum of (e_t - ē)² over all days. A missing day breaks the chain instead
     * of pairing days a gap apart.
     */
    private static double lagOneAutocorrelation(double[] residuals, List<DailyObservation> days) {
        double mean = LeastSquares.mean(residuals);
        double variance = 0;
        double covariance = 0;
        int pairs = 0;
        for (int i = 0; i < residuals.length; i++) {
            double deviation = residuals[i] - mean;
            variance += deviation * deviation;
            if (i > 0 && days.get(i - 1).date().plusDays(1).equals(days.get(i).date())) {
                covariance += deviation * (residuals[i - 1] - mean);
                pairs++;
            }
        }
        // A perfect fit or a single day has no meaningful correlation; 0 leaves the uncertainty
        // undiscounted.
        return pairs == 0 || !(variance > 0) ? 0.0 : covariance / variance;
    }
}
