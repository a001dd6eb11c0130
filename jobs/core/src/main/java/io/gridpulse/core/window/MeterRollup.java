package io.gridpulse.core.window;

import io.gridpulse.core.meter.MeterQuarter;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Sums a meter's quarter-hour additions over a window (its quarter hour itself, an hour, a local
 * day).
 */
public final class MeterRollup
        implements AggregateFunction<MeterQuarter, MeterRollup.Sums, MeterRollup.Sums> {

    private static final long serialVersionUID = 1L;

    /** Running sums for one meter and window; a Flink POJO. */
    public static class Sums {
        public String feederId;
        public String districtId;
        public double energyWh;
        public double estimatedWh;
        public double powerSumW;
        public double maxPowerW = Double.NEGATIVE_INFINITY;
        public int samples;

        public Sums() {}
    }

    @Override
    public Sums createAccumulator() {
        return new Sums();
    }

    @Override
    public Sums add(MeterQuarter quarter, Sums sums) {
        sums.feederId = quarter.feederId;
        sums.districtId = quarter.districtId;
        sums.energyWh += quarter.energyWh;
        sums.estimatedWh += quarter.estimatedWh;
        sums.powerSumW += quarter.powerSumW;
        sums.maxPowerW = Math.max(sums.maxPowerW, quarter.maxPowerW);
        sums.samples += quarter.samples;
        return sums;
    }

    @Override
    public Sums getResult(Sums sums) {
        return sums;
    }

    @Override
    public Sums merge(Sums a, Sums b) {
        if (a.feederId == null) {
            a.feederId = b.feederId;
            a.districtId = b.districtId;
        }
        a.energyWh += b.energyWh;
        a.estimatedWh += b.estimatedWh;
        a.powerSumW += b.powerSumW;
        a.maxPowerW = Math.max(a.maxPowerW, b.maxPowerW);
        a.samples += b.samples;
        return a;
    }
}
