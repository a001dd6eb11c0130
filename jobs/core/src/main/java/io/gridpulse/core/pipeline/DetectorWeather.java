package io.gridpulse.core.pipeline;

import io.gridpulse.core.anomaly.AnomalyDetector;
import io.gridpulse.schema.WeatherObservation;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The districts' temperatures as the anomaly detectors take them: broadcast to every detector, and
 * never holding their clock back. Weather comes hourly; were its watermark to count, every silence
 * would be found up to an hour late. A quarter hour that closes before its hour's observation
 * arrives is judged without it.
 */
final class DetectorWeather {

    private DetectorWeather() {}

    /** {@code weather}, or no weather at all when it is null. */
    static BroadcastStream<WeatherObservation> broadcast(
            StreamExecutionEnvironment env, DataStream<WeatherObservation> weather) {
        DataStream<WeatherObservation> observations = weather != null ? weather : none(env);
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
     * An empty stream of observations. Flink's collection source cannot be empty, so it holds one
     * placeholder that is dropped at once.
     */
    private static DataStream<WeatherObservation> none(StreamExecutionEnvironment env) {
        WeatherObservation placeholder =
                WeatherObservation.newBuilder()
                        .setDistrictId("")
                        .setTime(Instant.EPOCH)
                        .setTemperatureC(Double.NaN)
                        .build();
        return env.fromData(List.of(placeholder), new AvroTypeInfo<>(WeatherObservation.class))
                .name("no weather")
                .uid("no-weather")
                .filter(observation -> false)
                .name("drop the placeholder")
                .uid("no-weather-placeholder");
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
