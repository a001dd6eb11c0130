package io.gridpulse.core.window;

import java.util.Arrays;

/**
 * A feeder's or district's running sums in one window, kept per quarter hour: peak demand is the
 * highest quarter-hour sum and meters reporting the most in any quarter, and both stay right when a
 * late update changes one quarter. Quarters are either summed from meters' additions ({@link #add})
 * or taken whole from the group's own quarter-hour aggregates, the latest version replacing the one
 * before ({@link #put}). At most 100 quarters (a 25-hour day). A Flink POJO.
 */
public class GroupSlots {

    public String districtId;
    public long[] quarterEnds = new long[0];
    public double[] energyWh = new double[0];
    public double[] estimatedWh = new double[0];
    public int[] meters = new int[0];
    public long[] readings = new long[0];
    public int size;

    public GroupSlots() {}

    void add(long quarterEnd, double wh, double estimated, int newMeters, long newReadings) {
        int slot = slotOf(quarterEnd);
        energyWh[slot] += wh;
        estimatedWh[slot] += estimated;
        meters[slot] += newMeters;
        readings[slot] += newReadings;
    }

    void put(
            long quarterEnd, double wh, double estimated, int quarterMeters, long quarterReadings) {
        int slot = slotOf(quarterEnd);
        energyWh[slot] = wh;
        estimatedWh[slot] = estimated;
        meters[slot] = quarterMeters;
        readings[slot] = quarterReadings;
    }

    void addAll(GroupSlots other) {
        if (districtId == null) {
            districtId = other.districtId;
        }
        for (int i = 0; i < other.size; i++) {
            add(
                    other.quarterEnds[i],
                    other.energyWh[i],
                    other.estimatedWh[i],
                    other.meters[i],
                    other.readings[i]);
        }
    }

    double totalEnergyWh() {
        return Arrays.stream(energyWh, 0, size).sum();
    }

    double totalEstimatedWh() {
        return Arrays.stream(estimatedWh, 0, size).sum();
    }

    long totalReadings() {
        return Arrays.stream(readings, 0, size).sum();
    }

    double peakQuarterWh() {
        return Arrays.stream(energyWh, 0, size).max().orElse(0);
    }

    int mostMeters() {
        return Arrays.stream(meters, 0, size).max().orElse(0);
    }

    private int slotOf(long quarterEnd) {
        for (int i = 0; i < size; i++) {
            if (quarterEnds[i] == quarterEnd) {
                return i;
            }
        }
        if (size == quarterEnds.length) {
            int capacity = Math.max(4, size * 2);
            quarterEnds = Arrays.copyOf(quarterEnds, capacity);
            energyWh = Arrays.copyOf(energyWh, capacity);
            estimatedWh = Arrays.copyOf(estimatedWh, capacity);
            meters = Arrays.copyOf(meters, capacity);
            readings = Arrays.copyOf(readings, capacity);
        }
        quarterEnds[size] = quarterEnd;
        return size++;
    }
}
