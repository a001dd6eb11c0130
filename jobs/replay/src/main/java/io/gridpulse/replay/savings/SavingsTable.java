package io.gridpulse.replay.savings;

import io.gridpulse.core.savings.BaselineMethod;
import io.gridpulse.core.savings.BaselineModel;
import io.gridpulse.core.savings.DayModel;
import io.gridpulse.core.savings.DegreeDayModel;
import io.gridpulse.core.savings.ModelSelection;
import io.gridpulse.core.savings.Savings;
import io.gridpulse.core.savings.SavingsCaveats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The savings per household, feeder and district as rows of {@code savings.csv}, and a summary
 * people read: who is on track for the target, who is furthest off, how certain the figures are,
 * and which meters have no usable baseline.
 */
final class SavingsTable {

    private final List<MeterSavings> meters;
    private final double target;
    private final Map<String, Double> districtTargets;

    /**
     * {@code target}: the default reduction target; {@code districtTargets}: per district, where it
     * differs.
     */
    SavingsTable(List<MeterSavings> meters, double target, Map<String, Double> districtTargets) {
        this.meters = meters;
        this.target = target;
        this.districtTargets = Map.copyOf(districtTargets);
    }

    double targetOf(String districtId) {
        return districtTargets.getOrDefault(districtId, target);
    }

    void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(
                "level,id,feeder,district,status,model,intercept,heating_coefficient,heating_balance_point_f,"
                        + "cooling_coefficient,cooling_balance_point_f,adjusted_r2,cv_rmse,nmbe,reporting_days,predicted,actual,"
                        + "avoided,savings_fraction,uncertainty,fsu,target,on_track,reason,method,held_out_cv_rmse,"
                        + "other_method,other_held_out_cv_rmse,other_savings_fraction,"
                        + perMethod("held_out_cv_rmse_")
                        + ","
                        + perMethod("savings_fraction_")
                        + ",caveats");
        for (MeterSavings m : meters) {
            var meter = m.meter();
            if (!m.hasSavings()) {
                lines.add(
                        String.join(
                                ",",
                                "meter",
                                meter.meterId(),
                                meter.feederId(),
                                meter.districtId(),
                                "no baseline",
                                blanks(16),
                                fmt(targetOf(meter.districtId())),
                                "",
                                quote(
                                        m.sufficiency().sufficient()
                                                ? "no reporting days"
                                                : String.join("; ", m.sufficiency().reasons())),
                                blanks(5 + 2 * METHODS),
                                ""));
                continue;
            }
            DayModel model = m.model();
            var s = m.savings();
            lines.add(
                    String.join(
                            ",",
                            "meter",
                            meter.meterId(),
                            meter.feederId(),
                            meter.districtId(),
                            "ok",
                            coefficientColumns(model),
                            fmt(model.adjustedRSquared()),
                            fmt(model.cvRmse()),
                            fmt(model.nmbe()),
                            String.valueOf(s.reportingDays()),
                            fmt(s.predicted()),
                            fmt(s.actual()),
                            fmt(s.avoided()),
                            fmt(s.savingsFraction()),
                            fmt(s.absoluteUncertainty()),
                            fmt(s.fractionalSavingsUncertainty()),
                            fmt(targetOf(meter.districtId())),
                            String.valueOf(s.savingsFraction() >= targetOf(meter.districtId())),
                            "",
                            modelChoiceColumns(m)));
        }
        for (String level : List.of("feeder", "district")) {
            SavingsReport.by(
                            meters,
                            m ->
                                    level.equals("feeder")
                                            ? m.meter().feederId()
                                            : m.meter().districtId())
                    .forEach(
                            (id, group) -> {
                                Rollup r = Rollup.of(group);
                                lines.add(
                                        String.join(
                                                ",",
                                                level,
                                                id,
                                                level.equals("feeder") ? id : "",
                                                group.get(0).meter().districtId(),
                                                r.withSavings + " of " + group.size() + " meters",
                                                blanks(10),
                                                fmt(r.predicted),
                                                fmt(r.actual),
                                                fmt(r.avoided),
                                                fmt(r.fraction()),
                                                fmt(r.uncertainty),
                                                fmt(r.fsu()),
                                                fmt(targetOf(district(group))),
                                                String.valueOf(
                                                        r.fraction() >= targetOf(district(group))),
                                                blanks(6 + 2 * METHODS),
                                                ""));
                            });
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /**
     * The model's kind and daily coefficients (model .. cooling_balance_point_f); an hourly model's
     * 182 coefficients do not fit a table: its kind only, the rest is in baseline_models.avro.
     */
    private static String coefficientColumns(DayModel model) {
        if (model instanceof DegreeDayModel degreeDays) {
            BaselineModel b = degreeDays.model();
            return String.join(
                    ",",
                    b.kind().name(),
                    fmt(b.intercept()),
                    fmt(b.heatingCoefficient()),
                    fmt(b.heatingBalancePointF()),
                    fmt(b.coolingCoefficient()),
                    fmt(b.coolingBalancePointF()));
        }
        return model.method().name() + "," + blanks(5);
    }

    /**
     * Per district, which methods the households' chosen models use, and the district's savings had
     * every household used one method: how much the choice of method moves the result.
     */
    private static List<String> modelLines(String district, List<MeterSavings> group) {
        List<String> lines = new ArrayList<>();
        // keyed by description, in the order the candidates compete
        Map<String, double[]> byForm = new java.util.LinkedHashMap<>();
        Map<String, Integer> chosen = new java.util.LinkedHashMap<>();
        for (MeterSavings m : group) {
            if (!m.hasSavings() || m.choice() == null) {
                continue;
            }
            chosen.merge(m.choice().chosen().model().methodDescription(), 1, Integer::sum);
            for (int i = 0; i < m.choice().candidates().size(); i++) {
                Savings s = m.candidateSavings().get(i);
                double[] sums =
                        byForm.computeIfAbsent(
                                m.choice().candidates().get(i).model().methodDescription(),
                                f -> new double[3]);
                sums[0] += s.predicted();
                sums[1] += s.actual();
                sums[2]++;
            }
        }
        if (chosen.isEmpty()) {
            return lines;
        }
        StringBuilder line =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "  %s models, chosen per household by held-out CV(RMSE) over %d"
                                        + " folds of weeks:",
                                district,
                                ModelSelection.FOLDS));
        chosen.forEach(
                (form, count) -> line.append(String.format(Locale.ROOT, " %d %s;", count, form)));
        lines.add(line.toString());
        byForm.forEach(
                (form, sums) ->
                        lines.add(
                                String.format(
                                        Locale.ROOT,
                                        "    every household with %s: %.2f%% (%d households)",
                                        form,
                                        100 * (sums[0] - sums[1]) / Math.max(sums[0], 1e-9),
                                        (int) sums[2])));
        return lines;
    }

    /** How many households carry each kind of caveat, with one example of each. */
    private List<String> caveatLines() {
        Map<String, List<String>> byKind = new TreeMap<>();
        long withCaveats = 0;
        for (MeterSavings m : meters) {
            if (!m.hasSavings() || m.caveats().isEmpty()) {
                continue;
            }
            withCaveats++;
            for (String caveat : m.caveats()) {
                String kind = caveat.split("[0-9]", 2)[0].trim();
                byKind.computeIfAbsent(kind, k -> new ArrayList<>())
                        .add(m.meter().meterId() + ": " + caveat);
            }
        }
        List<String> lines = new ArrayList<>();
        if (withCaveats == 0) {
            lines.add(
                    "Caveats: none (no balance point at the edge of its search, no held-out"
                            + " CV(RMSE) over "
                            + SavingsCaveats.MAX_CV_RMSE
                            + ", no borderline baseline,"
                            + " no disagreeing models).");
            return lines;
        }
        lines.add(
                String.format(
                        Locale.ROOT,
                        "Caveats: %d of %d households with savings (column caveats of savings.csv):",
                        withCaveats,
                        meters.stream().filter(MeterSavings::hasSavings).count()));
        byKind.forEach(
                (kind, examples) ->
                        lines.add(
                                String.format(
                                        Locale.ROOT,
                                        "  %d x %s ..., e.g. %s",
                                        examples.size(),
                                        kind,
                                        examples.get(0))));
        return lines;
    }

    private static final int METHODS = BaselineMethod.values().length;

    /** A column per method, e.g. {@code savings_fraction_daily_mean,...}. */
    private static String perMethod(String prefix) {
        return java.util.Arrays.stream(BaselineMethod.values())
                .map(method -> prefix + method.name().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.joining(","));
    }

    /**
     * The chosen model's method and held-out error, its runner-up's, every candidate's held-out
     * error and savings by method (blank for a method that did not compete), and the caveats.
     */
    private static String modelChoiceColumns(MeterSavings m) {
        if (m.choice() == null) {
            return blanks(6 + 2 * METHODS);
        }
        String[] errors = new String[METHODS];
        String[] savings = new String[METHODS];
        java.util.Arrays.fill(errors, "");
        java.util.Arrays.fill(savings, "");
        for (int i = 0; i < m.choice().candidates().size(); i++) {
            ModelSelection.Candidate candidate = m.choice().candidates().get(i);
            int method = candidate.model().method().ordinal();
            errors[method] = fmt(candidate.heldOutCvRmse());
            savings[method] = fmt(m.candidateSavings().get(i).savingsFraction());
        }
        var chosen = m.choice().chosen();
        boolean other = m.choice().candidates().size() > 1;
        var runnerUp = other ? m.choice().candidates().get(1) : null;
        return String.join(
                ",",
                chosen.model().method().name(),
                fmt(chosen.heldOutCvRmse()),
                other ? runnerUp.model().method().name() : "",
                other ? fmt(runnerUp.heldOutCvRmse()) : "",
                other ? fmt(m.candidateSavings().get(1).savingsFraction()) : "",
                String.join(",", errors),
                String.join(",", savings),
                quote(String.join("; ", m.caveats())));
    }

    List<String> summary(LocalDate baselineEnd, LocalDate reportingStart, LocalDate reportingEnd) {
        List<String> out = new ArrayList<>();
        out.add(
                String.format(
                        Locale.ROOT,
                        "Savings by CalTRACK models: baseline the 365 days to %s, reporting"
                                + " %s to %s, target %.1f%%.",
                        baselineEnd,
                        reportingStart,
                        reportingEnd,
                        100 * target));
        SavingsReport.by(meters, m -> m.meter().districtId())
                .forEach(
                        (district, group) -> {
                            Rollup r = Rollup.of(group);
                            if (r.withSavings == 0) {
                                out.add(
                                        String.format(
                                                Locale.ROOT,
                                                "District %s: no savings measured: none of its %d meters has a sufficient"
                                                        + " baseline.",
                                                district,
                                                group.size()));
                                return;
                            }
                            out.add(
                                    String.format(
                                            Locale.ROOT,
                                            "District %s: %.2f%% +/- %.2f points (90%%) of predicted use avoided,"
                                                    + " %s the %.0f%% target; %d of %d meters with a baseline.",
                                            district,
                                            100 * r.fraction(),
                                            100 * r.uncertainty / Math.max(r.predicted, 1e-9),
                                            r.fraction() >= targetOf(district)
                                                    ? "on track for"
                                                    : "short of",
                                            100 * targetOf(district),
                                            r.withSavings,
                                            group.size()));
                        });
        SavingsReport.by(meters, m -> m.meter().districtId())
                .forEach((district, group) -> out.addAll(modelLines(district, group)));
        out.addAll(caveatLines());
        List<MeterSavings> ranked =
                meters.stream()
                        .filter(MeterSavings::hasSavings)
                        .sorted(Comparator.comparingDouble(m -> m.savings().savingsFraction()))
                        .toList();
        long onTrack =
                ranked.stream()
                        .filter(
                                m ->
                                        m.savings().savingsFraction()
                                                >= targetOf(m.meter().districtId()))
                        .count();
        out.add(
                String.format(
                        Locale.ROOT,
                        "Households on track: %d of %d with a baseline.",
                        onTrack,
                        ranked.size()));
        for (MeterSavings m : ranked.subList(0, Math.min(3, ranked.size()))) {
            out.add(
                    String.format(
                            Locale.ROOT,
                            "  furthest off: %s (%s) %.2f%% +/- %.2f points; model %s",
                            m.meter().meterId(),
                            m.meter().districtId(),
                            100 * m.savings().savingsFraction(),
                            100
                                    * m.savings().absoluteUncertainty()
                                    / Math.max(m.savings().predicted(), 1e-9),
                            m.model().describe()));
        }
        meters.stream()
                .filter(m -> !m.hasSavings())
                .limit(10)
                .forEach(
                        m ->
                                out.add(
                                        "  no baseline: "
                                                + m.meter().meterId()
                                                + ": "
                                                + String.join("; ", m.sufficiency().reasons())));
        return out;
    }

    private static String district(List<MeterSavings> group) {
        return group.get(0).meter().districtId();
    }

    /**
     * Sums of a group: avoided over predicted, absolute uncertainties in quadrature (independent
     * meters).
     */
    record Rollup(
            int withSavings, double predicted, double actual, double avoided, double uncertainty) {
        static Rollup of(List<MeterSavings> group) {
            int n = 0;
            double predicted = 0;
            double actual = 0;
            double avoided = 0;
            double variance = 0;
            for (MeterSavings m : group) {
                if (m.hasSavings()) {
                    n++;
                    predicted += m.savings().predicted();
                    actual += m.savings().actual();
                    avoided += m.savings().avoided();
                    double u = m.savings().absoluteUncertainty();
                    variance += Double.isFinite(u) ? u * u : 0;
                }
            }
            return new Rollup(n, predicted, actual, avoided, Math.sqrt(variance));
        }

        double fraction() {
            return predicted > 0 ? avoided / predicted : Double.NaN;
        }

        double fsu() {
            return avoided != 0 ? uncertainty / Math.abs(avoided) : Double.NaN;
        }
    }

    /** {@code n} empty cells, joined as one more cell of a row would be. */
    private static String blanks(int n) {
        return ",".repeat(n - 1);
    }

    private static String fmt(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6g", value) : "";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
