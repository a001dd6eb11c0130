package io.gridpulse.core.window;

import java.util.Arrays;

/**
 * A feeder's or district's running sums in one window, kept per quarter hour: peak demand is the highest
 * quarter-hour sum and meters reporting the most in any quarter, and both stay right when a late addition changes one
 * quarter. At most 100 quarters (a 25-hour day). A Flink POJO.
 */
public class GroupSlots {

  public String districtId;
  public long[] quarterEnds = new long[0];
  public double[] energyWh = new double[0];
  public int[] meters = new int[0];
  public int size;
  public long readings;
  public double estimatedWh;

  public GroupSlots() {}

  void add(long quarterEnd, double wh, int newMeters, long newReadings) {
    int slot = slotOf(quarterEnd);
    energyWh[slot] += wh;
    meters[slot] += newMeters;
    readings += newReadings;
  }

  void addAll(GroupSlots other) {
    if (districtId == null) {
      districtId = other.districtId;
    }
    for (int i = 0; i < other.size; i++) {
      add(other.quarterEnds[i], other.energyWh[i], other.meters[i], 0);
    }
    readings += other.readings;
    estimatedWh += other.estimatedWh;
  }

  double totalEnergyWh() {
    double total = 0;
    for (int i = 0; i < size; i++) {
      total += energyWh[i];
    }
    return total;
  }

  double peakQuarterWh() {
    double peak = 0;
    for (int i = 0; i < size; i++) {
      peak = Math.max(peak, energyWh[i]);
    }
    return peak;
  }

  int mostMeters() {
    int most = 0;
    for (int i = 0; i < size; i++) {
      most = Math.max(most, meters[i]);
    }
    return most;
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
      meters = Arrays.copyOf(meters, capacity);
    }
    quarterEnds[size] = quarterEnd;
    return size++;
  }
}
