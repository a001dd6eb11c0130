package io.gridpulse.replay;

import io.gridpulse.core.io.DeadLetterRouter;
import io.gridpulse.core.io.ReadingTypes;
import io.gridpulse.core.pipeline.EnergyPipeline;
import io.gridpulse.core.pipeline.EnergyStreams;
import io.gridpulse.core.pipeline.Outputs;
import io.gridpulse.core.pipeline.PipelineSettings;
import io.gridpulse.core.pipeline.ReadingWatermarks;
import io.gridpulse.core.pipeline.Workflow;
import io.gridpulse.core.quality.DataQuality;
import io.gridpulse.core.quality.QualityEvent;
import io.gridpulse.core.vee.ReadingRules;
import io.gridpulse.replay.gaps.GapEstimate;
import io.gridpulse.replay.gaps.LongGapEstimator;
import io.gridpulse.replay.input.AvroFileFormat;
import io.gridpulse.replay.input.CsvFileFormat;
import io.gridpulse.replay.input.MeterRow;
import io.gridpulse.replay.input.RowsToReadings;
import io.gridpulse.replay.input.WeatherFileFormat;
import io.gridpulse.replay.input.WholeFileFormat;
import io.gridpulse.replay.progress.Counters;
import io.gridpulse.replay.progress.Tally;
import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.schema.WeatherObservation;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.configuration.BatchExecutionOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;

/**
 * The replay's dataflow: its inputs turned into the stream of decoded readings the live job gets
 * from Kafka, then the monitor job's own pipeline and sinks ({@link Workflow#writeTo}), with every
 * outcome counted for the summary. Run in BATCH mode. Files are read by Flink's file source, one
 * reader per file.
 *
 * <pre>
 * avro files  -> read + check -> count ---------------------------------+
 * csv files   -> parse -> count -> keyBy meter -> rows to readings -----+-> route dead letters -> energy pipeline
 * kafka range -> decode + check (the live decoder) ---------------------+        -> the monitor job's sinks
 * weather csv -> parse -> count -> weather sink
 * (--estimate-long-gaps) long gaps + meter hours -keyBy meter-> long-gap estimates -> their sinks
 * </pre>
 */
public final class ReplayPipeline {

    static final TypeInformation<MeterRow> ROW = TypeInformation.of(MeterRow.class);
    static final TypeInformation<WeatherObservation> WEATHER =
            new AvroTypeInfo<>(WeatherObservation.class);

    private ReplayPipeline() {}

    /**
     * BATCH execution with the parallelism as configured: the adaptive batch scheduler would pick
     * each stage's parallelism from its data volume and turn the default forward edges into
     * redistributions, and then an anomaly's OPEN and RESOLVED events could reach different sink
     * writers, in either order.
     */
    public static Configuration batchMode(Configuration config) {
        config.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        config.set(BatchExecutionOptions.ADAPTIVE_AUTO_PARALLELISM_ENABLED, false);
        return config;
    }

    public static void build(
            StreamExecutionEnvironment env,
            ReplayInputs inputs,
            Outputs sinks,
            List<Sink<WeatherObservation>> weatherSinks,
            PipelineSettings settings,
            ReadingRules rules) {
        build(env, inputs, sinks, weatherSinks, settings, rules, List.of());
    }

    /**
     * With an estimate for every gap too long to fill, from its meter's hour-of-week profile, sent
     * to {@code gapEstimateSinks} apart from the energy (none: no estimates are made).
     */
    public static void build(
            StreamExecutionEnvironment env,
            ReplayInputs inputs,
            Outputs sinks,
            List<Sink<WeatherObservation>> weatherSinks,
            PipelineSettings settings,
            ReadingRules rules,
            List<Sink<GapEstimate>> gapEstimateSinks) {
        DataStream<Either<DeadLetter, WeatherObservation>> weatherRows =
                inputs.weatherFiles().isEmpty() ? null : weatherRows(env, inputs);
        DataStream<WeatherObservation> weather =
                weatherRows == null ? null : observations(weatherRows, weatherSinks);
        DataStream<DeadLetter> weatherDeadLetters =
                weatherRows == null
                        ? null
                        : weatherDeadLetters(weatherRows)
                                .map(
                                        new Tally<DeadLetter>(
                                                deadLetter -> Counters.WEATHER_DEAD_LETTERS))
                                .returns(ReadingTypes.DEAD_LETTER)
                                .name("count weather dead letters")
                                .uid("count-weather-dead-letters");
        if (!inputs.hasReadings()) {
            Workflow.sinkTo(
                    weatherDeadLetters,
                    sinks.deadLetters(),
                    "dead-letter sink",
                    "dead-letter-sink");
            return;
        }
        SingleOutputStreamOperator<MeterReading> readings =
                decoded(env, inputs, settings, rules)
                        .process(new DeadLetterRouter<MeterReading>())
                        .returns(ReadingTypes.READING)
                        .name("route dead letters")
                        .uid("dead-letter-router");
        EnergyStreams energy = counted(EnergyPipeline.build(readings, weather, settings));
        DataStream<DeadLetter> deadLetters =
                countDeadLetters(
                        readings.getSideOutput(DeadLetterRouter.DEAD_LETTERS),
                        "input dead letters");
        Workflow.writeTo(
                sinks,
                energy,
                weatherDeadLetters == null ? deadLetters : deadLetters.union(weatherDeadLetters));
        if (!gapEstimateSinks.isEmpty()) {
            Workflow.sinkTo(
                    gapEstimates(energy, settings),
                    gapEstimateSinks,
                    "gap-estimate sink",
                    "gap-estimate-sink");
        }
    }

    /** Each meter's long gaps joined with its hourly energy, the gaps estimated at the end. */
    private static DataStream<GapEstimate> gapEstimates(
            EnergyStreams energy, PipelineSettings settings) {
        DataStream<MeterAggregate> hours =
                energy.meterAggregates()
                        .filter(aggregate -> aggregate.getWindow() == AggregationWindow.HOUR)
                        .name("meter hours")
                        .uid("meter-hours");
        return energy.gaps()
                .keyBy(gap -> gap.meterId, Types.STRING)
                .connect(hours.keyBy(MeterAggregate::getMeterId, Types.STRING))
                .process(new LongGapEstimator(settings.zones(), settings.readingInterval()))
                .returns(GapEstimate.TYPE)
                .name("long-gap estimates")
                .uid("long-gap-estimates");
    }

    /**
     * Every reading input as the live job's decoded stream: readings with their event time, or dead
     * letters.
     */
    private static DataStream<Either<DeadLetter, MeterReading>> decoded(
            StreamExecutionEnvironment env,
            ReplayInputs inputs,
            PipelineSettings settings,
            ReadingRules rules) {
        List<DataStream<Either<DeadLetter, MeterReading>>> parts = new ArrayList<>();
        if (!inputs.avroFiles().isEmpty()) {
            parts.add(
                    read(env, new AvroFileFormat(inputs.avroFiles(), rules, inputs.range()), "avro")
                            .assignTimestampsAndWatermarks(
                                    WatermarkStrategy
                                            .<Either<DeadLetter, MeterReading>>noWatermarks()
                                            .withTimestampAssigner(
                                                    (r, t) ->
                                                            r.isRight()
                                                                    ? r.right()
                                                                            .getTimestamp()
                                                                            .toEpochMilli()
                                                                    : 0L))
                            .name("avro event time")
                            .uid("avro-event-time"));
        }
        if (!inputs.csvFiles().isEmpty()) {
            DataStream<Either<DeadLetter, MeterRow>> rows =
                    read(
                            env,
                            new CsvFileFormat(
                                    inputs.csvFiles(), inputs.csvMapping(), inputs.range()),
                            "csv");
            parts.add(
                    rows.filter(Either::isLeft)
                            .name("csv dead letters")
                            .uid("csv-dead-letters")
                            .map(row -> Either.<DeadLetter, MeterReading>Left(row.left()))
                            .returns(ReadingTypes.DECODED)
                            .name("csv dead letter")
                            .uid("csv-dead-letter"));
            parts.add(
                    rows.filter(Either::isRight)
                            .name("csv rows")
                            .uid("csv-rows")
                            .map(Either::right)
                            .returns(ROW)
                            .name("csv row")
                            .uid("csv-row")
                            .assignTimestampsAndWatermarks(
                                    WatermarkStrategy.<MeterRow>noWatermarks()
                                            .withTimestampAssigner((row, t) -> row.endMillis))
                            .name("csv event time")
                            .uid("csv-event-time")
                            .keyBy(MeterRow::meterId, Types.STRING)
                            .process(
                                    new RowsToReadings(
                                            rules,
                                            inputs.csvFiles(),
                                            settings.meter().gaps().maxGap()))
                            .returns(ReadingTypes.DECODED)
                            .name("rows to readings")
                            .uid("rows-to-readings"));
        }
        if (inputs.kafka() != null) {
            parts.add(
                    env.fromSource(
                                    inputs.kafka().source(rules),
                                    ReadingWatermarks.forDecoded(settings),
                                    "kafka range")
                            .uid("kafka-range")
                            .filter(new KafkaRangeFilter(inputs.range()))
                            .name("count and limit kafka records")
                            .uid("kafka-filter"));
        }
        DataStream<Either<DeadLetter, MeterReading>> all = parts.get(0);
        for (DataStream<Either<DeadLetter, MeterReading>> part : parts.subList(1, parts.size())) {
            all = all.union(part);
        }
        return all;
    }

    /** Weather observations to their sink; returns the rows that did not parse. */
    private static DataStream<Either<DeadLetter, WeatherObservation>> weatherRows(
            StreamExecutionEnvironment env, ReplayInputs inputs) {
        return read(
                env,
                new WeatherFileFormat(
                        inputs.weatherFiles(), inputs.weatherMapping(), inputs.range()),
                "weather");
    }

    /** The weather files' observations, written to {@code sinks} and given to the detectors. */
    private static DataStream<WeatherObservation> observations(
            DataStream<Either<DeadLetter, WeatherObservation>> rows,
            List<Sink<WeatherObservation>> sinks) {
        DataStream<WeatherObservation> observations =
                rows.filter(Either::isRight)
                        .name("weather observations")
                        .uid("weather-observations")
                        .map(Either::right)
                        .returns(WEATHER)
                        .name("weather observation")
                        .uid("weather-observation");
        Workflow.sinkTo(observations, sinks, "weather sink", "weather-sink");
        return observations;
    }

    private static DataStream<DeadLetter> weatherDeadLetters(
            DataStream<Either<DeadLetter, WeatherObservation>> rows) {
        return rows.filter(Either::isLeft)
                .name("weather dead letters")
                .uid("weather-dead-letters")
                .map(Either::left)
                .returns(ReadingTypes.DEAD_LETTER)
                .name("weather dead letter")
                .uid("weather-dead-letter");
    }

    /**
     * One kind of input file through Flink's file source, with what it read counted (a source
     * cannot add to accumulators itself): its records and dead letters.
     */
    private static <T> SingleOutputStreamOperator<Either<DeadLetter, T>> read(
            StreamExecutionEnvironment env, WholeFileFormat<T> format, String kind) {
        return env.fromSource(format.source(), WatermarkStrategy.noWatermarks(), kind + " files")
                .uid(kind + "-files")
                .flatMap(format.tally())
                .returns(new EitherTypeInfo<>(ReadingTypes.DEAD_LETTER, format.valueType()))
                .name("count " + kind + " records")
                .uid("count-" + kind + "-records");
    }

    /**
     * The pipeline's outputs, counted on their way to the sinks: progress of the second stage, and
     * the summary.
     */
    private static EnergyStreams counted(EnergyStreams energy) {
        DataStream<MeterAggregate> meters =
                energy.meterAggregates()
                        .map(
                                new Tally<MeterAggregate>(
                                        new Tally.Rule<>() {
                                            @Override
                                            public String counter(MeterAggregate aggregate) {
                                                return aggregate.getWindow()
                                                                == AggregationWindow.QUARTER_HOUR
                                                        ? Counters.AGGREGATED
                                                        : null;
                                            }

                                            @Override
                                            public long amount(MeterAggregate aggregate) {
                                                return aggregate.getSampleCount();
                                            }
                                        }))
                        .returns(ReadingTypes.METER_AGGREGATE)
                        .name("count aggregated readings")
                        .uid("count-aggregated");
        DataStream<QualityEvent> repairs =
                energy.repairs()
                        .map(
                                new Tally<QualityEvent>(
                                        new Tally.Rule<>() {
                                            @Override
                                            public String counter(QualityEvent event) {
                                                return Counters.QUALITY + event.outcome;
                                            }

                                            @Override
                                            public long amount(QualityEvent event) {
                                                return event.count;
                                            }
                                        }))
                        .returns(DataQuality.EVENT)
                        .name("count repairs")
                        .uid("count-repairs");
        return new EnergyStreams(
                meters,
                energy.groupAggregates(),
                countDeadLetters(energy.rejectedReadings(), "meter-stage dead letters"),
                repairs,
                energy.gaps(),
                energy.anomalies());
    }

    private static DataStream<DeadLetter> countDeadLetters(
            DataStream<DeadLetter> deadLetters, String name) {
        return deadLetters
                .map(
                        new Tally<DeadLetter>(
                                deadLetter -> Counters.DEAD_LETTER + deadLetter.getReason()))
                .returns(ReadingTypes.DEAD_LETTER)
                .name("count " + name)
                .uid("count-" + name.replace(' ', '-'));
    }
}
