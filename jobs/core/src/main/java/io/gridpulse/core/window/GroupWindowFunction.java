package io.gridpulse.core.window;

import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.GroupAggregate;
import io.gridpulse.schema.GroupLevel;
import java.time.Instant;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Emits a feeder or district roll-up. Demand is the window's average power; for a quarter hour that is also the
 * peak, since utilities measure peak demand as the highest quarter-hour average.
 */
public final class GroupWindowFunction extends ProcessWindowFunction<GroupSums, GroupAggregate, String, TimeWindow> {

  private static final long serialVersionUID = 1L;

  private final GroupLevel level;
  private final AggregationWindow window;

  public GroupWindowFunction(GroupLevel level, AggregationWindow window) {
    this.level = level;
    this.window = window;
  }

  @Override
  public void process(String groupId, Context context, Iterable<GroupSums> elements, Collector<GroupAggregate> out) {
    GroupSums sums = elements.iterator().next();
    TimeWindow timeWindow = context.window();
    double hours = (timeWindow.getEnd() - timeWindow.getStart()) / 3_600_000.0;
    double demandKw = sums.energyKwh / hours;
    out.collect(GroupAggregate.newBuilder()
        .setLevel(level)
        .setGroupId(groupId)
        .setDistrictId(sums.districtId)
        .setWindow(window)
        .setWindowStart(Instant.ofEpochMilli(timeWindow.getStart()))
        .setWindowEnd(Instant.ofEpochMilli(timeWindow.getEnd()))
        .setEnergyKwh(sums.energyKwh)
        .setDemandKw(demandKw)
        .setPeakDemandKw(window == AggregationWindow.QUARTER_HOUR ? demandKw : sums.peakDemandKw)
        .setMetersReporting(sums.metersReporting)
        .setReadings(sums.readings)
        .build());
  }
}
