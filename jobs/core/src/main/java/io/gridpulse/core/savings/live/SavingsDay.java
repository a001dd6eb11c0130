package io.gridpulse.core.savings.live;

/**
 * Savings as of one local day of the programme, for a meter, a feeder or a district. Energy in kWh.
 *
 * <p>A meter's day has one {@link #status}: counted, or why not (no model, an insufficient
 * baseline, no weather, too little data that day); only counted days carry savings, and a meter
 * without a usable model never gets invented ones. A feeder's or district's day sums its meters'
 * counted days and counts its meters by status; its savings are the sum of avoided over the sum of
 * predicted, its uncertainty the meters' absolute uncertainties in quadrature.
 */
public class SavingsDay {

    public static final String METER = "meter";
    public static final String FEEDER = "feeder";
    public static final String DISTRICT = "district";

    public static final String COUNTED = "COUNTED";
    public static final String NO_MODEL = "NO_MODEL";
    public static final String INSUFFICIENT_BASELINE = "INSUFFICIENT_BASELINE";
    public static final String NO_WEATHER = "NO_WEATHER";
    public static final String MISSING_DATA = "MISSING_DATA";

    /** {@link #METER}, {@link #FEEDER} or {@link #DISTRICT}. */
    public String level;

    /** The meter's, feeder's or district's id. */
    public String id;

    public String feederId;
    public String districtId;

    /** The local day, as {@link java.time.LocalDate#toEpochDay()}. */
    public long day;

    /** The local day's start (the InfluxDB point's time). */
    public long dayStartMillis;

    /** A meter's status that day; null for groups. */
    public String status;

    /** Why a meter's day is not counted; null when it is. */
    public String reason;

    /** A meter's earlier status for this day when this output revises it, else null. */
    public String previousStatus;

    public double temperatureF = Double.NaN;

    /** That day: predicted baseline use and actual use of the counted meters. */
    public double predictedKwh;

    public double actualKwh;

    /** Since the programme's start, up to and including this day. */
    public double cumulativePredictedKwh;

    public double cumulativeActualKwh;

    /** Meter-days counted since the start (a meter: its days). */
    public long countedDays;

    /**
     * ASHRAE Guideline 14 absolute uncertainty of the cumulative avoided energy, 90% confidence;
     * NaN if unknown.
     */
    public double uncertaintyKwh = Double.NaN;

    public double target;

    /**
     * Groups only: the savings fraction at the programme's end if the pace of the latest days goes
     * on.
     */
    public double projectedFraction = Double.NaN;

    /** That day's meters by status (a meter: 1 in its own). */
    public int metersCounted;

    public int metersWithoutModel;
    public int metersInsufficientBaseline;
    public int metersWithoutWeather;
    public int metersMissingData;

    /**
     * Meters only, for the roll-ups: how this output changes the meter's contribution (a revised
     * day replaces its earlier version rather than adding to it). {@code
     * uncertaintySquaredChangeKwh2} is the change of the square of the meter's absolute
     * uncertainty, so that a group's squares add up to the sum of its meters' latest.
     */
    public double predictedChangeKwh;

    public double actualChangeKwh;
    public double uncertaintySquaredChangeKwh2;
    public int countedDaysChange;

    public SavingsDay() {}

    /** Adds {@code delta} meters to the count of {@code status}. */
    public void count(String status, int delta) {
        if (status == null) {
            return;
        }
        switch (status) {
            case COUNTED -> metersCounted += delta;
            case NO_MODEL -> metersWithoutModel += delta;
            case INSUFFICIENT_BASELINE -> metersInsufficientBaseline += delta;
            case NO_WEATHER -> metersWithoutWeather += delta;
            case MISSING_DATA -> metersMissingData += delta;
            default -> throw new IllegalArgumentException("unknown savings status " + status);
        }
    }

    public double cumulativeAvoidedKwh() {
        return cumulativePredictedKwh - cumulativeActualKwh;
    }

    /** Cumulative avoided over cumulative predicted; NaN before anything is counted. */
    public double savingsFraction() {
        return cumulativePredictedKwh > 0
                ? cumulativeAvoidedKwh() / cumulativePredictedKwh
                : Double.NaN;
    }

    /** Fractional savings uncertainty: the absolute uncertainty over the avoided energy. */
    public double fractionalUncertainty() {
        double avoided = Math.abs(cumulativeAvoidedKwh());
        return avoided > 0 ? uncertaintyKwh / avoided : Double.NaN;
    }

    public boolean onTrack() {
        return savingsFraction() >= target;
    }

    @Override
    public String toString() {
        return level
                + " "
                + id
                + " day "
                + day
                + " "
                + (status == null ? "" : status + " ")
                + "predicted "
                + cumulativePredictedKwh
                + " actual "
                + cumulativeActualKwh
                + " fraction "
                + savingsFraction()
                + " +/- "
                + uncertaintyKwh
                + " kWh";
    }
}
