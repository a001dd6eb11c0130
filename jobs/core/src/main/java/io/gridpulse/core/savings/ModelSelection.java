package io.gridpulse.core.savings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Chooses a household's baseline model by out-of-sample error rather than by how well it fits the
 * days it was fitted to. Candidates: the CalTRACK daily model with degree days from the daily mean
 * temperature; when the baseline days carry hourly temperatures, the same model with degree days
 * from the hours; when they carry hourly use too, CalTRACK's hourly time-of-week and temperature
 * model ({@link TimeOfWeekFit}). Each is cross-validated over held-out weeks: the baseline's
 * calendar weeks are dealt into {@value #FOLDS} folds (week i into fold i mod {@value #FOLDS}), the
 * model is fitted without one fold and predicts the days of it, in turn for every fold; its error
 * is the CV(RMSE) of those daily predictions, sqrt(mean squared error) / mean daily use, so models
 * of days and of hours are judged on the same days. Whole weeks are held out so that a held-out
 * day's neighbours (same weather spell) are not in the fit. A candidate replaces the one chosen so
 * far (CalTRACK's daily model first) only when clearly better ({@link #clearlyBetter}).
 */
public final class ModelSelection {

    public static final int FOLDS = 5;

    /**
     * Share of the baseline's usable days that must carry hourly temperatures (and, for the hourly
     * model, hourly use) for a candidate that needs them to compete.
     */
    static final double MIN_HOURLY_SHARE = 0.9;

    /** One candidate: the model fitted to the whole baseline and its held-out error. */
    public record Candidate(DayModel model, double heldOutCvRmse) {

        /** Savings over the reporting days. */
        public Savings savings(List<DailyObservation> reporting) {
            return Savings.over(model, reporting);
        }
    }

    /** The chosen candidate and every candidate, the chosen one first. */
    public record Choice(Candidate chosen, List<Candidate> candidates) {}

    private ModelSelection() {}

    /**
     * @throws IllegalArgumentException if no baseline day has both usage and temperature
     */
    public static Choice choose(List<DailyObservation> baseline, BalancePointGrid grid) {
        return choose(baseline, grid, EnumSet.allOf(BaselineMethod.class));
    }

    /**
     * Among {@code methods} only; CalTRACK's daily-mean model always competes (the one every
     * household with temperatures can have).
     */
    public static Choice choose(
            List<DailyObservation> baseline, BalancePointGrid grid, Set<BaselineMethod> methods) {
        List<DailyObservation> usable =
                baseline.stream().filter(DailyObservation::hasUsageAndTemperature).toList();
        List<Function<List<DailyObservation>, DayModel>> fitters = new ArrayList<>();
        fitters.add(degreeDays(DegreeDayForm.DAILY_MEAN, grid));
        if (methods.contains(BaselineMethod.HOURLY)
                && share(usable, DailyObservation::hasHourlyTemperatures) >= MIN_HOURLY_SHARE) {
            fitters.add(degreeDays(DegreeDayForm.HOURLY, grid));
        }
        if (methods.contains(BaselineMethod.TIME_OF_WEEK)
                && share(usable, d -> d.hasHourlyTemperatures() && d.hasHourlyUsage())
                        >= MIN_HOURLY_SHARE) {
            fitters.add(days -> TimeOfWeekFit.fit(days).orElse(null));
        }
        List<Candidate> candidates = new ArrayList<>();
        List<double[]> errors = new ArrayList<>();
        for (Function<List<DailyObservation>, DayModel> fitter : fitters) {
            DayModel whole = fitter.apply(usable);
            if (whole == null) {
                continue;
            }
            double[] heldOut = heldOutErrors(usable, fitter);
            errors.add(heldOut);
            candidates.add(new Candidate(whole, cvRmse(heldOut, usable)));
        }
        int chosen = 0;
        for (int i = 1; i < candidates.size(); i++) {
            if (clearlyBetter(errors.get(i), errors.get(chosen))) {
                chosen = i;
            }
        }
        List<Candidate> ordered = new ArrayList<>(candidates);
        Candidate best = ordered.remove(chosen);
        ordered.add(0, best);
        return new Choice(best, List.copyOf(ordered));
    }

    /** The CalTRACK daily fit on the days as {@code form} sees them. */
    static Function<List<DailyObservation>, DayModel> degreeDays(
            DegreeDayForm form, BalancePointGrid grid) {
        return days ->
                new DegreeDayModel(
                        form, CaltrackDailyFit.fit(days.stream().map(form::view).toList(), grid));
    }

    private static double share(
            List<DailyObservation> days, java.util.function.Predicate<DailyObservation> test) {
        return days.isEmpty() ? 0 : (double) days.stream().filter(test).count() / days.size();
    }

    /**
     * Whether the squared held-out errors {@code challenger} are lower than {@code incumbent}'s by
     * more than one standard error of their mean paired difference.
     */
    static boolean clearlyBetter(double[] challenger, double[] incumbent) {
        int n = 0;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < challenger.length; i++) {
            if (Double.isFinite(challenger[i]) && Double.isFinite(incumbent[i])) {
                double gain = incumbent[i] * incumbent[i] - challenger[i] * challenger[i];
                n++;
                sum += gain;
                squares += gain * gain;
            }
        }
        if (n < 2) {
            return false;
        }
        double mean = sum / n;
        double variance = Math.max(0, (squares - n * mean * mean) / (n - 1));
        return mean > Math.sqrt(variance / n);
    }

    /** CV(RMSE) of held-out predictions: sqrt(mean squared error) / mean use of those days. */
    private static double cvRmse(double[] errors, List<DailyObservation> days) {
        double squares = 0;
        double usage = 0;
        int n = 0;
        for (int i = 0; i < errors.length; i++) {
            if (Double.isFinite(errors[i])) {
                squares += errors[i] * errors[i];
                usage += days.get(i).usage();
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.sqrt(squares / n) / (usage / n);
    }

    /**
     * Each day's error (actual - predicted) when its week was held out of the fit, in the order of
     * {@code days}; NaN for a day whose fold could not be fitted.
     */
    static double[] heldOutErrors(
            List<DailyObservation> days, Function<List<DailyObservation>, DayModel> fitter) {
        LocalDate first = days.stream().map(DailyObservation::date).min(LocalDate::compareTo).get();
        double[] errors = new double[days.size()];
        java.util.Arrays.fill(errors, Double.NaN);
        for (int fold = 0; fold < FOLDS; fold++) {
            List<DailyObservation> training = new ArrayList<>();
            List<Integer> heldOut = new ArrayList<>();
            for (int i = 0; i < days.size(); i++) {
                long week = (days.get(i).date().toEpochDay() - first.toEpochDay()) / 7;
                if (week % FOLDS == fold) {
                    heldOut.add(i);
                } else {
                    training.add(days.get(i));
                }
            }
            if (training.isEmpty() || heldOut.isEmpty()) {
                continue;
            }
            DayModel model = fitter.apply(training);
            if (model == null) {
                continue;
            }
            for (int i : heldOut) {
                errors[i] = days.get(i).usage() - model.predict(days.get(i));
            }
        }
        return errors;
    }
}
