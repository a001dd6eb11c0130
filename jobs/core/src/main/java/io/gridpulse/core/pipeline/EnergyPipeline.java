package io.gridpulse.core.pipeline;

import io.gridpulse.core.config.PipelineSettings;
import io.gridpulse.core.io.ReadingTypes;
import io.gridpulse.core.meter.MeterProcessor;
import io.gridpulse.core.window.GroupWindowFunction;
import io.gridpulse.core.window.GroupsToGroup;
import io.gridpulse.core.window.IntervalEndWindows;
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

    DataStream<MeterAggregate> meterHours = DataStreamUtils
        .reinterpretAsKeyedStream(meterQuarters, MeterAggregate::getMeterId, Types.STRING)
        .window(IntervalEndWindows.of(HOUR))
        .aggregate(new MeterRollup(),
            new MeterRollupWindowFunction(AggregationWindow.HOUR, HOUR, settings.readingInterval()))
        .returns(ReadingTypes.METER_AGGREGATE)
        .name("meter 1 h").uid("meter-1h");

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

    DataStream<GroupAggregate> feederHours = hourly(feederQuarters, GroupLevel.FEEDER, "feeder");
    DataStream<GroupAggregate> districtHours = hourly(districtQuarters, GroupLevel.DISTRICT, "district");

    return new EnergyStreams(
        meterQuarters.union(meterHours),
        feederQuarters.union(feederHours, districtQuarters, districtHours),
        meterQuarters.getSideOutput(MeterProcessor.REJECTED));
  }

  private static DataStream<GroupAggregate> hourly(DataStream<GroupAggregate> quarters, GroupLevel level, String name) {
    return DataStreamUtils.reinterpretAsKeyedStream(quarters, GroupAggregate::getGroupId, Types.STRING)
        .window(IntervalEndWindows.of(HOUR))
        .aggregate(GroupsToGroup.acrossTime(), new GroupWindowFunction(level, AggregationWindow.HOUR))
        .returns(ReadingTypes.GROUP_AGGREGATE)
        .name(name + " 1 h").uid(name + "-1h");
  }
}
