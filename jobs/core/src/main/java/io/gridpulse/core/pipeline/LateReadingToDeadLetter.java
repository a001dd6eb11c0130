package io.gridpulse.core.pipeline;

import io.gridpulse.core.io.AvroSingleObjectSerializer;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.MeterReading;
import java.nio.ByteBuffer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/**
 * Keeps a reading that arrived after its window closed: re-encoded as it came, with the reason, and counted. The
 * Kafka coordinates are no longer known at this point, so they are marked unknown (-1).
 */
public final class LateReadingToDeadLetter extends RichMapFunction<MeterReading, DeadLetter> {

  private static final long serialVersionUID = 1L;

  private final AvroSingleObjectSerializer<MeterReading> serializer =
      new AvroSingleObjectSerializer<>(MeterReading.class);
  private transient Counter lateReadings;

  @Override
  public void open(OpenContext openContext) {
    lateReadings = getRuntimeContext().getMetricGroup().counter("lateReadings");
  }

  @Override
  public DeadLetter map(MeterReading reading) {
    lateReadings.inc();
    return DeadLetter.newBuilder()
        .setReason(DeadLetterReason.LATE)
        .setMessage("reading of meter " + reading.getMeterId() + " at " + reading.getTimestamp()
            + " arrived after its 15-minute window had closed")
        .setPayload(ByteBuffer.wrap(serializer.serialize(reading)))
        .setSourceTopic("")
        .setSourcePartition(-1)
        .setSourceOffset(-1L)
        .setSourceTimestamp(reading.getTimestamp())
        .build();
  }
}
