package io.gridpulse.core.meter;

/**
 * Everything GridPulse remembers about one meter between readings: its latest accepted reading (the start of the
 * next interval's register delta), a count of intervals its register has been frozen, and the readings waiting for
 * their quarter hour to close. A Flink POJO: a few dozen bytes plus the pending readings.
 */
public class MeterState {

  public String feederId;
  public String districtId;
  /** Long.MIN_VALUE until the meter's first reading has been accepted. */
  public long lastTimestamp = Long.MIN_VALUE;
  public double lastRegisterWh;
  public double lastPowerW;
  public double lastVoltageV = Double.NaN;
  public int frozenIntervals;
  public PendingReadings pending = new PendingReadings();

  public MeterState() {}

  boolean hasAcceptedReading() {
    return lastTimestamp != Long.MIN_VALUE;
  }
}
