package io.gridpulse.core.pipeline;

import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.MeterReading;
import java.io.Serializable;
import java.time.Instant;
import java.util.function.Function;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.types.Either;

/**
 * Event time for decoded Kafka records: a record's own time (a reading's timestamp, a weather
 * observation's time); dead letters never move the watermark.
 */
public final class ReadingWatermarks {

    /** The event time of a decoded record. */
    public interface EventTime<T> extends Function<T, Instant>, Serializable {}

    private ReadingWatermarks() {}

    public static WatermarkStrategy<Either<DeadLetter, MeterReading>> forDecoded(
            PipelineSettings settings) {
        return forDecoded(settings, MeterReading::getTimestamp);
    }

    public static <T> WatermarkStrategy<Either<DeadLetter, T>> forDecoded(
            PipelineSettings settings, EventTime<T> timeOf) {
        return WatermarkStrategy.<Either<DeadLetter, T>>forBoundedOutOfOrderness(
                        settings.outOfOrderness())
                .withTimestampAssigner(
                        (record, kafkaTimestamp) ->
                                record.isRight()
                                        ? timeOf.apply(record.right()).toEpochMilli()
                                        : Long.MIN_VALUE)
                .withIdleness(settings.idleTimeout());
    }
}
