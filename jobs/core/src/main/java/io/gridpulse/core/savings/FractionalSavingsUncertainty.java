package io.gridpulse.core.savings;

/**
 * The fractional savings uncertainty of ASHRAE Guideline 14 (Annex B), as CalTRACK uses it for
 * daily models:
 *
 * <pre>
 * FSU = t * 1.26 * CV(RMSE) * sqrt( (n / n') * (1 + 2/n) * (1/m) ) / F
 * </pre>
 *
 * n = baseline observations fitted (days of a daily model, hours of an hourly one); n' = n (1 -
 * rho)/(1 + rho), the effective number of independent observations given the lag-1 autocorrelation
 * rho of the baseline residuals; m = reporting observations of the same kind; F = savings fraction
 * (avoided / predicted); t = Student's t critical value at {@value #CONFIDENCE} two-sided
 * confidence with n - p degrees of freedom (p fitted coefficients), computed exactly by {@link
 * StudentT}. 1.26 is Guideline 14's empirical correction for the approximation. The result is a
 * fraction of the savings, taken positive (F enters as |F|, so a negative saving has an uncertainty
 * too): 0.2 means ±20% of the avoided energy at 90% confidence.
 */
public final class FractionalSavingsUncertainty {

    public static final double CONFIDENCE = 0.90;
    private static final double GUIDELINE_14_CORRECTION = 1.26;

    private FractionalSavingsUncertainty() {}

    /**
     * NaN when undefined (no reporting days, no residual degrees of freedom); infinite when F = 0
     * (no savings).
     */
    public static double of(DayModel model, int reportingDays, double savingsFraction) {
        int n = model.fittedObservations();
        int m = reportingDays * model.observationsPerDay();
        int freedom = n - model.parameterCount();
        if (reportingDays < 1 || freedom < 1 || !Double.isFinite(model.cvRmse())) {
            return Double.NaN;
        }
        double rho = model.residualAutocorrelation();
        // n/n' = (1 + rho)/(1 - rho); rho >= 1 would leave no independent days: unbounded
        // uncertainty.
        double independenceFactor = rho < 1 ? (1 + rho) / (1 - rho) : Double.POSITIVE_INFINITY;
        double t = StudentT.criticalValue(CONFIDENCE, freedom);
        return t
                * GUIDELINE_14_CORRECTION
                * model.cvRmse()
                * Math.sqrt(independenceFactor * (1 + 2.0 / n) / m)
                / Math.abs(savingsFraction);
    }
}
