package io.gridpulse.core.savings.live;

import io.gridpulse.core.savings.BaselineModel;
import io.gridpulse.core.savings.DailyObservation;
import io.gridpulse.core.savings.DayModel;
import io.gridpulse.core.savings.DegreeDayForm;
import io.gridpulse.core.savings.DegreeDayModel;
import io.gridpulse.core.savings.TemperatureBins;
import io.gridpulse.core.savings.TimeOfWeekModel;
import io.gridpulse.schema.TimeOfWeekTemperature;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** The fitted model in and out of the contract's {@code BaselineModel} record. */
public final class FittedModels {

    private FittedModels() {}

    /** The model, or null when the record has none (its baseline was insufficient). */
    public static DayModel of(io.gridpulse.schema.BaselineModel record) {
        if (!record.getSufficient()) {
            return null;
        }
        if (record.getTimeOfWeek() != null) {
            return timeOfWeek(record);
        }
        if (record.getKind() == null || record.getIntercept() == null) {
            return null;
        }
        BaselineModel daily =
                new BaselineModel(
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
                        rho(record));
        // records from before the field was added are daily-mean models
        DegreeDayForm form =
                record.getDegreeDays() == io.gridpulse.schema.DegreeDayForm.HOURLY
                        ? DegreeDayForm.HOURLY
                        : DegreeDayForm.DAILY_MEAN;
        return new DegreeDayModel(form, daily);
    }

    /** The contract's form of an hourly model. */
    public static TimeOfWeekTemperature toRecord(TimeOfWeekModel model) {
        return TimeOfWeekTemperature.newBuilder()
                .setKnotsF(boxed(model.bins().knotsF()))
                .setHourOfWeekIntercepts(boxed(model.hourOfWeekIntercepts()))
                .setOccupied(
                        IntStream.range(0, model.occupied().length)
                                .mapToObj(h -> model.occupied()[h])
                                .toList())
                .setOccupiedSlopes(boxed(model.occupiedSlopes()))
                .setUnoccupiedSlopes(boxed(model.unoccupiedSlopes()))
                .setParameterCount(model.parameterCount())
                .setFittedHours(model.fittedObservations())
                .build();
    }

    private static TimeOfWeekModel timeOfWeek(io.gridpulse.schema.BaselineModel record) {
        TimeOfWeekTemperature hourly = record.getTimeOfWeek();
        boolean[] occupied = new boolean[hourly.getOccupied().size()];
        for (int h = 0; h < occupied.length; h++) {
            occupied[h] = hourly.getOccupied().get(h);
        }
        return new TimeOfWeekModel(
                new TemperatureBins(unboxed(hourly.getKnotsF())),
                unboxed(hourly.getHourOfWeekIntercepts()),
                occupied,
                unboxed(hourly.getOccupiedSlopes()),
                unboxed(hourly.getUnoccupiedSlopes()),
                hourly.getParameterCount(),
                hourly.getFittedHours(),
                orNaN(record.getAdjustedRSquared()),
                orNaN(record.getCvRmse()),
                orNaN(record.getNmbe()),
                rho(record));
    }

    /** A live day to predict: its mean temperature and, when known, its hours'. */
    public static DailyObservation day(LocalDate date, double temperatureF, double[] hoursF) {
        return DailyObservation.missing(date, temperatureF).withHourlyTemperatures(hoursF);
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

    private static double rho(io.gridpulse.schema.BaselineModel record) {
        return record.getResidualAutocorrelation() == null
                ? 0.0
                : record.getResidualAutocorrelation();
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static double[] unboxed(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
