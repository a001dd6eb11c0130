package io.gridpulse.core.savings;

/** Degree days of one day from its mean temperature, against a balance point (both in °F). */
public final class DegreeDays {

    private DegreeDays() {}

    /**
     * Heating degree days: how far the day's mean temperature fell below the balance point, 0 if it
     * did not.
     */
    public static double heating(double balancePointF, double meanTemperatureF) {
        return Math.max(0.0, balancePointF - meanTemperatureF);
    }

    /**
     * Cooling degree days: how far the day's mean temperature rose above the balance point, 0 if it
     * did not.
     */
    public static double cooling(double balancePointF, double meanTemperatureF) {
        return Math.max(0.0, meanTemperatureF - balancePointF);
    }
}
