package io.gridpulse.core.pipeline;

import io.gridpulse.core.config.PipelineSettings;
import io.gridpulse.core.io.ReadingTypes;
import io.gridpulse.core.meter.MeterProcessor;
import io.gridpulse.core.window.GroupWindowFunction;
import io.gridpulse.core.window.GroupsToGroup;
import io.gridpulse.core.window.IntervalEndWindows;
import io.gridpulse.core.window.LocalDayWindows;
import io.gridpulse.core.window.MeterRollup;
import io.gridpulse.core.window.MeterRollupWindowFunction;
import io.gridpulse.core.window.MetersToGroup;
import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.GroupAggregate;
import io.gridpulse.schema.GroupLevel;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.MeterReading;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * The energy logic every job shares: readings with event-time watermarks in, aggregates out.
 *
 * <pre>
 * readings -keyBy meter-> MeterProcessor (validate, register deltas, 15 min) -(same keys)-> 1 h window -> meter 1 h
 *                                              |
 *                                              +-keyBy feeder-> 15 min -> feeder 15 min -(same keys)-> feeder 1 h
 *                                                                              |
 *                                                                              +-keyBy district-> district 15 min -> 1 h
 * </pre>
 *
 * Every aggregate also has a local calendar day (the district's time zone, 23 or 25 hours on DST changes).
 * Only the readings are shuffled at full rate; every later step sees one record per meter (or group) and quarter
 * hour, and steps that keep the key reuse the partitioning instead of shuffling again.
 */
public final class EnergyPipeline {

  static final Duration QUARTER_HOUR = Duration.ofMinutes(15);
  static final Duration HOUR = Duration.ofHours(1);

  private EnergyPipeline() {}

  public static EnergyStreams build(DataStream<MeterReading> readings, PipelineSettings settings) {
    SingleOutputStreamOperator<MeterAggregate> meterQuarters = readings
        .keyBy(MeterReading::getMeterId, Types.STRING)
        .process(new MeterProcessor(settings.meter()))
        .returns(ReadingTypes.METER_AGGREGATE)
        .name("meter 15 min").uid("meter-15m");

    DataStream<MeterAggregate> meterHours = meterRollup(meterQuarters, IntervalEndWindows.of(HOUR),
        AggregationWindow.HOUR, settings, "meter 1 h", "meter-1h");
    DataStream<MeterAggregate> meterDays = meterRollup(meterQuarters,
        LocalDayWindows.of(MeterAggregate::getDistrictId, settings.zones()), AggregationWindow.DAY, settings,
        "meter local day", "meter-1d");

    DataStream<GroupAggregate> feederQuarters = meterQuarters
        .keyBy(MeterAggregate::getFeederId, Types.STRING)
        .window(IntervalEndWindows.of(QUARTER_HOUR))
        .aggregate(new MetersToGroup(), new GroupWindowFunction(GroupLevel.FEEDER, AggregationWindow.QUARTER_HOUR))
        .returns(ReadingTypes.GROUP_AGGREGATE)
        .name("feeder 15 min").uid("feeder-15m");

    DataStream<GroupAggregate> districtQuarters = feederQuarters
        .keyBy(GroupAggregate::getDistrictId, Types.STRING)
        .window(IntervalEndWindows.of(QUARTER_HOUR))
        .aggregate(GroupsToGroup.acrossSpace(),
            new GroupWindowFunction(GroupLevel.DISTRICT, AggregationWindow.QUARTER_HOUR))
        .returns(ReadingTypes.GROUP_AGGREGATE)
        .name("district 15 min").uid("district-15m");

    LocalDayWindows<GroupAggregate> localDays = LocalDayWindows.of(GroupAggregate::getDistrictId, settings.zones());
    DataStream<GroupAggregate> feederHours = groupRollup(feederQuarters, IntervalEndWindows.of(HOUR),
        GroupLevel.FEEDER, AggregationWindow.HOUR, "feeder 1 h", "feeder-1h");
    DataStream<GroupAggregate> feederDays = groupRollup(feederQuarters, localDays,
        GroupLevel.FEEDER, AggregationWindow.DAY, "feeder local day", "feeder-1d");
    DataStream<GroupAggregate> districtHours = groupRollup(districtQuarters, IntervalEndWindows.of(HOUR),
        GroupLevel.DISTRICT, AggregationWindow.HOUR, "district 1 h", "district-1h");
    DataStream<GroupAggregate> districtDays = groupRollup(districtQuarters, localDays,
        GroupLevel.DISTRICT, AggregationWindow.DAY, "district local day", "district-1d");

    return new EnergyStreams(
        meterQuarters.union(meterHours, meterDays),
        feederQuarters.union(feederHours, feederDays, districtQuarters, districtHours, districtDays),
        meterQuarters.getSideOutput(MeterProcessor.REJECTED),
        meterQuarters.getSideOutput(MeterProcessor.REPAIRS));
  }

  /** A meter's quarter hours summed over a longer window, without a shuffle: the quarters are keyed by meter. */
  private static DataStream<MeterAggregate> meterRollup(DataStream<MeterAggregate> quarters,
      WindowAssigner<? super MeterAggregate, TimeWindow> windows, AggregationWindow window, PipelineSettings settings,
      String name, String uid) {
    return DataStreamUtils.reinterpretAsKeyedStream(quarters, MeterAggregate::getMeterId, Types.STRING)
        .window(windows)
        .aggregate(new MeterRollup(), new MeterRollupWindowFunction(window, settings.readingInterval()))
        .returns(ReadingTypes.METER_AGGREGATE)
        .name(name).uid(uid);
  }

  /** A group's quarter hours over a longer window, without a shuffle: the quarters are keyed by group. */
  private static DataStream<GroupAggregate> groupRollup(DataStream<GroupAggregate> quarters,
      WindowAssigner<? super GroupAggregate, TimeWindow> windows, GroupLevel level, AggregationWindow window,
      String name, String uid) {
    return DataStreamUtils.reinterpretAsKeyedStream(quarters, GroupAggregate::getGroupId, Types.STRING)
        .window(windows)
        .aggregate(GroupsToGroup.acrossTime(), new GroupWindowFunction(level, window))
        .returns(ReadingTypes.GROUP_AGGREGATE)
        .name(name).uid(uid);
  }
}
