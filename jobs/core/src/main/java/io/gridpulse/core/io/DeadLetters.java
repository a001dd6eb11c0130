package io.gridpulse.core.io;

import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.MeterReading;
import java.nio.ByteBuffer;
import java.time.Instant;

/** Builds the dead letters of every stage the same way. */
public final class DeadLetters {

  /** Coordinates for a record rejected after the source, where its Kafka origin is no longer known. */
  public static final String UNKNOWN_TOPIC = "";
  public static final int UNKNOWN_PARTITION = -1;
  public static final long UNKNOWN_OFFSET = -1L;

  private DeadLetters() {}

  /** A record that could not be decoded: only its bytes and Kafka coordinates are known. */
  public static DeadLetter of(DeadLetterReason reason, String message, byte[] payload, String topic, int partition,
      long offset, long timestamp) {
    return of(reason, message, payload, null, topic, partition, offset, timestamp);
  }

  /**
   * A decoded reading that was rejected; its ids and event time are copied out of the payload so operators can see
   * (and data-quality counts can attribute) whose reading it was without decoding it.
   */
  public static DeadLetter of(DeadLetterReason reason, String message, byte[] payload, MeterReading reading,
      String topic, int partition, long offset, long timestamp) {
    return DeadLetter.newBuilder()
        .setMeterId(reading == null ? null : reading.getMeterId())
        .setFeederId(reading == null ? null : reading.getFeederId())
        .setDistrictId(reading == null ? null : reading.getDistrictId())
        .setReadingTime(reading == null ? null : reading.getTimestamp())
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
