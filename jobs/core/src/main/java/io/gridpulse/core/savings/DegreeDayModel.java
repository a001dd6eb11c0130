package io.gridpulse.core.savings;

/**
 * A CalTRACK daily model with the form of degree days it was fitted with: it sees each day as that
 * form does, so a model fitted on daily means never takes degree hours and vice versa.
 */
public record DegreeDayModel(DegreeDayForm form, BaselineModel model) implements DayModel {

    @Override
    public double predict(DailyObservation day) {
        return model.predict(form.view(day));
    }

    @Override
    public BaselineMethod method() {
        return form == DegreeDayForm.DAILY_MEAN ? BaselineMethod.DAILY_MEAN : BaselineMethod.HOURLY;
    }

    @Override
    public String methodDescription() {
        return form.description();
    }

    @Override
    public int parameterCount() {
        return model.parameterCount();
    }

    @Override
    public int fittedObservations() {
        return model.baselineDays();
    }

    @Override
    public int observationsPerDay() {
        return 1;
    }

    @Override
    public double adjustedRSquared() {
        return model.adjustedRSquared();
    }

    @Override
    public double cvRmse() {
        return model.cvRmse();
    }

    @Override
    public double nmbe() {
        return model.nmbe();
    }

    @Override
    public double residualAutocorrelation() {
        return model.residualAutocorrelation();
    }

    @Override
    public String describe() {
        return model.describe();
    }
}
