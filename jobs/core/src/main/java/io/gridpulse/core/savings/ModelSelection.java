package io.gridpulse.core.savings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses a household's baseline model by out-of-sample error rather than by how well it fits the
 * days it was fitted to. Candidates: the CalTRACK daily model with degree days from the daily mean
 * temperature, and (when the baseline days carry hourly temperatures) the same model with degree
 * days from the hours. Each is cross-validated over held-out weeks: the baseline's calendar weeks
 * are dealt into {@value #FOLDS} folds (week i into fold i mod {@value #FOLDS}), the model is
 * fitted without one fold and predicts it, in turn for every fold; its error is the CV(RMSE) of
 * those predictions, sqrt(mean squared error) / mean daily use. Whole weeks are held out so that a
 * held-out day's neighbours (same weather spell) are not in the fit. The lowest error wins; a tie
 * goes to the daily-mean model, CalTRACK's own.
 */
public final class ModelSelection {

    public static final int FOLDS = 5;

    /**
     * Share of the baseline's usable days that must carry hourly temperatures for the hourly form
     * to compete.
     */
    static final double MIN_HOURLY_SHARE = 0.9;

    /** One candidate: its form, the model fitted to the whole baseline and its held-out error. */
    public record Candidate(DegreeDayForm form, BaselineModel model, double heldOutCvRmse) {

        /** Savings over the reporting days, seen as this candidate's form sees days. */
        public Savings savings(List<DailyObservation> reporting) {
            return Savings.over(model, reporting.stream().map(form::view).toList());
        }
    }

    /** The chosen candidate and every candidate, the chosen one first. */
    public record Choice(Candidate chosen, List<Candidate> candidates) {}

    private ModelSelection() {}

    /**
     * @throws IllegalArgumentException if no baseline day has both usage and temperature
     */
    public static Choice choose(List<DailyObservation> baseline, BalancePointGrid grid) {
        List<DailyObservation> usable =
                baseline.stream().filter(DailyObservation::hasUsageAndTemperature).toList();
        List<DegreeDayForm> forms = new ArrayList<>(List.of(DegreeDayForm.DAILY_MEAN));
        long hourly = usable.stream().filter(DailyObservation::hasHourlyTemperatures).count();
        if (!usable.isEmpty() && hourly >= MIN_HOURLY_SHARE * usable.size()) {
            forms.add(DegreeDayForm.HOURLY);
        }
        List<Candidate> candidates = new ArrayList<>();
        List<double[]> errors = new ArrayList<>();
        for (DegreeDayForm form : forms) {
            List<DailyObservation> days = usable.stream().map(form::view).toList();
            double[] heldOut = heldOutErrors(days, grid);
            errors.add(heldOut);
            candidates.add(
                    new Candidate(form, CaltrackDailyFit.fit(days, grid), cvRmse(heldOut, days)));
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
    static double[] heldOutErrors(List<DailyObservation> days, BalancePointGrid grid) {
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
            BaselineModel model = CaltrackDailyFit.fit(training, grid);
            for (int i : heldOut) {
                errors[i] = days.get(i).usage() - model.predict(days.get(i));
            }
        }
        return errors;
    }
}
