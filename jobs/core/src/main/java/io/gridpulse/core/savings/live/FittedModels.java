package io.gridpulse.core.savings.live;

import io.gridpulse.core.savings.BaselineModel;
import io.gridpulse.core.savings.DailyObservation;
import java.time.LocalDate;

/** Reads the fitted model out of the contract's {@code BaselineModel} record. */
public final class FittedModels {

    private FittedModels() {}

    /** The model, or null when the record has none (its baseline was insufficient). */
    public static BaselineModel of(io.gridpulse.schema.BaselineModel record) {
        if (!record.getSufficient() || record.getKind() == null || record.getIntercept() == null) {
            return null;
        }
        return new BaselineModel(
                BaselineModel.Kind.valueOf(record.getKind().name()),
                record.getIntercept(),
                orNaN(record.getHeatingCoefficient()),
                orNaN(record.getHeatingBalancePointF()),
                orNaN(record.getCoolingCoefficient()),
                orNaN(record.getCoolingBalancePointF()),
                orNaN(record.getAdjustedRSquared()),
                orNaN(record.getCvRmse()),
                orNaN(record.getNmbe()),
                record.getBaselineDays() - record.getMissingDays(),
                record.getResidualAutocorrelation() == null
                        ? 0.0
                        : record.getResidualAutocorrelation());
    }

    /**
     * The day as the record's model sees it: with its hourly temperatures if the model was fitted
     * on degree hours and they are known, else with its mean only.
     */
    public static DailyObservation day(
            io.gridpulse.schema.BaselineModel record,
            LocalDate date,
            double temperatureF,
            double[] hoursF) {
        DailyObservation day = DailyObservation.missing(date, temperatureF);
        return record.getDegreeDays() == io.gridpulse.schema.DegreeDayForm.HOURLY
                ? day.withHourlyTemperatures(hoursF)
                : day;
    }

    /** Why a record carries no usable model, in a sentence. */
    public static String whyNot(io.gridpulse.schema.BaselineModel record) {
        if (!record.getSufficient()) {
            return "baseline "
                    + record.getBaselineStart()
                    + ".."
                    + record.getBaselineEnd()
                    + " insufficient: "
                    + String.join("; ", record.getInsufficiencyReasons());
        }
        return "the model record has no fitted coefficients";
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
