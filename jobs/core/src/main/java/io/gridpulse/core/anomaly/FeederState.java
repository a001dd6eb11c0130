package io.gridpulse.core.anomaly;

/** A feeder's district and its open outage, if any. A Flink POJO. */
public class FeederState {

    public String districtId;

    /** Start of the open outage, or -1. */
    public long outageStart = -1;

    /** Meters silent when the outage opened, and the feeder's meter count then. */
    public int silentMeters;

    public int meters;

    public FeederState() {}

    boolean hasOutage() {
        return outageStart >= 0;
    }
}
