package io.gridpulse.core.pipeline;

import io.gridpulse.core.config.PipelineSettings;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.MeterReading;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.types.Either;

/** Event time for decoded Kafka records: a reading's own timestamp; dead letters never move the watermark. */
public final class ReadingWatermarks {

  private ReadingWatermarks() {}

  public static WatermarkStrategy<Either<DeadLetter, MeterReading>> forDecoded(PipelineSettings settings) {
    return WatermarkStrategy.<Either<DeadLetter, MeterReading>>forBoundedOutOfOrderness(settings.outOfOrderness())
        .withTimestampAssigner((record, kafkaTimestamp) ->
            record.isRight() ? record.right().getTimestamp().toEpochMilli() : Long.MIN_VALUE)
        .withIdleness(settings.idleTimeout());
  }
}
