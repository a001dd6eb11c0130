package io.gridpulse.replay.savings;

import io.gridpulse.core.savings.BaselineModel;
import io.gridpulse.core.savings.DataSufficiency;
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
 * record per meter, the model, or (insufficient data) the reasons there is none.
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
        BaselineModel model = meter.model();
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
        if (model != null) {
            record.setKind(BaselineModelKind.valueOf(model.kind().name()))
                    .setIntercept(model.intercept())
                    .setHeatingCoefficient(orNull(model.heatingCoefficient()))
                    .setHeatingBalancePointF(orNull(model.heatingBalancePointF()))
                    .setCoolingCoefficient(orNull(model.coolingCoefficient()))
                    .setCoolingBalancePointF(orNull(model.coolingBalancePointF()))
                    .setAdjustedRSquared(model.adjustedRSquared())
                    .setCvRmse(orNull(model.cvRmse()))
                    .setNmbe(orNull(model.nmbe()))
                    .setResidualAutocorrelation(orNull(model.residualAutocorrelation()))
                    .setDegreeDays(
                            meter.choice() == null
                                    ? DegreeDayForm.DAILY_MEAN
                                    : DegreeDayForm.valueOf(meter.choice().chosen().form().name()));
        }
        return record.build();
    }

    private static Double orNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
