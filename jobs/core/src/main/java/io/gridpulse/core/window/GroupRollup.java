package io.gridpulse.core.window;

import io.gridpulse.core.meter.MeterQuarter;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Adds meters' quarter-hour additions into a feeder's or district's window. Every roll-up reads the meter stage's
 * additions directly (not another roll-up's output), so an update that reaches a window late is added once, not
 * again with every window it has already been summed into.
 */
public final class GroupRollup implements AggregateFunction<MeterQuarter, GroupSlots, GroupSlots> {

  private static final long serialVersionUID = 1L;

  @Override
  public GroupSlots createAccumulator() {
    return new GroupSlots();
  }

  @Override
  public GroupSlots add(MeterQuarter quarter, GroupSlots slots) {
    slots.districtId = quarter.districtId;
    slots.add(quarter.end, quarter.energyWh, quarter.first ? 1 : 0, quarter.samples);
    slots.estimatedWh += quarter.estimatedWh;
    return slots;
  }

  @Override
  public GroupSlots getResult(GroupSlots slots) {
    return slots;
  }

  @Override
  public GroupSlots merge(GroupSlots a, GroupSlots b) {
    a.addAll(b);
    return a;
  }
}
