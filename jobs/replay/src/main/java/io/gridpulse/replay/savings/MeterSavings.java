package io.gridpulse.replay.savings;

import io.gridpulse.core.savings.BaselineModel;
import io.gridpulse.core.savings.CaltrackDailyFit;
import io.gridpulse.core.savings.DailyObservation;
import io.gridpulse.core.savings.DataSufficiency;
import io.gridpulse.core.savings.Fuel;
import io.gridpulse.core.savings.MeteredDays;
import io.gridpulse.core.savings.Savings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One meter's CalTRACK baseline over the 365 days ending {@code baselineEnd} and its savings over
 * the reporting period; or, when its baseline is insufficient, the reasons and no savings (never
 * invented ones).
 */
record MeterSavings(
        ReplayResults.MeterDays meter,
        DataSufficiency.Result sufficiency,
        BaselineModel model,
        Savings savings) {

    static MeterSavings of(
            ReplayResults.MeterDays meter,
            Map<LocalDate, Double> temperaturesF,
            LocalDate baselineEnd,
            LocalDate reportingStart,
            LocalDate reportingEnd,
            Fuel fuel) {
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
        BaselineModel model = CaltrackDailyFit.fit(baseline);
        Savings savings =
                Savings.over(model, days(meter, temperaturesF, reportingStart, reportingEnd, fuel));
        return new MeterSavings(meter, sufficiency, model, savings);
    }

    boolean hasSavings() {
        return savings != null && savings.reportingDays() > 0;
    }

    /**
     * The meter's days from {@code from} to {@code to}: usage scaled up to the whole day when some
     * readings are missing (completeness at least one half), missing otherwise; electricity days of
     * zero use count as missing.
     */
    static List<DailyObservation> days(
            ReplayResults.MeterDays meter,
            Map<LocalDate, Double> temperaturesF,
            LocalDate from,
            LocalDate to,
            Fuel fuel) {
        List<DailyObservation> days = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            double temperature = temperaturesF.getOrDefault(date, Double.NaN);
            double[] day = meter.days().get(date);
            boolean usable = day != null && MeteredDays.counts(day[0], day[1], fuel);
            days.add(
                    usable
                            ? DailyObservation.of(
                                    date, MeteredDays.wholeDay(day[0], day[1]), temperature)
                            : DailyObservation.missing(date, temperature));
        }
        return days;
    }
}
