package io.gridpulse.core.savings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the data or the method limits a household's savings figure, one short sentence each, so a
 * report can say so next to the number instead of presenting it as certain:
 *
 * <ul>
 *   <li>a balance point at the edge of the search grid: the true one may lie beyond it;
 *   <li>a held-out CV(RMSE) over {@value #MAX_CV_RMSE}, the limit OpenEEmeter's CalTRACK daily
 *       settings put on a usable daily baseline: the model predicts days it has not seen poorly;
 *   <li>a baseline that is only just sufficient: more than {@value #BORDERLINE_MISSING_SHARE} of
 *       the missing days CalTRACK allows are missing;
 *   <li>candidate models whose savings differ by more than the chosen one's uncertainty: the choice
 *       of method moves the result.
 * </ul>
 */
public final class SavingsCaveats {

    public static final double MAX_CV_RMSE = 0.3;
    static final double BORDERLINE_MISSING_SHARE = 0.8;

    private SavingsCaveats() {}

    /**
     * {@code candidateSavings}: each candidate's savings over the reporting period, in the order of
     * {@code choice.candidates()} (the chosen one first).
     */
    public static List<String> of(
            ModelSelection.Choice choice,
            BalancePointGrid grid,
            DataSufficiency.Result sufficiency,
            List<Savings> candidateSavings) {
        List<String> caveats = new ArrayList<>();
        if (choice.chosen().model() instanceof DegreeDayModel degreeDays) {
            BaselineModel model = degreeDays.model();
            if (model.kind().hasHeating()) {
                atEdge("heating", model.heatingBalancePointF(), grid, caveats);
            }
            if (model.kind().hasCooling()) {
                atEdge("cooling", model.coolingBalancePointF(), grid, caveats);
            }
        }
        double error = choice.chosen().heldOutCvRmse();
        if (error > MAX_CV_RMSE) {
            caveats.add(
                    String.format(
                            Locale.ROOT,
                            "held-out CV(RMSE) %.2f is over %.2f: the baseline predicts unseen days"
                                    + " poorly",
                            error,
                            MAX_CV_RMSE));
        }
        double allowed =
                DataSufficiency.BASELINE_DAYS * DataSufficiency.MAX_MISSING_PERCENT / 100.0;
        if (sufficiency.missingDays() > BORDERLINE_MISSING_SHARE * allowed) {
            caveats.add(
                    String.format(
                            Locale.ROOT,
                            "baseline only just sufficient: %d days missing of at most %.0f",
                            sufficiency.missingDays(),
                            Math.floor(allowed)));
        }
        disagreement(choice, candidateSavings).ifPresent(caveats::add);
        return caveats;
    }

    private static void atEdge(
            String load, double balancePointF, BalancePointGrid grid, List<String> caveats) {
        if (balancePointF <= grid.lowestF() || balancePointF >= grid.highestF()) {
            caveats.add(
                    String.format(
                            Locale.ROOT,
                            "%s balance point %.0f °F at the edge of the search (%.0f-%.0f °F)",
                            load,
                            balancePointF,
                            grid.lowestF(),
                            grid.highestF()));
        }
    }

    private static Optional<String> disagreement(
            ModelSelection.Choice choice, List<Savings> candidateSavings) {
        Savings chosen = candidateSavings.get(0);
        if (chosen.reportingDays() == 0 || !Double.isFinite(chosen.absoluteUncertainty())) {
            return Optional.empty();
        }
        double margin = chosen.absoluteUncertainty() / chosen.predicted();
        for (int i = 1; i < candidateSavings.size(); i++) {
            Savings alternative = candidateSavings.get(i);
            if (Math.abs(alternative.savingsFraction() - chosen.savingsFraction()) > margin) {
                return Optional.of(
                        String.format(
                                Locale.ROOT,
                                "models disagree: %.2f%% (%s) vs %.2f%% (%s), more than +/- %.2f"
                                        + " points",
                                100 * chosen.savingsFraction(),
                                choice.chosen().model().methodDescription(),
                                100 * alternative.savingsFraction(),
                                choice.candidates().get(i).model().methodDescription(),
                                100 * margin));
            }
        }
        return Optional.empty();
    }
}
