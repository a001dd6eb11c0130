package io.gridpulse.core.savings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * CalTRACK 2.0's hourly model, time-of-week and temperature (TOWT), fitted on a household's hours:
 *
 * <pre>
 * use(hour) = alpha[hour of week] + sum over bins b of beta[occupancy(hour of week)][b] * feature_b(T)
 * </pre>
 *
 * with one intercept per hour of the week (168, Monday 00:00 first), the temperature features of
 * {@link TemperatureBins} and a set of temperature slopes for the occupied and for the unoccupied
 * hours of the week ({@link TimeOfWeekFit} says how each hour is classed). A day's prediction is
 * the sum over its hours, each hour at its own temperature (the day's mean where the hour's is
 * unknown). The hour of the week is the day's weekday and the hour since local midnight, so on the
 * two days of clock changes the later hours are off by one.
 *
 * <p>One model for the whole baseline year: CalTRACK fits one per month on a weighted window of
 * three months; a single segment is the option it keeps for baselines that do not change with the
 * season, and it is what a live job can hold per meter. Goodness of fit is over the fitted hours.
 */
public record TimeOfWeekModel(
        TemperatureBins bins,
        double[] hourOfWeekIntercepts,
        boolean[] occupied,
        double[] occupiedSlopes,
        double[] unoccupiedSlopes,
        int parameterCount,
        int fittedObservations,
        double adjustedRSquared,
        double cvRmse,
        double nmbe,
        double residualAutocorrelation)
        implements DayModel {

    public static final int HOURS_OF_WEEK = 168;

    public TimeOfWeekModel {
        Objects.requireNonNull(bins, "bins");
        if (hourOfWeekIntercepts.length != HOURS_OF_WEEK || occupied.length != HOURS_OF_WEEK) {
            throw new IllegalArgumentException("a time-of-week model has 168 hours of the week");
        }
        if (occupiedSlopes.length != bins.count() || unoccupiedSlopes.length != bins.count()) {
            throw new IllegalArgumentException("one temperature slope per bin");
        }
    }

    /** Monday 00:00 is 0; hours past 23 (the day the clocks go back) count as 23. */
    public static int hourOfWeek(java.time.LocalDate date, int hourSinceMidnight) {
        return (date.getDayOfWeek().getValue() - 1) * 24 + Math.min(hourSinceMidnight, 23);
    }

    /** Predicted use of one hour; NaN when that hour of the week was never seen. */
    public double predictHour(int hourOfWeek, double temperatureF) {
        double[] slopes = occupied[hourOfWeek] ? occupiedSlopes : unoccupiedSlopes;
        double use = hourOfWeekIntercepts[hourOfWeek];
        for (int b = 0; b < slopes.length; b++) {
            double feature = bins.feature(b, temperatureF);
            if (feature != 0) {
                use += (Double.isNaN(slopes[b]) ? 0 : slopes[b]) * feature;
            }
        }
        return use;
    }

    @Override
    public double predict(DailyObservation day) {
        int hours = hoursOf(day);
        double sum = 0;
        for (int h = 0; h < hours; h++) {
            sum += predictHour(hourOfWeek(day.date(), h), day.temperatureAtHourF(h));
        }
        return sum;
    }

    /** A day's hours: as many as its hourly arrays say (23 or 25 on clock changes), else 24. */
    private static int hoursOf(DailyObservation day) {
        if (day.hasHourlyUsage()) {
            return day.hourlyUsage().length;
        }
        return day.hasHourlyTemperatures() ? day.hourlyTemperaturesF().length : 24;
    }

    @Override
    public BaselineMethod method() {
        return BaselineMethod.TIME_OF_WEEK;
    }

    @Override
    public String methodDescription() {
        return "hourly time-of-week and temperature model";
    }

    @Override
    public int observationsPerDay() {
        return 24;
    }

    public int occupiedHours() {
        int count = 0;
        for (boolean hour : occupied) {
            count += hour ? 1 : 0;
        }
        return count;
    }

    @Override
    public String describe() {
        return String.format(
                Locale.ROOT,
                "TIME_OF_WEEK: 168 hourly intercepts, %d temperature bins (knots %s °F), %d of 168"
                        + " hours occupied; hourly adj R² %.4f, CV(RMSE) %.4f, NMBE %.2g, n %d, rho %.3f",
                bins.count(),
                Arrays.toString(bins.knotsF()),
                occupiedHours(),
                adjustedRSquared,
                cvRmse,
                nmbe,
                fittedObservations,
                residualAutocorrelation);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimeOfWeekModel that
                && bins.equals(that.bins)
                && Arrays.equals(hourOfWeekIntercepts, that.hourOfWeekIntercepts)
                && Arrays.equals(occupied, that.occupied)
                && Arrays.equals(occupiedSlopes, that.occupiedSlopes)
                && Arrays.equals(unoccupiedSlopes, that.unoccupiedSlopes)
                && parameterCount == that.parameterCount
                && fittedObservations == that.fittedObservations;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                bins,
                Arrays.hashCode(hourOfWeekIntercepts),
                Arrays.hashCode(occupied),
                fittedObservations);
    }

    @Override
    public String toString() {
        return describe();
    }
}
