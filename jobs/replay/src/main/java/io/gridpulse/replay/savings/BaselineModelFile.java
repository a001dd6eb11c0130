package io.gridpulse.replay.savings;

import io.gridpulse.core.savings.BaselineModel;
import io.gridpulse.core.savings.DataSufficiency;
import io.gridpulse.core.savings.DayModel;
import io.gridpulse.core.savings.DegreeDayModel;
import io.gridpulse.core.savings.TimeOfWeekModel;
import io.gridpulse.core.savings.live.FittedModels;
import io.gridpulse.schema.BaselineModelKind;
import io.gridpulse.schema.DegreeDayForm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * The fitted baselines as an Avro container file of the contract's {@code BaselineModel}: one
 * record per meter, the chosen model (a daily model's coefficients, or the hourly model in {@code
 * timeOfWeek}), or (insufficient data) the reasons there is none.
 */
final class BaselineModelFile {

    private BaselineModelFile() {}

    static void write(Path file, List<io.gridpulse.schema.BaselineModel> models)
            throws IOException {
        try (DataFileWriter<io.gridpulse.schema.BaselineModel> out =
                new DataFileWriter<>(
                        new SpecificDatumWriter<>(io.gridpulse.schema.BaselineModel.class))) {
            out.create(io.gridpulse.schema.BaselineModel.getClassSchema(), file.toFile());
            for (io.gridpulse.schema.BaselineModel model : models) {
                out.append(model);
            }
        }
    }

    static io.gridpulse.schema.BaselineModel record(
            MeterSavings meter, LocalDate baselineEnd, String unit) {
        DataSufficiency.Result sufficiency = meter.sufficiency();
        DayModel model = meter.model();
        var record =
                io.gridpulse.schema.BaselineModel.newBuilder()
                        .setMeterId(meter.meter().meterId())
                        .setFeederId(meter.meter().feederId())
                        .setDistrictId(meter.meter().districtId())
                        .setUnit(unit)
                        .setBaselineStart(baselineEnd.minusDays(DataSufficiency.BASELINE_DAYS - 1))
                        .setBaselineEnd(baselineEnd)
                        .setBaselineDays(DataSufficiency.BASELINE_DAYS)
                        .setMissingDays(sufficiency.missingDays())
                        .setSufficient(sufficiency.sufficient())
                        .setInsufficiencyReasons(sufficiency.reasons());
        if (model instanceof DegreeDayModel degreeDays) {
            BaselineModel daily = degreeDays.model();
            record.setKind(BaselineModelKind.valueOf(daily.kind().name()))
                    .setIntercept(daily.intercept())
                    .setHeatingCoefficient(orNull(daily.heatingCoefficient()))
                    .setHeatingBalancePointF(orNull(daily.heatingBalancePointF()))
                    .setCoolingCoefficient(orNull(daily.coolingCoefficient()))
                    .setCoolingBalancePointF(orNull(daily.coolingBalancePointF()))
                    .setDegreeDays(DegreeDayForm.valueOf(degreeDays.form().name()));
        } else if (model instanceof TimeOfWeekModel hourly) {
            record.setTimeOfWeek(FittedModels.toRecord(hourly));
        }
        if (model != null) {
            record.setAdjustedRSquared(orNull(model.adjustedRSquared()))
                    .setCvRmse(orNull(model.cvRmse()))
                    .setNmbe(orNull(model.nmbe()))
                    .setResidualAutocorrelation(orNull(model.residualAutocorrelation()));
        }
        return record.build();
    }

    private static Double orNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
