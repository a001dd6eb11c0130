package io.gridpulse.core.io;

import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import java.nio.ByteBuffer;
import java.time.Instant;

/** Builds the dead letters of every stage the same way. */
public final class DeadLetters {

  /** Coordinates for a record rejected after the source, where its Kafka origin is no longer known. */
  public static final String UNKNOWN_TOPIC = "";
  public static final int UNKNOWN_PARTITION = -1;
  public static final long UNKNOWN_OFFSET = -1L;

  private DeadLetters() {}

  public static DeadLetter of(DeadLetterReason reason, String message, byte[] payload, String topic, int partition,
      long offset, long timestamp) {
    return DeadLetter.newBuilder()
        .setReason(reason)
        .setMessage(message)
        .setPayload(payload == null ? null : ByteBuffer.wrap(payload))
        .setSourceTopic(topic)
        .setSourcePartition(partition)
        .setSourceOffset(offset)
        .setSourceTimestamp(Instant.ofEpochMilli(Math.max(0, timestamp)))
        .build();
  }
}
