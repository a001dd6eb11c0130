package io.gridpulse.core.pipeline;

import io.gridpulse.core.anomaly.AnomalyDetector;
import io.gridpulse.core.anomaly.DistrictHours;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.WeatherObservation;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The districts' temperatures as the anomaly detectors take them: broadcast to every detector.
 * Their watermark is an hour past the latest observation (an observation stands for its hour), so a
 * quarter hour whose hour's observation has not arrived waits for it ({@link AnomalyDetector}): a
 * replay's readings that outrun the weather are judged at their temperature all the same. An hourly
 * feed is idle most of the hour, and then does not hold the detectors' clock back: were it to,
 * every silence would be found up to an hour late. Without weather, nothing holds it back.
 */
final class DetectorWeather {

    /** A feed silent this long (wall clock) stops holding the detectors back: a dead station. */
    static final Duration IDLE_AFTER = Duration.ofMinutes(1);

    private DetectorWeather() {}

    /**
     * {@code weather}, or no weather at all when it is null, for the detectors of {@code quarters}.
     */
    static BroadcastStream<WeatherObservation> broadcast(
            DataStream<MeterAggregate> quarters, DataStream<WeatherObservation> weather) {
        WatermarkStrategy<WeatherObservation> watermarks =
                weather != null
                        ? WatermarkStrategy.<WeatherObservation>forGenerator(
                                        context -> new HourAfterLatest())
                                .withIdleness(IDLE_AFTER)
                        : WatermarkStrategy.forGenerator(context -> new NeverHoldsBack());
        DataStream<WeatherObservation> observations = weather != null ? weather : none(quarters);
        return observations
                .assignTimestampsAndWatermarks(
                        watermarks.withTimestampAssigner(
                                (observation, timestamp) -> observation.getTime().toEpochMilli()))
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

    /** Weather is known up to the end of the latest observation's hour. */
    private static final class HourAfterLatest implements WatermarkGenerator<WeatherObservation> {

        private long latest = Long.MIN_VALUE;

        @Override
        public void onEvent(WeatherObservation event, long timestamp, WatermarkOutput output) {
            latest = Math.max(latest, timestamp);
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            if (latest != Long.MIN_VALUE) {
                output.emitWatermark(new Watermark(DistrictHours.knownUntil(latest)));
            }
        }
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
