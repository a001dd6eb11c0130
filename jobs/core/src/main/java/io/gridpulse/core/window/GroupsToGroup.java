package io.gridpulse.core.window;

import io.gridpulse.schema.GroupAggregate;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Combines group roll-ups, in one of two ways. Across space (feeders into their district, same window) the members
 * are disjoint, so meter counts add up. Across time (a group's quarters into its hour) the same meters appear in
 * every quarter, so the count is the largest of any quarter, and the peak is the highest quarter-hour demand.
 */
public final class GroupsToGroup implements AggregateFunction<GroupAggregate, GroupSums, GroupSums> {

  private static final long serialVersionUID = 1L;

  private final boolean acrossTime;

  private GroupsToGroup(boolean acrossTime) {
    this.acrossTime = acrossTime;
  }

  /** Feeders into their district within the same window. */
  public static GroupsToGroup acrossSpace() {
    return new GroupsToGroup(false);
  }

  /** A group's quarter hours into a longer window. */
  public static GroupsToGroup acrossTime() {
    return new GroupsToGroup(true);
  }

  @Override
  public GroupSums createAccumulator() {
    return new GroupSums();
  }

  @Override
  public GroupSums add(GroupAggregate group, GroupSums sums) {
    sums.districtId = group.getDistrictId();
    sums.energyKwh += group.getEnergyKwh();
    sums.readings += group.getReadings();
    sums.peakDemandKw = Math.max(sums.peakDemandKw, group.getPeakDemandKw());
    sums.metersReporting = acrossTime
        ? Math.max(sums.metersReporting, group.getMetersReporting())
        : sums.metersReporting + group.getMetersReporting();
    return sums;
  }

  @Override
  public GroupSums getResult(GroupSums sums) {
    return sums;
  }

  @Override
  public GroupSums merge(GroupSums a, GroupSums b) {
    if (acrossTime) {
      a.energyKwh += b.energyKwh;
      a.readings += b.readings;
      a.peakDemandKw = Math.max(a.peakDemandKw, b.peakDemandKw);
      a.metersReporting = Math.max(a.metersReporting, b.metersReporting);
      return a;
    }
    return a.mergeDisjoint(b);
  }
}
