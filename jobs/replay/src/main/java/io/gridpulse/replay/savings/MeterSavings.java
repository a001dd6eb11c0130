package io.gridpulse.replay.savings;

import io.gridpulse.core.savings.BalancePointGrid;
import io.gridpulse.core.savings.BaselineMethod;
import io.gridpulse.core.savings.DailyObservation;
import io.gridpulse.core.savings.DataSufficiency;
import io.gridpulse.core.savings.DayModel;
import io.gridpulse.core.savings.Fuel;
import io.gridpulse.core.savings.MeteredDays;
import io.gridpulse.core.savings.ModelSelection;
import io.gridpulse.core.savings.Savings;
import io.gridpulse.core.savings.SavingsCaveats;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One meter's CalTRACK baseline over the 365 days ending {@code baselineEnd}, chosen between
 * candidate models by held-out error ({@link ModelSelection}), its savings over the reporting
 * period and where the data or the method limits them ({@link SavingsCaveats}); or, when its
 * baseline is insufficient, the reasons and no savings (never invented ones).
 */
record MeterSavings(
        ReplayResults.MeterDays meter,
        DataSufficiency.Result sufficiency,
        DayModel model,
        Savings savings,
        ModelSelection.Choice choice,
        List<Savings> candidateSavings,
        List<String> caveats) {

    MeterSavings(
            ReplayResults.MeterDays meter,
            DataSufficiency.Result sufficiency,
            DayModel model,
            Savings savings) {
        this(meter, sufficiency, model, savings, null, List.of(), List.of());
    }

    static MeterSavings of(
            ReplayResults.MeterDays meter,
            Map<LocalDate, DayTemperature> temperaturesF,
            LocalDate baselineEnd,
            LocalDate reportingStart,
            LocalDate reportingEnd,
            Fuel fuel,
            Set<BaselineMethod> methods) {
        List<DailyObservation> baseline =
                days(
                        meter,
                        temperaturesF,
                        baselineEnd.minusDays(DataSufficiency.BASELINE_DAYS - 1),
                        baselineEnd,
                        fuel);
        DataSufficiency.Result sufficiency = DataSufficiency.check(baseline, fuel);
        if (!sufficiency.sufficient()) {
            return new MeterSavings(meter, sufficiency, null, null);
        }
        ModelSelection.Choice choice =
                ModelSelection.choose(baseline, BalancePointGrid.CALTRACK, methods);
        List<DailyObservation> reporting =
                days(meter, temperaturesF, reportingStart, reportingEnd, fuel);
        // the chosen candidate first, as choice.candidates() lists them
        List<Savings> candidateSavings =
                choice.candidates().stream().map(c -> c.savings(reporting)).toList();
        return new MeterSavings(
                meter,
                sufficiency,
                choice.chosen().model(),
                candidateSavings.get(0),
                choice,
                candidateSavings,
                SavingsCaveats.of(
                        choice, BalancePointGrid.CALTRACK, sufficiency, candidateSavings));
    }

    /** The chosen model's prediction for a day. */
    double predict(DailyObservation day) {
        return model.predict(day);
    }

    boolean hasSavings() {
        return savings != null && savings.reportingDays() > 0;
    }

    /**
     * The meter's days from {@code from} to {@code to}: usage scaled up to the whole day when some
     * readings are missing (completeness at least one half), missing otherwise; electricity days of
     * zero use count as missing. A counted day carries its hours' use when the meter has them.
     */
    static List<DailyObservation> days(
            ReplayResults.MeterDays meter,
            Map<LocalDate, DayTemperature> temperaturesF,
            LocalDate from,
            LocalDate to,
            Fuel fuel) {
        List<DailyObservation> days = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            DayTemperature temperature = temperaturesF.getOrDefault(date, DayTemperature.UNKNOWN);
            double[] day = meter.days().get(date);
            boolean usable = day != null && MeteredDays.counts(day[0], day[1], fuel);
            days.add(
                    (usable
                                    ? DailyObservation.of(
                                            date,
                                            MeteredDays.wholeDay(day[0], day[1]),
                                            temperature.meanF())
                                    : DailyObservation.missing(date, temperature.meanF()))
                            .withHourlyTemperatures(temperature.hoursF())
                            .withHourlyUsage(usable ? meter.hours().get(date) : null));
        }
        return days;
    }
}
