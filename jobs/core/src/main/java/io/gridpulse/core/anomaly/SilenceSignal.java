package io.gridpulse.core.anomaly;

/**
 * What a meter's detector tells its feeder about the meter's voice: first heard, fallen silent,
 * back, forgotten. The feeder decides whether silent meters are single METER_SILENT anomalies or
 * one FEEDER_OUTAGE. A Flink POJO.
 */
public class SilenceSignal {

    public enum Kind {
        SEEN,
        SILENT,
        BACK,
        /** Silent for the retention (meter.retention): the feeder stops counting it. */
        FORGOTTEN
    }

    public Kind kind;
    public String meterId;
    public String feederId;
    public String districtId;

    /** End of the last quarter hour with a reading before the silence (SILENT, BACK). */
    public long silentSince;

    /**
     * When this was decided: the timer's time (SILENT), the first quarter hour back (BACK), first
     * seen (SEEN).
     */
    public long at;

    public SilenceSignal() {}

    SilenceSignal(
            Kind kind,
            String meterId,
            String feederId,
            String districtId,
            long silentSince,
            long at) {
        this.kind = kind;
        this.meterId = meterId;
        this.feederId = feederId;
        this.districtId = districtId;
        this.silentSince = silentSince;
        this.at = at;
    }

    public String feederId() {
        return feederId;
    }

    public String districtId() {
        return districtId;
    }

    @Override
    public String toString() {
        return kind + " " + meterId + "@" + feederId + " since " + silentSince + " at " + at;
    }
}
