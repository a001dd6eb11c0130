package io.gridpulse.core.meter;

import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.QuarterHours;
import java.time.Instant;
import java.util.Arrays;

/**
 * A meter's totals for its most recent quarter hours, so that an addition to a closed quarter (a
 * late reading, energy interpolated into a gap) can be written out as the quarter's new total at
 * once, without a window operator holding every meter's quarters. Parallel primitive arrays, oldest
 * first; a Flink POJO.
 */
public class RecentQuarters {

    public long[] ends = new long[0];
    public double[] energyWh = new double[0];
    public double[] estimatedWh = new double[0];
    public double[] powerSumW = new double[0];
    public double[] maxPowerW = new double[0];
    public int[] samples = new int[0];

    /** NaN while no reading of the quarter reported voltage. */
    public float[] minVoltageV = new float[0];

    public float[] maxVoltageV = new float[0];
    public int size;

    public RecentQuarters() {}

    /**
     * Adds {@code addition} to its quarter's totals and returns that quarter's index, keeping at
     * most {@code capacity} quarters (the oldest go first); -1 if the quarter is older than every
     * one kept.
     */
    int add(MeterQuarter addition, int capacity) {
        int i = indexOf(addition.end);
        if (i < 0) {
            if (size == capacity && addition.end < ends[0]) {
                return -1;
            }
            i = insert(addition.end, capacity);
        }
        energyWh[i] += addition.energyWh;
        estimatedWh[i] += addition.estimatedWh;
        powerSumW[i] += addition.powerSumW;
        maxPowerW[i] = Math.max(maxPowerW[i], addition.maxPowerW);
        samples[i] += addition.samples;
        minVoltageV[i] = minOf(minVoltageV[i], addition.minVoltageV);
        maxVoltageV[i] = maxOf(maxVoltageV[i], addition.maxVoltageV);
        return i;
    }

    /** The totals of the quarter at index {@code i} as the meter's quarter-hour aggregate. */
    MeterAggregate aggregate(int i, String meterId, MeterState meter, int expectedSamples) {
        long end = ends[i];
        int n = samples[i];
        return MeterAggregate.newBuilder()
                .setMeterId(meterId)
                .setFeederId(meter.feederId)
                .setDistrictId(meter.districtId)
                .setWindow(AggregationWindow.QUARTER_HOUR)
                .setWindowStart(Instant.ofEpochMilli(end - QuarterHours.MILLIS))
                .setWindowEnd(Instant.ofEpochMilli(end))
                .setEnergyKwh(energyWh[i] / 1000.0)
                .setAveragePowerW(n == 0 ? 0.0 : powerSumW[i] / n)
                .setMaxPowerW(n == 0 ? 0.0 : maxPowerW[i])
                .setSampleCount(n)
                .setExpectedSamples(expectedSamples)
                .setCompleteness(Math.min(1.0, (double) n / expectedSamples))
                .setEstimatedFraction(
                        energyWh[i] > 0 ? Math.min(1.0, estimatedWh[i] / energyWh[i]) : 0.0)
                .setMinVoltageV(voltage(minVoltageV[i]))
                .setMaxVoltageV(voltage(maxVoltageV[i]))
                .build();
    }

    private static Double voltage(float v) {
        return Float.isNaN(v)
                ? null
                : Double.valueOf(Float.toString(v)); // 230.1f as 230.1, not 230.10000610351562
    }

    private int indexOf(long end) {
        for (int i = size - 1; i >= 0; i--) {
            if (ends[i] == end) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Makes room for a quarter ending at {@code end}, keeping the arrays sorted by end; returns its
     * index.
     */
    private int insert(long end, int capacity) {
        if (size == capacity) {
            dropOldest();
        }
        if (size == ends.length) {
            int grown = Math.min(capacity, Math.max(2, size * 2));
            ends = Arrays.copyOf(ends, grown);
            energyWh = Arrays.copyOf(energyWh, grown);
            estimatedWh = Arrays.copyOf(estimatedWh, grown);
            powerSumW = Arrays.copyOf(powerSumW, grown);
            maxPowerW = Arrays.copyOf(maxPowerW, grown);
            samples = Arrays.copyOf(samples, grown);
            minVoltageV = Arrays.copyOf(minVoltageV, grown);
            maxVoltageV = Arrays.copyOf(maxVoltageV, grown);
        }
        int at = size;
        while (at > 0 && ends[at - 1] > end) {
            at--;
        }
        shift(at, at + 1, size - at);
        ends[at] = end;
        energyWh[at] = 0;
        estimatedWh[at] = 0;
        powerSumW[at] = 0;
        maxPowerW[at] = Double.NEGATIVE_INFINITY;
        samples[at] = 0;
        minVoltageV[at] = Float.NaN;
        maxVoltageV[at] = Float.NaN;
        size++;
        return at;
    }

    private void dropOldest() {
        shift(1, 0, size - 1);
        size--;
    }

    private void shift(int from, int to, int length) {
        System.arraycopy(ends, from, ends, to, length);
        System.arraycopy(energyWh, from, energyWh, to, length);
        System.arraycopy(estimatedWh, from, estimatedWh, to, length);
        System.arraycopy(powerSumW, from, powerSumW, to, length);
        System.arraycopy(maxPowerW, from, maxPowerW, to, length);
        System.arraycopy(samples, from, samples, to, length);
        System.arraycopy(minVoltageV, from, minVoltageV, to, length);
        System.arraycopy(maxVoltageV, from, maxVoltageV, to, length);
    }

    /** Float.min/max would turn a NaN (no voltage yet) into NaN; here NaN means "nothing yet". */
    private static float minOf(float a, float b) {
        return Float.isNaN(a) ? b : Float.isNaN(b) ? a : Math.min(a, b);
    }

    private static float maxOf(float a, float b) {
        return Float.isNaN(a) ? b : Float.isNaN(b) ? a : Math.max(a, b);
    }
}
