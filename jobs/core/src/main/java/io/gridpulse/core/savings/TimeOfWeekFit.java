package io.gridpulse.core.savings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fits a {@link TimeOfWeekModel} to a household's baseline hours (the days' {@code hourlyUsage}
 * with each hour's temperature), as CalTRACK 2.0 does for one segment:
 *
 * <ol>
 *   <li>temperature bins at CalTRACK's knots, thin bins joined ({@link TemperatureBins});
 *   <li>occupancy: a first fit of use on heating degrees below 50 °F and cooling degrees above 65
 *       °F; an hour of the week whose use lies above that fit in more than {@value #OCCUPIED_SHARE}
 *       of its hours is occupied (someone is home using energy);
 *   <li>least squares of use on the 168 hour-of-week indicators and the bin features, with separate
 *       slopes for occupied and unoccupied hours.
 * </ol>
 *
 * Hours without usage or without their own temperature are not fitted.
 */
public final class TimeOfWeekFit {

    static final double OCCUPIED_SHARE = 0.65;
    static final double OCCUPANCY_HEATING_F = 50;
    static final double OCCUPANCY_COOLING_F = 65;

    private TimeOfWeekFit() {}

    /** The baseline's fitted hours, in time order. */
    record Hours(
            int[] hourOfWeek, double[] temperatureF, double[] usage, boolean[] followsPrevious) {

        int size() {
            return usage.length;
        }
    }

    /** The model, or empty when the days carry no hour that can be fitted. */
    public static Optional<TimeOfWeekModel> fit(List<DailyObservation> days) {
        Hours hours = hoursOf(days);
        if (hours.size() == 0) {
            return Optional.empty();
        }
        TemperatureBins bins = TemperatureBins.forBaseline(hours.temperatureF());
        boolean[] occupied = occupancy(hours);
        int nb = bins.count();
        int columns = TimeOfWeekModel.HOURS_OF_WEEK + 2 * nb;
        NormalEquations equations = new NormalEquations(columns);
        int[] index = new int[1 + nb];
        double[] values = new double[1 + nb];
        double[] features = new double[nb];
        for (int i = 0; i < hours.size(); i++) {
            int how = hours.hourOfWeek()[i];
            bins.features(hours.temperatureF()[i], features);
            int slopes = TimeOfWeekModel.HOURS_OF_WEEK + (occupied[how] ? 0 : nb);
            index[0] = how;
            values[0] = 1;
            for (int b = 0; b < nb; b++) {
                index[1 + b] = slopes + b;
                values[1 + b] = features[b];
            }
            equations.add(index, values, 1 + nb, hours.usage()[i]);
        }
        double[] solution = equations.solve();
        double[] intercepts = java.util.Arrays.copyOf(solution, TimeOfWeekModel.HOURS_OF_WEEK);
        double[] occupiedSlopes =
                java.util.Arrays.copyOfRange(
                        solution,
                        TimeOfWeekModel.HOURS_OF_WEEK,
                        TimeOfWeekModel.HOURS_OF_WEEK + nb);
        double[] unoccupiedSlopes =
                java.util.Arrays.copyOfRange(solution, TimeOfWeekModel.HOURS_OF_WEEK + nb, columns);
        int parameters = 0;
        for (double coefficient : solution) {
            parameters += Double.isNaN(coefficient) ? 0 : 1;
        }
        TimeOfWeekModel unmeasured =
                new TimeOfWeekModel(
                        bins,
                        intercepts,
                        occupied,
                        occupiedSlopes,
                        unoccupiedSlopes,
                        parameters,
                        hours.size(),
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        0);
        return Optional.of(measured(unmeasured, hours));
    }

    /** Every hour of the days with both usage and its own temperature. */
    static Hours hoursOf(List<DailyObservation> days) {
        int n = 0;
        for (DailyObservation day : days) {
            for (int h = 0; h < hoursWithBoth(day); h++) {
                n += fittable(day, h) ? 1 : 0;
            }
        }
        int[] hourOfWeek = new int[n];
        double[] temperature = new double[n];
        double[] use = new double[n];
        boolean[] followsPrevious = new boolean[n];
        int i = 0;
        for (DailyObservation day : days) {
            boolean previousFitted = false;
            for (int h = 0; h < hoursWithBoth(day); h++) {
                if (fittable(day, h)) {
                    hourOfWeek[i] = TimeOfWeekModel.hourOfWeek(day.date(), h);
                    temperature[i] = day.hourlyTemperaturesF()[h];
                    use[i] = day.hourlyUsage()[h];
                    followsPrevious[i] = previousFitted;
                    i++;
                }
                previousFitted = fittable(day, h);
            }
        }
        return new Hours(hourOfWeek, temperature, use, followsPrevious);
    }

    /** Hours of the day that may carry both usage and temperature (0 without either array). */
    private static int hoursWithBoth(DailyObservation day) {
        return day.hourlyUsage() == null || day.hourlyTemperaturesF() == null
                ? 0
                : Math.min(day.hourlyUsage().length, day.hourlyTemperaturesF().length);
    }

    private static boolean fittable(DailyObservation day, int hour) {
        return Double.isFinite(day.hourlyUsage()[hour])
                && Double.isFinite(day.hourlyTemperaturesF()[hour]);
    }

    /**
     * Occupied hours of the week: use above a degree-hour fit in more than {@value #OCCUPIED_SHARE}
     * of that hour's observations.
     */
    static boolean[] occupancy(Hours hours) {
        int n = hours.size();
        double[] heating = new double[n];
        double[] cooling = new double[n];
        for (int i = 0; i < n; i++) {
            heating[i] = DegreeDays.heating(OCCUPANCY_HEATING_F, hours.temperatureF()[i]);
            cooling[i] = DegreeDays.cooling(OCCUPANCY_COOLING_F, hours.temperatureF()[i]);
        }
        double[] fitted = degreeHourFit(hours.usage(), heating, cooling);
        int[] above = new int[TimeOfWeekModel.HOURS_OF_WEEK];
        int[] seen = new int[TimeOfWeekModel.HOURS_OF_WEEK];
        for (int i = 0; i < n; i++) {
            int how = hours.hourOfWeek()[i];
            seen[how]++;
            above[how] += hours.usage()[i] > fitted[i] ? 1 : 0;
        }
        boolean[] occupied = new boolean[TimeOfWeekModel.HOURS_OF_WEEK];
        for (int how = 0; how < occupied.length; how++) {
            occupied[how] = seen[how] > 0 && above[how] > OCCUPIED_SHARE * seen[how];
        }
        return occupied;
    }

    /**
     * Fitted values of use on the degree hours that vary in these data (a climate without cold or
     * without heat leaves one out; without either, the mean).
     */
    private static double[] degreeHourFit(double[] usage, double[] heating, double[] cooling) {
        List<double[]> regressors = new ArrayList<>();
        for (double[] column : List.of(heating, cooling)) {
            if (LeastSquares.fit(usage, column).isPresent()) {
                regressors.add(column);
            }
        }
        double[] coefficients =
                LeastSquares.fit(usage, regressors.toArray(double[][]::new))
                        .orElseGet(() -> new double[] {LeastSquares.mean(usage)});
        double[] fitted = new double[usage.length];
        for (int i = 0; i < usage.length; i++) {
            fitted[i] = coefficients[0];
            for (int r = 0; r < regressors.size() && r + 1 < coefficients.length; r++) {
                fitted[i] += coefficients[r + 1] * regressors.get(r)[i];
            }
        }
        return fitted;
    }

    /** The model with its goodness of fit over the fitted hours. */
    private static TimeOfWeekModel measured(TimeOfWeekModel model, Hours hours) {
        int n = hours.size();
        int p = model.parameterCount();
        double mean = LeastSquares.mean(hours.usage());
        double residualSquares = 0;
        double totalSquares = 0;
        double residualSum = 0;
        double lagProducts = 0;
        double pairs = 0;
        double previous = Double.NaN;
        double[] residuals = new double[n];
        for (int i = 0; i < n; i++) {
            double e =
                    hours.usage()[i]
                            - model.predictHour(hours.hourOfWeek()[i], hours.temperatureF()[i]);
            residuals[i] = e;
            residualSquares += e * e;
            residualSum += e;
            double d = hours.usage()[i] - mean;
            totalSquares += d * d;
        }
        double residualMean = residualSum / n;
        double centredSquares = 0;
        for (int i = 0; i < n; i++) {
            double e = residuals[i] - residualMean;
            centredSquares += e * e;
            if (hours.followsPrevious()[i] && !Double.isNaN(previous)) {
                lagProducts += e * previous;
                pairs++;
            }
            previous = e;
        }
        double rho = pairs > 0 && centredSquares > 0 ? lagProducts / centredSquares : 0;
        int freedom = n - p;
        double rSquared = totalSquares > 0 ? 1 - residualSquares / totalSquares : 0;
        double adjusted = freedom > 0 ? 1 - (1 - rSquared) * (n - 1) / freedom : Double.NaN;
        double cvRmse =
                freedom > 0 && mean > 0 ? Math.sqrt(residualSquares / freedom) / mean : Double.NaN;
        double nmbe = freedom > 0 && mean > 0 ? residualSum / (freedom * mean) : Double.NaN;
        return new TimeOfWeekModel(
                model.bins(),
                model.hourOfWeekIntercepts(),
                model.occupied(),
                model.occupiedSlopes(),
                model.unoccupiedSlopes(),
                p,
                n,
                adjusted,
                cvRmse,
                nmbe,
                rho);
    }
}
