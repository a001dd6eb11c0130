package io.gridpulse.core.savings.live;

/** A feeder's or district's sums of one day, as its meters' outputs change them. A Flink POJO. */
public class GroupDay {

    public long dayStartMillis;
    public double temperatureF = Double.NaN;
    public double predictedKwh;
    public double actualKwh;
    public double uncertaintySquaredChange;
    public long countedDaysChange;

    /** Meters by status that day, as in {@link SavingsDay}. */
    public SavingsDay counts = new SavingsDay();

    /** Changed since it was last emitted. */
    public boolean dirty;

    public GroupDay() {}

    void add(SavingsDay meter) {
        dayStartMillis = meter.dayStartMillis;
        if (!Double.isNaN(meter.temperatureF)) {
            temperatureF = meter.temperatureF;
        }
        predictedKwh += meter.predictedChangeKwh;
        actualKwh += meter.actualChangeKwh;
        uncertaintySquaredChange += meter.uncertaintySquaredChangeKwh2;
        countedDaysChange += meter.countedDaysChange;
        counts.count(meter.status, 1);
        counts.count(meter.previousStatus, -1);
        dirty = true;
    }
}
