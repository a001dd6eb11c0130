package io.gridpulse.core.savings.live;

/**
 * A district's mean outdoor temperature over one local day: the weather a day's baseline use is
 * predicted for.
 */
public class DistrictTemperature {

    public String districtId;

    /** The local day, as {@link java.time.LocalDate#toEpochDay()}. */
    public long day;

    public double temperatureF;
    public int observations;

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
