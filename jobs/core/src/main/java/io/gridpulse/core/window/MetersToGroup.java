package io.gridpulse.core.window;

import io.gridpulse.schema.MeterAggregate;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Adds up the quarter-hour aggregates of a feeder's meters in one window. */
public final class MetersToGroup implements AggregateFunction<MeterAggregate, GroupSums, GroupSums> {

  private static final long serialVersionUID = 1L;

  @Override
  public GroupSums createAccumulator() {
    return new GroupSums();
  }

  @Override
  public GroupSums add(MeterAggregate meter, GroupSums sums) {
    sums.districtId = meter.getDistrictId();
    sums.energyKwh += meter.getEnergyKwh();
    sums.metersReporting++;
    sums.readings += meter.getSampleCount();
    return sums;
  }

  @Override
  public GroupSums getResult(GroupSums sums) {
    return sums;
  }

  @Override
  public GroupSums merge(GroupSums a, GroupSums b) {
    return a.mergeDisjoint(b);
  }
}
