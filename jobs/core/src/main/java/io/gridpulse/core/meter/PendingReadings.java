package io.gridpulse.core.meter;

import io.gridpulse.schema.MeterReading;
import java.time.Instant;
import java.util.Arrays;

/**
 * A meter's readings that wait for their quarter hour to close, kept sorted by timestamp (readings of one meter
 * mostly arrive in order, so inserting is usually appending). Equal timestamps keep their arrival order, so the first
 * of two duplicates stays first. Primitive arrays: compact on the heap and serialized by Flink's POJO serializer
 * without Kryo.
 */
public class PendingReadings {

  public long[] timestamps = new long[0];
  public double[] registersWh = new double[0];
  public double[] powersW = new double[0];
  /** NaN where the reading had no voltage. */
  public double[] voltagesV = new double[0];
  public int size;

  public PendingReadings() {}

  public void add(MeterReading reading) {
    if (size == timestamps.length) {
      int capacity = Math.max(4, size * 2);
      timestamps = Arrays.copyOf(timestamps, capacity);
      registersWh = Arrays.copyOf(registersWh, capacity);
      powersW = Arrays.copyOf(powersW, capacity);
      voltagesV = Arrays.copyOf(voltagesV, capacity);
    }
    long timestamp = reading.getTimestamp().toEpochMilli();
    int at = size;
    while (at > 0 && timestamps[at - 1] > timestamp) {
      at--;
    }
    int tail = size - at;
    System.arraycopy(timestamps, at, timestamps, at + 1, tail);
    System.arraycopy(registersWh, at, registersWh, at + 1, tail);
    System.arraycopy(powersW, at, powersW, at + 1, tail);
    System.arraycopy(voltagesV, at, voltagesV, at + 1, tail);
    timestamps[at] = timestamp;
    registersWh[at] = reading.getActiveEnergyWh();
    powersW[at] = reading.getAveragePowerW();
    voltagesV[at] = reading.getVoltageV() == null ? Double.NaN : reading.getVoltageV();
    size++;
  }

  /** How many of the oldest readings have a timestamp at or before {@code timestamp}. */
  public int countUpTo(long timestamp) {
    int n = 0;
    while (n < size && timestamps[n] <= timestamp) {
      n++;
    }
    return n;
  }

  /** Forgets the {@code n} oldest readings. */
  public void dropOldest(int n) {
    int rest = size - n;
    System.arraycopy(timestamps, n, timestamps, 0, rest);
    System.arraycopy(registersWh, n, registersWh, 0, rest);
    System.arraycopy(powersW, n, powersW, 0, rest);
    System.arraycopy(voltagesV, n, voltagesV, 0, rest);
    size = rest;
  }

  /** The i-th pending reading rebuilt as a record, for dead letters. */
  public MeterReading toReading(int i, String meterId, String feederId, String districtId) {
    return MeterReading.newBuilder()
        .setMeterId(meterId)
        .setFeederId(feederId)
        .setDistrictId(districtId)
        .setTimestamp(Instant.ofEpochMilli(timestamps[i]))
        .setActiveEnergyWh(registersWh[i])
        .setAveragePowerW(powersW[i])
        .setVoltageV(Double.isNaN(voltagesV[i]) ? null : voltagesV[i])
        .build();
  }
}
