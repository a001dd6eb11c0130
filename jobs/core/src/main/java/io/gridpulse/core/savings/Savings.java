package io.gridpulse.core.savings;

import java.util.List;
import java.util.Locale;

/**
 * Weather-normalised savings over a reporting period (IPMVP Option C, "avoided energy use"): what
 * the baseline model predicts under the reporting period's weather, minus what was used. Only
 * reporting days with both usage and temperature count.
 *
 * @param reportingDays m, the reporting days counted
 * @param predicted sum of the model's prediction over those days (the counterfactual)
 * @param actual sum of their usage
 * @param avoided predicted - actual; positive is savings
 * @param savingsFraction avoided / predicted
 * @param fractionalSavingsUncertainty ASHRAE Guideline 14 FSU at 90% confidence, see {@link
 *     FractionalSavingsUncertainty}; NaN when undefined
 * @param absoluteUncertainty FSU * |avoided|: the ± in energy units on {@code avoided}
 */
public record Savings(
        int reportingDays,
        double predicted,
        double actual,
        double avoided,
        double savingsFraction,
        double fractionalSavingsUncertainty,
        double absoluteUncertainty) {

    /**
     * Over the reporting days the model can predict (both usage and temperature known, and a finite
     * prediction).
     */
    public static Savings over(DayModel model, List<DailyObservation> reporting) {
        int days = 0;
        double predicted = 0;
        double actual = 0;
        for (DailyObservation day : reporting) {
            double prediction = day.hasUsageAndTemperature() ? model.predict(day) : Double.NaN;
            if (Double.isFinite(prediction)) {
                days++;
                predicted += prediction;
                actual += day.usage();
            }
        }
        double avoided = predicted - actual;
        double fraction = days > 0 ? avoided / predicted : Double.NaN;
        double fsu = FractionalSavingsUncertainty.of(model, days, fraction);
        return new Savings(
                days, predicted, actual, avoided, fraction, fsu, fsu * Math.abs(avoided));
    }

    public String describe() {
        return String.format(
                Locale.ROOT,
                "%d days: predicted %.2f, actual %.2f, avoided %.2f (%.2f%%) ± %.2f (FSU %.1f%% at 90%%)",
                reportingDays,
                predicted,
                actual,
                avoided,
                100 * savingsFraction,
                absoluteUncertainty,
                100 * fractionalSavingsUncertainty);
    }
}
