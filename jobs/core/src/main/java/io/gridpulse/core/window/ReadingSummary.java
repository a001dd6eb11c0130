package io.gridpulse.core.window;

import io.gridpulse.schema.MeterReading;

/**
 * What a window needs to remember of one meter's readings: the earliest and latest register values and power
 * statistics. A few numbers per meter and window, whatever the reading interval, and independent of arrival order.
 *
 * <p>A Flink POJO (public fields, no-arg constructor) so its state is serialized without Kryo.
 */
public class ReadingSummary {

  public String meterId;
  public String feederId;
  public String districtId;
  public long firstTimestamp = Long.MAX_VALUE;
  public double firstRegisterWh;
  public long lastTimestamp = Long.MIN_VALUE;
  public double lastRegisterWh;
  public double powerSumW;
  public double maxPowerW;
  public int count;

  public ReadingSummary() {}

  public void add(MeterReading reading) {
    long timestamp = reading.getTimestamp().toEpochMilli();
    if (count == 0) {
      meterId = reading.getMeterId();
      feederId = reading.getFeederId();
      districtId = reading.getDistrictId();
      maxPowerW = reading.getAveragePowerW();
    }
    if (timestamp < firstTimestamp) {
      firstTimestamp = timestamp;
      firstRegisterWh = reading.getActiveEnergyWh();
    }
    if (timestamp > lastTimestamp) {
      lastTimestamp = timestamp;
      lastRegisterWh = reading.getActiveEnergyWh();
    }
    powerSumW += reading.getAveragePowerW();
    maxPowerW = Math.max(maxPowerW, reading.getAveragePowerW());
    count++;
  }

  public ReadingSummary merge(ReadingSummary other) {
    if (other.count == 0) {
      return this;
    }
    if (count == 0) {
      return other;
    }
    if (other.firstTimestamp < firstTimestamp) {
      firstTimestamp = other.firstTimestamp;
      firstRegisterWh = other.firstRegisterWh;
    }
    if (other.lastTimestamp > lastTimestamp) {
      lastTimestamp = other.lastTimestamp;
      lastRegisterWh = other.lastRegisterWh;
    }
    powerSumW += other.powerSumW;
    maxPowerW = Math.max(maxPowerW, other.maxPowerW);
    count += other.count;
    return this;
  }
}
