package io.gridpulse.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the {@link GroundTruth} from the very register values the simulation emits, one hour
 * window at a time.
 *
 * <p>The simulation calls {@link #beforeStep} ahead of each step after the first, with the
 * registers as they were at the previous step. When a step's timestamp falls into a new hour
 * window, the previous window is closed: each meter's energy is its register now minus its register
 * when the window opened. Memory: one double per meter per hour (if per-meter truth is kept) plus
 * one per feeder and district per hour.
 */
final class GroundTruthRecorder {

    private static final long HOUR_MILLIS = 3_600_000L;

    private final Topology topology;
    private final HouseholdProfile[] households;
    private final boolean meterTruth;
    private final int[] feederOfMeter;
    private final int[] districtOfMeter;
    private final double[] windowStartRegisters;
    private final List<double[]> meterWh = new ArrayList<>();
    private final List<double[]> feederWh = new ArrayList<>();
    private final List<double[]> districtWh = new ArrayList<>();

    private long firstWindowMillis = Long.MIN_VALUE;
    private long openWindowMillis = Long.MIN_VALUE;
    private long readings;

    GroundTruthRecorder(Topology topology, HouseholdProfile[] households, boolean meterTruth) {
        this.topology = topology;
        this.households = households;
        this.meterTruth = meterTruth;
        int n = topology.households();
        this.feederOfMeter = new int[n];
        this.districtOfMeter = new int[n];
        for (int m = 0; m < n; m++) {
            feederOfMeter[m] = topology.feederOfMeter(m);
            districtOfMeter[m] = topology.districtOfMeter(m);
        }
        this.windowStartRegisters = new double[n];
    }

    /** The registers at the start reading, which open the first window. */
    void anchor(double[] registers) {
        System.arraycopy(registers, 0, windowStartRegisters, 0, registers.length);
    }

    /**
     * Called before the households of the step ending at {@code endMillis} update {@code
     * registers}.
     */
    void beforeStep(long endMillis, double[] registers) {
        long window = windowOf(endMillis);
        if (window != openWindowMillis) {
            closeWindow(registers);
            openWindowMillis = window;
            if (firstWindowMillis == Long.MIN_VALUE) {
                firstWindowMillis = window;
            }
        }
    }

    void countReadings(long count) {
        readings += count;
    }

    /** Closes the last window with the final registers and hands over the result. */
    GroundTruth finish(double[] registers) {
        closeWindow(registers);
        long first = firstWindowMillis == Long.MIN_VALUE ? 0 : firstWindowMillis;
        return new GroundTruth(
                topology,
                Arrays.asList(households),
                first,
                meterTruth,
                meterWh,
                feederWh,
                districtWh,
                readings);
    }

    /** The hour window (h, h + 1h] holding a reading at {@code millis}, identified by h. */
    static long windowOf(long millis) {
        return Math.floorDiv(millis - 1, HOUR_MILLIS) * HOUR_MILLIS;
    }

    private void closeWindow(double[] registers) {
        if (openWindowMillis == Long.MIN_VALUE) {
            return;
        }
        double[] meters = meterTruth ? new double[registers.length] : null;
        double[] feeders = new double[topology.feeders()];
        double[] districts = new double[topology.districts()];
        for (int m = 0; m < registers.length; m++) {
            double wh =
                    registers[m]
                            - windowStartRegisters[m]; // exact: registers are multiples of 2^-10 Wh
            if (meters != null) {
                meters[m] = wh;
            }
            feeders[feederOfMeter[m]] += wh;
            districts[districtOfMeter[m]] += wh;
        }
        if (meters != null) {
            meterWh.add(meters);
        }
        feederWh.add(feeders);
        districtWh.add(districts);
        System.arraycopy(registers, 0, windowStartRegisters, 0, registers.length);
        openWindowMillis = Long.MIN_VALUE;
    }
}
