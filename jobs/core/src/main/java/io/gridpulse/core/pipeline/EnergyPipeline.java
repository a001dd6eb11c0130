package io.gridpulse.core.pipeline;

import io.gridpulse.core.config.PipelineSettings;
import io.gridpulse.core.io.ReadingTypes;
import io.gridpulse.core.meter.MeterProcessor;
import io.gridpulse.core.meter.MeterQuarter;
import io.gridpulse.core.window.GroupRollup;
import io.gridpulse.core.window.GroupWindowFunction;
import io.gridpulse.core.window.MeterRollup;
import io.gridpulse.core.window.MeterRollupWindowFunction;
import io.gridpulse.core.window.QuarterWindows;
import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.GroupAggregate;
import io.gridpulse.schema.GroupLevel;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.MeterReading;
import java.time.Duration;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The energy logic every job shares: readings with event-time watermarks in, aggregates out.
 *
 * <pre>
 * readings -keyBy meter-> MeterProcessor (VEE) --> meter 15 min
 *                                  |
 *                                  +--quarter-hour additions--+--(same keys)--> meter 1 h, local day
 *                                                                         +--keyBy feeder--> feeder 15 min, 1 h, local day
 *                                                                         +--keyBy district--> district 15 min, 1 h, day
 * </pre>
 *
 * Only the readings are shuffled at full rate; the roll-ups see one addition per meter and quarter hour (plus the
 * rare late one). Each roll-up sums additions itself rather than another roll-up's output, so a late addition
 * re-fires exactly the windows it belongs to, whose rewritten points replace the old ones in InfluxDB, and nothing
 * is counted twice. Windows of one key share one shuffle: they are chained behind a single keyed pass-through.
 */
public final class EnergyPipeline {

  static final Duration QUARTER_HOUR = Duration.ofMinutes(15);
  static final Duration HOUR = Duration.ofHours(1);
  static final TypeInformation<MeterQuarter> QUARTER = TypeInformation.of(MeterQuarter.class);

  private EnergyPipeline() {}

  public static EnergyStreams build(DataStream<MeterReading> readings, PipelineSettings settings) {
    SingleOutputStreamOperator<MeterQuarter> additions = readings
        .keyBy(MeterReading::getMeterId, Types.STRING)
        .process(new MeterProcessor(settings.meter()))
        .returns(QUARTER)
        .name("meter VEE").uid("meter-vee");
    Windows windows = new Windows(settings);

    DataStream<MeterAggregate> meters = additions.getSideOutput(MeterProcessor.QUARTERS)
        .union(windows.meter(additions, HOUR, AggregationWindow.HOUR),
            windows.meter(additions, null, AggregationWindow.DAY));

    DataStream<MeterQuarter> byFeeder = partition(additions, MeterQuarter::feederId, "feeder");
    DataStream<MeterQuarter> byDistrict = partition(additions, MeterQuarter::districtId, "district");
    DataStream<GroupAggregate> groups = windows.group(byFeeder, GroupLevel.FEEDER, QUARTER_HOUR)
        .union(windows.group(byFeeder, GroupLevel.FEEDER, HOUR),
            windows.group(byFeeder, GroupLevel.FEEDER, null),
            windows.group(byDistrict, GroupLevel.DISTRICT, QUARTER_HOUR),
            windows.group(byDistrict, GroupLevel.DISTRICT, HOUR),
            windows.group(byDistrict, GroupLevel.DISTRICT, null));

    return new EnergyStreams(meters, groups,
        additions.getSideOutput(MeterProcessor.REJECTED),
        additions.getSideOutput(MeterProcessor.REPAIRS),
        additions.getSideOutput(MeterProcessor.GAPS));
  }

  /** One shuffle by a group id; the group's windows are chained behind it. */
  private static DataStream<MeterQuarter> partition(DataStream<MeterQuarter> additions,
      KeySelector<MeterQuarter, String> key, String group) {
    return additions.keyBy(key, Types.STRING)
        .map(new PassThrough()).returns(QUARTER)
        .name("by " + group).uid("by-" + group);
  }

  /** The roll-up windows, all with the lateness that late readings and gap filling need. */
  private record Windows(PipelineSettings settings) {

    DataStream<MeterAggregate> meter(DataStream<MeterQuarter> additions, Duration size, AggregationWindow window) {
      String name = "meter " + label(window);
      return DataStreamUtils.reinterpretAsKeyedStream(additions, MeterQuarter::meterId, Types.STRING)
          .window(size == null ? QuarterWindows.localDays(settings.zones()) : QuarterWindows.of(size))
          .allowedLateness(settings.meter().rollupLateness())
          .aggregate(new MeterRollup(), new MeterRollupWindowFunction(window, settings.readingInterval()))
          .returns(ReadingTypes.METER_AGGREGATE)
          .name(name).uid(name.replace(' ', '-'));
    }

    DataStream<GroupAggregate> group(DataStream<MeterQuarter> partitioned, GroupLevel level, Duration size) {
      AggregationWindow window = size == null ? AggregationWindow.DAY
          : size.equals(HOUR) ? AggregationWindow.HOUR : AggregationWindow.QUARTER_HOUR;
      KeySelector<MeterQuarter, String> key =
          level == GroupLevel.FEEDER ? MeterQuarter::feederId : MeterQuarter::districtId;
      String name = level.name().toLowerCase(java.util.Locale.ROOT) + " " + label(window);
      return DataStreamUtils.reinterpretAsKeyedStream(partitioned, key, Types.STRING)
          .window(size == null ? QuarterWindows.localDays(settings.zones()) : QuarterWindows.of(size))
          .allowedLateness(settings.meter().rollupLateness())
          .aggregate(new GroupRollup(), new GroupWindowFunction(level, window, settings.readingInterval()))
          .returns(ReadingTypes.GROUP_AGGREGATE)
          .name(name).uid(name.replace(' ', '-'));
    }

    private static String label(AggregationWindow window) {
      return switch (window) {
        case QUARTER_HOUR -> "15m";
        case HOUR -> "1h";
        case DAY -> "1d";
      };
    }
  }

  /** Marks where a keyed shuffle lands, so several windows can be chained behind it. */
  private static final class PassThrough implements MapFunction<MeterQuarter, MeterQuarter> {
    private static final long serialVersionUID = 1L;

    @Override
    public MeterQuarter map(MeterQuarter quarter) {
      return quarter;
    }
  }
}
