package io.gridpulse.core.window;

import io.gridpulse.schema.MeterAggregate;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Sums a meter's quarter-hour aggregates into a longer window. */
public final class MeterRollup implements AggregateFunction<MeterAggregate, MeterRollup.Sums, MeterRollup.Sums> {

  private static final long serialVersionUID = 1L;

  /** Running sums for one meter and window; a Flink POJO. */
  public static class Sums {
    public String feederId;
    public String districtId;
    public double energyKwh;
    public double estimatedKwh;
    public double powerSampleSumW;
    public double maxPowerW;
    public int samples;

    public Sums() {}
  }

  @Override
  public Sums createAccumulator() {
    return new Sums();
  }

  @Override
  public Sums add(MeterAggregate quarter, Sums sums) {
    if (sums.samples == 0) {
      sums.feederId = quarter.getFeederId();
      sums.districtId = quarter.getDistrictId();
      sums.maxPowerW = quarter.getMaxPowerW();
    }
    sums.energyKwh += quarter.getEnergyKwh();
    sums.estimatedKwh += quarter.getEnergyKwh() * quarter.getEstimatedFraction();
    sums.powerSampleSumW += quarter.getAveragePowerW() * quarter.getSampleCount();
    sums.maxPowerW = Math.max(sums.maxPowerW, quarter.getMaxPowerW());
    sums.samples += quarter.getSampleCount();
    return sums;
  }

  @Override
  public Sums getResult(Sums sums) {
    return sums;
  }

  @Override
  public Sums merge(Sums a, Sums b) {
    if (a.samples == 0) {
      return b;
    }
    a.energyKwh += b.energyKwh;
    a.estimatedKwh += b.estimatedKwh;
    a.powerSampleSumW += b.powerSampleSumW;
    a.maxPowerW = Math.max(a.maxPowerW, b.maxPowerW);
    a.samples += b.samples;
    return a;
  }
}
