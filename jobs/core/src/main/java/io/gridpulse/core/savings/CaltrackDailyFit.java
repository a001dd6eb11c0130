package io.gridpulse.core.savings;

import io.gridpulse.core.savings.BaselineModel.Kind;
import java.util.Comparator;
import java.util.List;

/**
 * Fits the CalTRACK daily baseline model: ordinary least squares of daily use against heating
 * and/or cooling degree days, searching the balance points over a grid, and keeps the best
 * candidate by adjusted R².
 *
 * <p>Candidates: intercept-only; heating-only for every grid point; cooling-only for every grid
 * point; heating and cooling for every pair with heating balance point at most the cooling one. A
 * degree-day candidate qualifies only if each of its degree-day coefficients is strictly positive
 * (use that falls as it gets colder, or warmer, is not a heating or cooling load) and each of its
 * degree-day kinds is sufficient in the baseline: at least {@value #MIN_DAYS_WITH_DEGREE_DAYS} days
 * with non-zero degree days and at least {@value #MIN_TOTAL_DEGREE_DAYS} degree days in total (else
 * a slope is fitted to a handful of days). Intercept-only always qualifies with adjusted R² 0. Ties
 * go to the simpler model and then the lower balance point: candidates are tried in that order and
 * only one better by more than {@value #TIE_TOLERANCE} (rounding, for data a model fits exactly)
 * replaces the best.
 *
 * <p>Degree days are each day's own ({@link DailyObservation#heatingDegreeDays}): degree hours for
 * days that carry their hourly temperatures, CalTRACK's daily-mean degree days otherwise.
 *
 * <p>Days that are missing or have no temperature are left out. Zero usage is taken as real; for
 * electricity, where CalTRACK treats it as missing, mark such days missing before fitting.
 */
public final class CaltrackDailyFit {

    public static final int MIN_DAYS_WITH_DEGREE_DAYS = 10;
    public static final double MIN_TOTAL_DEGREE_DAYS = 20;

    public static final double TIE_TOLERANCE = 1e-12;

    private static final double NaN = Double.NaN;

    private final List<DailyObservation> days;
    private final double[] usage;
    private BaselineModel best;

    private CaltrackDailyFit(List<DailyObservation> days) {
        this.days = days;
        this.usage = days.stream().mapToDouble(DailyObservation::usage).toArray();
    }

    /** Fits over CalTRACK's default grid of balance points, 30..90 °F in steps of 1 °F. */
    public static BaselineModel fit(List<DailyObservation> baseline) {
        return fit(baseline, BalancePointGrid.CALTRACK);
    }

    /**
     * @throws IllegalArgumentException if no baseline day has both usage and temperature
     */
    public static BaselineModel fit(List<DailyObservation> baseline, BalancePointGrid grid) {
        List<DailyObservation> days =
                baseline.stream()
                        .filter(DailyObservation::hasUsageAndTemperature)
                        .sorted(Comparator.comparing(DailyObservation::date))
                        .toList();
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no baseline day has both usage and temperature");
        }
        return new CaltrackDailyFit(days).search(grid.points());
    }

    private BaselineModel search(double[] balancePoints) {
        // A column stays null where its degree days are insufficient: no candidate may use that
        // balance point.
        double[][] heating = new double[balancePoints.length][];
        double[][] cooling = new double[balancePoints.length][];
        for (int i = 0; i < balancePoints.length; i++) {
            heating[i] = sufficientOrNull(degreeDays(balancePoints[i], true));
            cooling[i] = sufficientOrNull(degreeDays(balancePoints[i], false));
        }
        best =
                GoodnessOfFit.measure(
                        model(Kind.INTERCEPT_ONLY, LeastSquares.mean(usage), NaN, NaN, NaN, NaN),
                        days);
        for (int h = 0; h < balancePoints.length; h++) {
            if (heating[h] != null) {
                double bp = balancePoints[h];
                LeastSquares.fit(usage, heating[h])
                        .ifPresent(
                                b -> consider(model(Kind.HEATING_ONLY, b[0], b[1], bp, NaN, NaN)));
            }
        }
        for (int c = 0; c < balancePoints.length; c++) {
            if (cooling[c] != null) {
                double bp = balancePoints[c];
                LeastSquares.fit(usage, cooling[c])
                        .ifPresent(
                                b -> consider(model(Kind.COOLING_ONLY, b[0], NaN, NaN, b[1], bp)));
            }
        }
        for (int h = 0; h < balancePoints.length; h++) {
            for (int c = h; c < balancePoints.length; c++) {
                if (heating[h] != null && cooling[c] != null) {
                    double heatingBp = balancePoints[h];
                    double coolingBp = balancePoints[c];
                    LeastSquares.fit(usage, heating[h], cooling[c])
                            .ifPresent(
                                    b ->
                                            consider(
                                                    model(
                                                            Kind.HEATING_AND_COOLING,
                                                            b[0],
                                                            b[1],
                                                            heatingBp,
                                                            b[2],
                                                            coolingBp)));
                }
            }
        }
        return best;
    }

    private static BaselineModel model(
            Kind kind,
            double intercept,
            double heatingCoefficient,
            double heatingBp,
            double coolingCoefficient,
            double coolingBp) {
        return new BaselineModel(
                kind,
                intercept,
                heatingCoefficient,
                heatingBp,
                coolingCoefficient,
                coolingBp,
                NaN,
                NaN,
                NaN,
                0,
                NaN);
    }

    private void consider(BaselineModel candidate) {
        boolean heatingPositive =
                !candidate.kind().hasHeating() || candidate.heatingCoefficient() > 0;
        boolean coolingPositive =
                !candidate.kind().hasCooling() || candidate.coolingCoefficient() > 0;
        if (!heatingPositive || !coolingPositive) {
            return;
        }
        BaselineModel measured = GoodnessOfFit.measure(candidate, days);
        if (measured.adjustedRSquared() > best.adjustedRSquared() + TIE_TOLERANCE) {
            best = measured;
        }
    }

    private double[] degreeDays(double balancePointF, boolean heating) {
        double[] column = new double[days.size()];
        for (int i = 0; i < column.length; i++) {
            DailyObservation day = days.get(i);
            column[i] =
                    heating
                            ? day.heatingDegreeDays(balancePointF)
                            : day.coolingDegreeDays(balancePointF);
        }
        return column;
    }

    /**
     * The column if it has enough degree days to carry a slope (CalTRACK's degree-day sufficiency),
     * else null.
     */
    private static double[] sufficientOrNull(double[] degreeDays) {
        int nonZeroDays = 0;
        double total = 0;
        for (double value : degreeDays) {
            if (value > 0) {
                nonZeroDays++;
                total += value;
            }
        }
        return nonZeroDays >= MIN_DAYS_WITH_DEGREE_DAYS && total >= MIN_TOTAL_DEGREE_DAYS
                ? degreeDays
                : null;
    }
}
