package io.gridpulse.core.pipeline;

import io.gridpulse.core.anomaly.AnomalyDetector;
import io.gridpulse.core.anomaly.DistrictCrowds;
import io.gridpulse.core.anomaly.FeederWatch;
import io.gridpulse.core.anomaly.ResolvedAfterOpen;
import io.gridpulse.core.anomaly.SilenceSignal;
import io.gridpulse.core.anomaly.SilenceSignalTime;
import io.gridpulse.core.io.ReadingTypes;
import io.gridpulse.core.meter.MeterProcessor;
import io.gridpulse.core.meter.MeterQuarter;
import io.gridpulse.core.window.FeederSlots;
import io.gridpulse.core.window.GroupRollup;
import io.gridpulse.core.window.GroupWindowFunction;
import io.gridpulse.core.window.MeterRollup;
import io.gridpulse.core.window.MeterRollupWindowFunction;
import io.gridpulse.core.window.QuarterWindows;
import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.GroupAggregate;
import io.gridpulse.schema.GroupLevel;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.schema.WeatherObservation;
import java.time.Duration;
import java.util.Locale;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The energy logic every job shares: readings with event-time watermarks in, aggregates out.
 *
 * <pre>
 * readings -keyBy meter-> MeterProcessor (VEE) --> meter 15 min (written, and rewritten after late additions)
 *                              |
 *                              +-- quarter-hour additions --(same keys)--> meter 1 h, meter local day
 *                              +-- quarter-hour additions --keyBy feeder--> feeder 15 min --(same keys)--> 1 h, day
 *                                                                               +--keyBy district--> district 15 min
 *                                                                                     --(same keys)--> 1 h, day
 *                              +-- meter 15 min --(same keys)--> AnomalyDetector --keyBy district--> DistrictCrowds --> anomalies
 *                                                  weather --broadcast--^
 *                                                                   +-- silences --keyBy feeder--> FeederWatch --^
 *                                                                   +-- meters seen --keyBy district--^
 *
 * In BATCH mode (replays) the same code runs; each keyed stage sees its keys one after the other with their input
 * sorted by event time, and timers fire after a key's input. The feeder stage, which must weigh silences of many
 * meters against each other in time, is told so and decides as its sorted input passes each decision's time.
 * </pre>
 *
 * Only the readings are shuffled at full rate; per meter, the roll-ups see one addition per quarter
 * hour (plus the rare late one), and past the feeder stage one record per feeder and quarter hour.
 * A late addition re-fires the windows it belongs to and their rewritten points replace the old
 * ones in InfluxDB. Nothing is counted twice: windows that sum additions see each once, and windows
 * built from quarter-hour aggregates keep the latest version of each quarter (or feeder) instead of
 * adding it again.
 */
public final class EnergyPipeline {

    static final Duration QUARTER_HOUR = Duration.ofMinutes(15);
    static final Duration HOUR = Duration.ofHours(1);
    static final TypeInformation<MeterQuarter> QUARTER = TypeInformation.of(MeterQuarter.class);

    private EnergyPipeline() {}

    public static EnergyStreams build(
            DataStream<MeterReading> readings, PipelineSettings settings) {
        return build(readings, null, settings);
    }

    /**
     * With the districts' temperatures for the anomaly detectors ({@code weather} null: none, the
     * profiles' level alone follows the weather).
     */
    public static EnergyStreams build(
            DataStream<MeterReading> readings,
            DataStream<WeatherObservation> weather,
            PipelineSettings settings) {
        SingleOutputStreamOperator<MeterQuarter> additions =
                readings.keyBy(MeterReading::getMeterId, Types.STRING)
                        .process(new MeterProcessor(settings.meter()))
                        .returns(QUARTER)
                        .name("meter VEE")
                        .uid("meter-vee");
        Duration lateness = settings.meter().rollupLateness();

        DataStream<MeterAggregate> quarters = additions.getSideOutput(MeterProcessor.QUARTERS);
        DataStream<MeterAggregate> meters =
                isBatch(readings)
                        ? quarters.union(meterHoursAndDays(additions, settings))
                        : quarters.union(
                                meterWindow(additions, HOUR, settings),
                                meterWindow(additions, null, settings));

        SingleOutputStreamOperator<GroupAggregate> feederQuarters =
                additions
                        .keyBy(MeterQuarter::feederId, Types.STRING)
                        .window(QuarterWindows.ofMeters(QUARTER_HOUR, settings.zones()))
                        .allowedLateness(lateness)
                        .aggregate(
                                GroupRollup.meters(),
                                groupFunction(
                                        GroupLevel.FEEDER,
                                        AggregationWindow.QUARTER_HOUR,
                                        settings))
                        .returns(ReadingTypes.GROUP_AGGREGATE)
                        .name("feeder 15m")
                        .uid("feeder-15m");
        SingleOutputStreamOperator<GroupAggregate> districtQuarters =
                feederQuarters
                        .keyBy(GroupAggregate::getDistrictId, Types.STRING)
                        .window(QuarterWindows.ofGroups(QUARTER_HOUR, settings.zones()))
                        .allowedLateness(lateness)
                        .aggregate(
                                new FeederSlots(),
                                groupFunction(
                                        GroupLevel.DISTRICT,
                                        AggregationWindow.QUARTER_HOUR,
                                        settings))
                        .returns(ReadingTypes.GROUP_AGGREGATE)
                        .name("district 15m")
                        .uid("district-15m");
        DataStream<GroupAggregate> groups =
                feederQuarters.union(
                        districtQuarters,
                        groupWindow(feederQuarters, GroupLevel.FEEDER, HOUR, settings),
                        groupWindow(feederQuarters, GroupLevel.FEEDER, null, settings),
                        groupWindow(districtQuarters, GroupLevel.DISTRICT, HOUR, settings),
                        groupWindow(districtQuarters, GroupLevel.DISTRICT, null, settings));

        return new EnergyStreams(
                meters,
                groups,
                additions.getSideOutput(MeterProcessor.REJECTED),
                additions.getSideOutput(MeterProcessor.REPAIRS),
                additions.getSideOutput(MeterProcessor.GAPS),
                anomalies(quarters, weather, settings));
    }

    /**
     * Meter anomalies from each meter's quarter hours as they close (same keys as the meter stage:
     * no shuffle), and silences judged per feeder (one record per silence: a cheap shuffle).
     */
    private static DataStream<Anomaly> anomalies(
            DataStream<MeterAggregate> quarters,
            DataStream<WeatherObservation> weather,
            PipelineSettings settings) {
        boolean batch = isBatch(quarters);
        SingleOutputStreamOperator<Anomaly> meterAnomalies =
                DataStreamUtils.reinterpretAsKeyedStream(
                                quarters, MeterAggregate::getMeterId, Types.STRING)
                        .connect(DetectorWeather.broadcast(quarters, weather))
                        .process(
                                new AnomalyDetector(
                                        settings.anomaly(),
                                        settings.zones(),
                                        weather != null && !batch))
                        .returns(ReadingTypes.ANOMALY)
                        .name("meter anomalies")
                        .uid("meter-anomalies");
        DataStream<SilenceSignal> voices =
                meterAnomalies
                        .getSideOutput(AnomalyDetector.SILENCE)
                        .transform(
                                "silence time",
                                TypeInformation.of(SilenceSignal.class),
                                new SilenceSignalTime())
                        .uid("silence-time");
        DataStream<Anomaly> feederAnomalies =
                voices.keyBy(SilenceSignal::feederId, Types.STRING)
                        .process(new FeederWatch(settings.anomaly(), batch))
                        .returns(ReadingTypes.ANOMALY)
                        .name("feeder silences")
                        .uid("feeder-silences");
        DataStream<Anomaly> meterEvents =
                batch
                        ? meterAnomalies
                                .transform(
                                        "resolved after open",
                                        ReadingTypes.ANOMALY,
                                        new ResolvedAfterOpen())
                                .uid("resolved-after-open")
                        : meterAnomalies;
        DataStream<Anomaly> judgedByDistrict =
                meterEvents
                        .keyBy(Anomaly::getDistrictId, Types.STRING)
                        .connect(voices.keyBy(SilenceSignal::districtId, Types.STRING))
                        .process(new DistrictCrowds(settings.anomaly()))
                        .returns(ReadingTypes.ANOMALY)
                        .name("district crowds")
                        .uid("district-crowds");
        return judgedByDistrict.union(feederAnomalies);
    }

    /** A meter's hour ({@code size}) or local day (null) from its additions, without a shuffle. */
    private static DataStream<MeterAggregate> meterWindow(
            DataStream<MeterQuarter> additions, Duration size, PipelineSettings settings) {
        AggregationWindow window = size == null ? AggregationWindow.DAY : AggregationWindow.HOUR;
        String name = "meter " + label(window);
        return DataStreamUtils.reinterpretAsKeyedStream(
                        additions, MeterQuarter::meterId, Types.STRING)
                .window(QuarterWindows.ofMeters(size, settings.zones()))
                .allowedLateness(settings.meter().rollupLateness())
                .aggregate(
                        new MeterRollup(),
                        new MeterRollupWindowFunction(window, settings.readingInterval()))
                .returns(ReadingTypes.METER_AGGREGATE)
                .name(name)
                .uid(name.replace(' ', '-'));
    }

    /**
     * BATCH only: a meter's hours and local days in one window operator (the live job keeps two,
     * with the operator ids its savepoints know). In BATCH every keyed operator sorts its whole
     * input, and these see every addition.
     */
    private static DataStream<MeterAggregate> meterHoursAndDays(
            DataStream<MeterQuarter> additions, PipelineSettings settings) {
        return DataStreamUtils.reinterpretAsKeyedStream(
                        additions, MeterQuarter::meterId, Types.STRING)
                .window(QuarterWindows.hoursAndDaysOfMeters(settings.zones()))
                .allowedLateness(settings.meter().rollupLateness())
                .aggregate(
                        new MeterRollup(),
                        new MeterRollupWindowFunction(null, settings.readingInterval()))
                .returns(ReadingTypes.METER_AGGREGATE)
                .name("meter 1h and 1d")
                .uid("meter-1h-1d");
    }

    /** Whether the stream's job runs in BATCH execution mode. */
    public static boolean isBatch(DataStream<?> stream) {
        return stream.getExecutionEnvironment()
                        .getConfiguration()
                        .get(ExecutionOptions.RUNTIME_MODE)
                == RuntimeExecutionMode.BATCH;
    }

    /**
     * A group's hour ({@code size}) or local day (null) from its quarter hours, without a shuffle.
     */
    private static DataStream<GroupAggregate> groupWindow(
            DataStream<GroupAggregate> quarters,
            GroupLevel level,
            Duration size,
            PipelineSettings settings) {
        AggregationWindow window = size == null ? AggregationWindow.DAY : AggregationWindow.HOUR;
        String name = level.name().toLowerCase(Locale.ROOT) + " " + label(window);
        return DataStreamUtils.reinterpretAsKeyedStream(
                        quarters, GroupAggregate::getGroupId, Types.STRING)
                .window(QuarterWindows.ofGroups(size, settings.zones()))
                .allowedLateness(settings.meter().rollupLateness())
                .aggregate(GroupRollup.quarters(), groupFunction(level, window, settings))
                .returns(ReadingTypes.GROUP_AGGREGATE)
                .name(name)
                .uid(name.replace(' ', '-'));
    }

    private static GroupWindowFunction groupFunction(
            GroupLevel level, AggregationWindow window, PipelineSettings settings) {
        return new GroupWindowFunction(level, window, settings.readingInterval());
    }

    private static String label(AggregationWindow window) {
        return switch (window) {
            case QUARTER_HOUR -> "15m";
            case HOUR -> "1h";
            case DAY -> "1d";
        };
    }
}
