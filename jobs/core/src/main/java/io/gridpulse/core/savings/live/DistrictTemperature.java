package io.gridpulse.core.savings.live;

/**
 * A district's outdoor temperature over one local day, its mean and its hours: the weather a day's
 * baseline use is predicted for.
 */
public class DistrictTemperature {

    public String districtId;

    /** The local day, as {@link java.time.LocalDate#toEpochDay()}. */
    public long day;

    public double temperatureF;
    public int observations;

    /** The day's hourly means (°F) when enough hours were observed, else null. */
    public double[] hoursF;

    public DistrictTemperature() {}

    public DistrictTemperature(String districtId, long day, double temperatureF, int observations) {
        this.districtId = districtId;
        this.day = day;
        this.temperatureF = temperatureF;
        this.observations = observations;
    }

    @Override
    public String toString() {
        return districtId
                + " day "
                + day
                + ": "
                + temperatureF
                + " F ("
                + observations
                + " observations)";
    }
}
