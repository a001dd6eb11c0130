package io.gridpulse.core.meter;

import java.time.Instant;

/**
 * Readings of one meter that never arrived, longer than the estimation limit: left missing rather
 * than invented, and reported with the register energy that passed in between (which no window
 * counts). A Flink POJO.
 */
public class MeterGap {

    public String meterId;
    public String feederId;
    public String districtId;

    /** Timestamp of the first missing reading, epoch milliseconds. */
    public long firstMissing;

    /** Timestamp of the last missing reading. */
    public long lastMissing;

    public long missingReadings;

    /** Register energy across the gap that is not attributed to any window. */
    public double unattributedWh;

    public MeterGap() {}

    MeterGap(
            String meterId,
            String feederId,
            String districtId,
            long firstMissing,
            long lastMissing,
            long missingReadings,
            double unattributedWh) {
        this.meterId = meterId;
        this.feederId = feederId;
        this.districtId = districtId;
        this.firstMissing = firstMissing;
        this.lastMissing = lastMissing;
        this.missingReadings = missingReadings;
        this.unattributedWh = unattributedWh;
    }

    @Override
    public String toString() {
        return "MeterGap{"
                + meterId
                + " "
                + Instant.ofEpochMilli(firstMissing)
                + " .. "
                + Instant.ofEpochMilli(lastMissing)
                + ", "
                + missingReadings
                + " readings, "
                + unattributedWh
                + " Wh}";
    }
}
