package io.gridpulse.core.pipeline;

import io.gridpulse.core.io.DeadLetterRouter;
import io.gridpulse.core.io.ReadingTypes;
import io.gridpulse.core.quality.DataQuality;
import io.gridpulse.core.savings.live.LiveSavings;
import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.BaselineModel;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.schema.WeatherObservation;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;

/**
 * GridPulse's whole dataflow, from a source of raw records to its {@link Outputs}: every job (the
 * live monitor, the replay, the benchmarks, the tests) passes its own source and outputs and runs
 * this very code. Production passes Kafka and InfluxDB, tests pass bounded sources and collecting
 * sinks.
 */
public final class Workflow {

    private Workflow() {}

    public static void define(
            StreamExecutionEnvironment env,
            Source<Either<DeadLetter, MeterReading>, ?, ?> source,
            Outputs outputs,
            PipelineSettings settings) {
        define(env, source, null, outputs, settings, null);
    }

    /**
     * With the districts' weather for the anomaly detectors when {@code weatherSource} is not null,
     * and with live savings when {@code savings} is not null too (savings need the weather).
     */
    public static void define(
            StreamExecutionEnvironment env,
            Source<Either<DeadLetter, MeterReading>, ?, ?> source,
            Source<Either<DeadLetter, WeatherObservation>, ?, ?> weatherSource,
            Outputs outputs,
            PipelineSettings settings,
            SavingsInputs savings) {
        if (savings != null && weatherSource == null) {
            throw new IllegalArgumentException("live savings need the weather");
        }
        SingleOutputStreamOperator<MeterReading> readings = readings(env, source, settings);
        SingleOutputStreamOperator<WeatherObservation> weather =
                weatherSource == null ? null : weather(env, weatherSource, settings);
        EnergyStreams energy = EnergyPipeline.build(readings, weather, settings);
        DataStream<DeadLetter> inputDeadLetters =
                readings.getSideOutput(DeadLetterRouter.DEAD_LETTERS);
        if (weather != null) {
            inputDeadLetters =
                    inputDeadLetters.union(weather.getSideOutput(DeadLetterRouter.DEAD_LETTERS));
        }
        if (savings != null) {
            inputDeadLetters =
                    inputDeadLetters.union(
                            savings(env, energy, weather, savings, outputs, settings));
        }
        writeTo(outputs, energy, inputDeadLetters);
    }

    /**
     * The energy streams of the whole dataflow, for a run that collects one of them itself (the
     * anomaly evaluation) instead of sending every output to a sink; the input's dead letters are
     * left out. {@code weather}: the districts' temperatures for the anomaly detectors, or null.
     */
    public static EnergyStreams energy(
            StreamExecutionEnvironment env,
            Source<Either<DeadLetter, MeterReading>, ?, ?> source,
            DataStream<WeatherObservation> weather,
            PipelineSettings settings) {
        return EnergyPipeline.build(readings(env, source, settings), weather, settings);
    }

    /** The decoded records with their event time, dead letters routed to a side output. */
    private static SingleOutputStreamOperator<MeterReading> readings(
            StreamExecutionEnvironment env,
            Source<Either<DeadLetter, MeterReading>, ?, ?> source,
            PipelineSettings settings) {
        return env.fromSource(source, ReadingWatermarks.forDecoded(settings), "meter readings")
                .uid("meter-readings-source")
                .process(new DeadLetterRouter<MeterReading>())
                .returns(ReadingTypes.READING)
                .name("route dead letters")
                .uid("dead-letter-router");
    }

    /**
     * The districts' weather, for live savings and the anomaly detectors; its dead letters are a
     * side output. Weather carries event time (the observation's).
     */
    private static SingleOutputStreamOperator<WeatherObservation> weather(
            StreamExecutionEnvironment env,
            Source<Either<DeadLetter, WeatherObservation>, ?, ?> source,
            PipelineSettings settings) {
        return env.fromSource(
                        source,
                        ReadingWatermarks.forDecoded(settings, WeatherObservation::getTime),
                        "weather")
                .uid("weather-source")
                .process(new DeadLetterRouter<WeatherObservation>())
                .returns(new AvroTypeInfo<>(WeatherObservation.class))
                .name("route weather dead letters")
                .uid("weather-dead-letter-router");
    }

    /**
     * Live savings from the meters' daily aggregates, the weather and the baseline models; returns
     * the dead letters of the model topic and the weather observations too late for savings. Models
     * have no event time of their own: their publishing time stands in, which is ahead of the
     * readings' time, and a models topic with nothing new goes idle, so models never hold the
     * watermark back.
     */
    private static DataStream<DeadLetter> savings(
            StreamExecutionEnvironment env,
            EnergyStreams energy,
            SingleOutputStreamOperator<WeatherObservation> weather,
            SavingsInputs feeds,
            Outputs outputs,
            PipelineSettings settings) {
        SingleOutputStreamOperator<BaselineModel> models =
                env.fromSource(
                                feeds.models(),
                                WatermarkStrategy
                                        .<Either<DeadLetter, BaselineModel>>
                                                forMonotonousTimestamps()
                                        .withTimestampAssigner(
                                                (record, kafkaTimestamp) -> kafkaTimestamp)
                                        .withIdleness(settings.idleTimeout()),
                                "baseline models")
                        .uid("baseline-models-source")
                        .process(new DeadLetterRouter<BaselineModel>())
                        .returns(new AvroTypeInfo<>(BaselineModel.class))
                        .name("route model dead letters")
                        .uid("model-dead-letter-router");
        LiveSavings.Outputs savings =
                LiveSavings.build(
                        energy.meterAggregates(),
                        weather,
                        models,
                        feeds.settings(),
                        settings.zones());
        sinkTo(savings.savings(), outputs.savings(), "savings sink", "savings-sink");
        return models.getSideOutput(DeadLetterRouter.DEAD_LETTERS).union(savings.lateWeather());
    }

    /**
     * Sends every output of the energy pipeline to its sink: what the live job writes, and what a
     * replay writes. Input dead letters (undecodable records) and the pipeline's own rejections
     * share one dead-letter sink and are counted as data quality.
     */
    public static void writeTo(
            Outputs sinks, EnergyStreams energy, DataStream<DeadLetter> inputDeadLetters) {
        List<DataStreamSink<MeterAggregate>> meterSinks =
                sinkTo(
                        energy.meterAggregates(),
                        sinks.meterAggregates(),
                        "meter aggregates sink",
                        "meter-sink");
        if (!EnergyPipeline.isBatch(energy.meterAggregates())) {
            // Its own task, not chained into the meter stage: the InfluxDB writer waits for its
            // writes at every checkpoint and when two batches are in flight, and chained it would
            // hold up the meter stage, and so the anomaly detector, for that long (p99 latency).
            // (In BATCH an unchained edge would write its data to disk first.)
            meterSinks.forEach(DataStreamSink::disableChaining);
        }
        sinkTo(
                energy.groupAggregates(),
                sinks.groupAggregates(),
                "group aggregates sink",
                "group-sink");
        DataStream<DeadLetter> deadLetters = inputDeadLetters.union(energy.rejectedReadings());
        sinkTo(deadLetters, sinks.deadLetters(), "dead-letter sink", "dead-letter-sink");
        sinkTo(
                DataQuality.counts(deadLetters, energy.repairs()),
                sinks.dataQuality(),
                "data-quality sink",
                "data-quality-sink");
        sinkTo(energy.gaps(), sinks.gaps(), "gap sink", "gap-sink");
        anomalies(energy.anomalies(), sinks);
    }

    /**
     * Anomalies to both of their sinks, keyed by anomaly id: an anomaly's OPEN and RESOLVED events
     * reach the same sink writer in the order they were emitted, whatever the detectors'
     * parallelism, so the RESOLVED point overwrites the OPEN one in InfluxDB and the topic holds
     * them in order in one partition. (Anomalies are rare; the shuffle is cheap.) In BATCH mode a
     * keyBy sorts its input by key and time, which does not keep the order of two events of the
     * same time (an anomaly opened and resolved by one decision); there each detector's events go
     * to the sinks as it emitted them, without a shuffle.
     */
    public static void anomalies(DataStream<Anomaly> anomalies, Outputs sinks) {
        DataStream<Anomaly> ordered =
                EnergyPipeline.isBatch(anomalies)
                        ? anomalies
                        : anomalies.keyBy(Anomaly::getAnomalyId, Types.STRING);
        sinkTo(ordered, sinks.anomalies(), "anomaly sink", "anomaly-sink");
        sinkTo(ordered, sinks.anomalyEvents(), "anomaly-event sink", "anomaly-event-sink");
    }

    /**
     * {@code stream} to each of its sinks: the first keeps {@code uid} (a live job's savepoints
     * know it), the others get {@code uid-2}, {@code uid-3}, ...
     */
    public static <T> List<DataStreamSink<T>> sinkTo(
            DataStream<T> stream, List<Sink<T>> sinks, String name, String uid) {
        List<DataStreamSink<T>> wired = new ArrayList<>();
        for (int i = 0; i < sinks.size(); i++) {
            wired.add(
                    stream.sinkTo(sinks.get(i)).name(name).uid(i == 0 ? uid : uid + "-" + (i + 1)));
        }
        return wired;
    }
}
