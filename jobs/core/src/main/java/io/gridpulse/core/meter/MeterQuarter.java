package io.gridpulse.core.meter;

import java.time.Instant;

/**
 * What the meter stage adds to one meter's quarter hour: the quarter itself when the watermark
 * closes it, and later additions within the allowed lateness (a late reading, energy interpolated
 * into a gap). Every roll-up sums these, so an addition updates every window it belongs to without
 * counting anything twice. A Flink POJO.
 */
public class MeterQuarter {

    public String meterId;
    public String feederId;
    public String districtId;

    /** End of the quarter hour (start, end], epoch milliseconds. */
    public long end;

    public double energyWh;

    /** The part of {@link #energyWh} that was estimated (new register epoch, interpolated gap). */
    public double estimatedWh;

    public double powerSumW;

    /** Negative infinity when this addition holds no reading. */
    public double maxPowerW = Double.NEGATIVE_INFINITY;

    public int samples;

    /**
     * Lowest and highest voltage of the readings in this addition; NaN when none reported voltage.
     */
    public float minVoltageV = Float.NaN;

    public float maxVoltageV = Float.NaN;

    /**
     * True for the meter's first addition to this quarter hour: it counts the meter as reporting.
     */
    public boolean first;

    public MeterQuarter() {}

    MeterQuarter(String meterId, String feederId, String districtId, long end, boolean first) {
        this.meterId = meterId;
        this.feederId = feederId;
        this.districtId = districtId;
        this.end = end;
        this.first = first;
    }

    void addEnergy(double wh, double estimatedPartWh) {
        energyWh += wh;
        estimatedWh += estimatedPartWh;
    }

    void addSample(double powerW, double voltageV) {
        powerSumW += powerW;
        maxPowerW = Math.max(maxPowerW, powerW);
        samples++;
        if (!Double.isNaN(voltageV)) {
            float v = (float) voltageV;
            minVoltageV = Float.isNaN(minVoltageV) ? v : Math.min(minVoltageV, v);
            maxVoltageV = Float.isNaN(maxVoltageV) ? v : Math.max(maxVoltageV, v);
        }
    }

    public String meterId() {
        return meterId;
    }

    public String feederId() {
        return feederId;
    }

    public String districtId() {
        return districtId;
    }

    @Override
    public String toString() {
        return "MeterQuarter{"
                + meterId
                + " to "
                + Instant.ofEpochMilli(end)
                + ", "
                + energyWh
                + " Wh ("
                + estimatedWh
                + " estimated), "
                + samples
                + " samples"
                + (first ? ", first" : "")
                + "}";
    }
}
