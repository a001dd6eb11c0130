package io.gridpulse.core.window;

/** Running sums of a feeder or district roll-up; a Flink POJO. */
public class GroupSums {
  public String districtId;
  public double energyKwh;
  public double peakDemandKw;
  public int metersReporting;
  public long readings;

  public GroupSums() {}

  GroupSums mergeDisjoint(GroupSums other) {
    if (districtId == null) {
      districtId = other.districtId;
    }
    energyKwh += other.energyKwh;
    peakDemandKw = Math.max(peakDemandKw, other.peakDemandKw);
    metersReporting += other.metersReporting;
    readings += other.readings;
    return this;
  }
}
