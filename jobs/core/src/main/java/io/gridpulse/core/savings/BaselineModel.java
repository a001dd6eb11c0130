package io.gridpulse.core.savings;

import java.util.Locale;

/**
 * A household's baseline daily use as a function of the day's mean outdoor temperature T (°F):
 *
 * <pre>
 * usage = intercept + heatingCoefficient * HDD(heatingBalancePointF, T)
 *                   + coolingCoefficient * CDD(coolingBalancePointF, T)
 * </pre>
 *
 * with the heating or cooling term absent (its coefficient and balance point NaN) when the {@link
 * Kind} lacks it.
 *
 * <p>Goodness of fit over the {@code baselineDays} fitted days, with p = {@link #parameterCount()}
 * fitted coefficients including the intercept (balance points chosen by the grid search are not
 * counted, as in CalTRACK), residual e = actual - predicted and mean the mean actual daily use:
 *
 * <ul>
 *   <li>{@code adjustedRSquared} = 1 - (1 - R²)(n - 1)/(n - p), R² = 1 - SSres/SStot; defined as 0
 *       for the intercept-only model. (The same as 1 - (1-R²)(n-1)/(n-k-1) with k = p - 1
 *       regressors.)
 *   <li>{@code cvRmse} = sqrt(SSres / (n - p)) / mean.
 *   <li>{@code nmbe} = sum(e) / ((n - p) mean); close to 0 for a least-squares fit with an
 *       intercept.
 *   <li>{@code residualAutocorrelation}: lag-1 autocorrelation rho of the residuals in date order,
 *       over pairs of consecutive calendar days (a gap breaks the chain); 0 when it cannot be
 *       computed. It is what {@link FractionalSavingsUncertainty} needs to discount autocorrelated
 *       days.
 * </ul>
 */
public record BaselineModel(
        Kind kind,
        double intercept,
        double heatingCoefficient,
        double heatingBalancePointF,
        double coolingCoefficient,
        double coolingBalancePointF,
        double adjustedRSquared,
        double cvRmse,
        double nmbe,
        int baselineDays,
        double residualAutocorrelation) {

    public enum Kind {
        INTERCEPT_ONLY(false, false),
        HEATING_ONLY(true, false),
        COOLING_ONLY(false, true),
        HEATING_AND_COOLING(true, true);

        private final boolean heating;
        private final boolean cooling;

        Kind(boolean heating, boolean cooling) {
            this.heating = heating;
            this.cooling = cooling;
        }

        public boolean hasHeating() {
            return heating;
        }

        public boolean hasCooling() {
            return cooling;
        }

        /** Fitted coefficients including the intercept. */
        public int parameterCount() {
            return 1 + (heating ? 1 : 0) + (cooling ? 1 : 0);
        }
    }

    /**
     * Predicted use of a day: from its degree hours when its hourly temperatures are known, else
     * from its mean temperature.
     */
    public double predict(DailyObservation day) {
        double usage = intercept;
        if (kind.hasHeating()) {
            usage += heatingCoefficient * day.heatingDegreeDays(heatingBalancePointF);
        }
        if (kind.hasCooling()) {
            usage += coolingCoefficient * day.coolingDegreeDays(coolingBalancePointF);
        }
        return usage;
    }

    /** Predicted use of a day with the given mean temperature (°F). */
    public double predict(double temperatureF) {
        double usage = intercept;
        if (kind.hasHeating()) {
            usage += heatingCoefficient * DegreeDays.heating(heatingBalancePointF, temperatureF);
        }
        if (kind.hasCooling()) {
            usage += coolingCoefficient * DegreeDays.cooling(coolingBalancePointF, temperatureF);
        }
        return usage;
    }

    public int parameterCount() {
        return kind.parameterCount();
    }

    /**
     * One line for logs and reports, e.g. {@code HEATING_ONLY: 0.68 + 0.117*HDD(60°F); adj R² 0.93,
     * ...}.
     */
    public String describe() {
        StringBuilder formula =
                new StringBuilder(String.format(Locale.ROOT, "%s: %.4g", kind, intercept));
        if (kind.hasHeating()) {
            formula.append(
                    String.format(
                            Locale.ROOT,
                            " + %.4g*HDD(%.4g°F)",
                            heatingCoefficient,
                            heatingBalancePointF));
        }
        if (kind.hasCooling()) {
            formula.append(
                    String.format(
                            Locale.ROOT,
                            " + %.4g*CDD(%.4g°F)",
                            coolingCoefficient,
                            coolingBalancePointF));
        }
        return formula.append(
                        String.format(
                                Locale.ROOT,
                                "; adj R² %.4f, CV(RMSE) %.4f, NMBE %.2g, n %d, rho %.3f",
                                adjustedRSquared,
                                cvRmse,
                                nmbe,
                                baselineDays,
                                residualAutocorrelation))
                .toString();
    }
}
