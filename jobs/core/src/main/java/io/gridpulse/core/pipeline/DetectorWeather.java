package io.gridpulse.core.pipeline;

import io.gridpulse.core.anomaly.AnomalyDetector;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.WeatherObservation;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The districts' temperatures as the anomaly detectors take them: broadcast to every detector, and
 * never holding their clock back. Weather comes hourly; were its watermark to count, every silence
 * would be found up to an hour late. A quarter hour that closes before its hour's observation
 * arrives is judged without it.
 */
final class DetectorWeather {

    private DetectorWeather() {}

    /**
     * {@code weather}, or no weather at all when it is null, for the detectors of {@code quarters}.
     */
    static BroadcastStream<WeatherObservation> broadcast(
            DataStream<MeterAggregate> quarters, DataStream<WeatherObservation> weather) {
        DataStream<WeatherObservation> observations = weather != null ? weather : none(quarters);
        return observations
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<WeatherObservation>forGenerator(
                                        context -> new NeverHoldsBack())
                                .withTimestampAssigner(
                                        (observation, timestamp) ->
                                                observation.getTime().toEpochMilli()))
                .name("weather for the detectors")
                .uid("detector-weather")
                .broadcast(AnomalyDetector.TEMPERATURES);
    }

    /**
     * No observations, as long as the quarter hours flow. Not a finished source: a streaming job
     * with a finished task fails its savepoints now and then ("checkpoint request for unknown
     * task"), and a bounded source finishes at once.
     */
    private static DataStream<WeatherObservation> none(DataStream<MeterAggregate> quarters) {
        return quarters.flatMap(
                        (FlatMapFunction<MeterAggregate, WeatherObservation>) (quarter, out) -> {})
                .returns(new AvroTypeInfo<>(WeatherObservation.class))
                .name("no weather")
                .uid("no-weather");
    }

    /** Declares at once that no observation will hold event time back. */
    private static final class NeverHoldsBack implements WatermarkGenerator<WeatherObservation> {

        @Override
        public void onEvent(WeatherObservation event, long timestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.emitWatermark(new Watermark(Long.MAX_VALUE));
        }
    }
}
