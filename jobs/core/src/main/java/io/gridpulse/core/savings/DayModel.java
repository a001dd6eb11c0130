package io.gridpulse.core.savings;

/**
 * A fitted baseline that predicts a day's use from the day's weather, whatever it fits: days
 * ({@link DegreeDayModel}) or hours ({@link TimeOfWeekModel}). Its goodness of fit is measured on
 * what it fits, which is what Guideline 14's uncertainty needs ({@link
 * FractionalSavingsUncertainty}).
 */
public interface DayModel {

    /** Predicted use of the day; NaN when the day's weather cannot be predicted from. */
    double predict(DailyObservation day);

    /** Which of the competing methods this is. */
    BaselineMethod method();

    /** The method in words, for reports. */
    String methodDescription();

    /** Fitted coefficients. */
    int parameterCount();

    /** Observations fitted (days or hours). */
    int fittedObservations();

    /** Observations per day of what the model fits: 1 for days, 24 for hours. */
    int observationsPerDay();

    double adjustedRSquared();

    /** CV(RMSE) of the fit over its observations. */
    double cvRmse();

    double nmbe();

    /** Lag-1 autocorrelation of the fit's residuals over consecutive observations. */
    double residualAutocorrelation();

    /** One line for logs and reports. */
    String describe();
}
