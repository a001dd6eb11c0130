package io.gridpulse.core.savings.live;

/**
 * A feeder's or district's totals since the programme's start (all its meters' latest
 * contributions).
 */
public class GroupTotals {

    public String feederId;
    public String districtId;
    public double predictedKwh;
    public double actualKwh;
    public double uncertaintySquared;
    public long countedDays;

    /** Days before this one are no longer kept: a revision of one only moves the totals. */
    public long forgottenBefore = Long.MIN_VALUE;

    public GroupTotals() {}

    void add(SavingsDay meter) {
        predictedKwh += meter.predictedChangeKwh;
        actualKwh += meter.actualChangeKwh;
        uncertaintySquared += meter.uncertaintySquaredChangeKwh2;
        countedDays += meter.countedDaysChange;
    }
}
