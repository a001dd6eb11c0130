package io.gridpulse.core.io;

import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.MeterReading;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;

/** Builds the dead letters of every stage the same way. */
public final class DeadLetters {

    /**
     * Coordinates for a record rejected after the source, where its Kafka origin is no longer
     * known.
     */
    public static final String UNKNOWN_TOPIC = "";

    public static final int UNKNOWN_PARTITION = -1;
    public static final long UNKNOWN_OFFSET = -1L;

    /**
     * The most of a rejected value a dead letter keeps. A value near the broker's limit (1 MiB by
     * default) plus the dead letter's own fields would exceed the producer's request limit, fail
     * the dead-letter sink and restart the job in a loop; no reading is anywhere near this size, so
     * the first 64 KiB are plenty to see what it was.
     */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    private DeadLetters() {}

    /** A record that could not be decoded: only its bytes and Kafka coordinates are known. */
    public static DeadLetter of(
            DeadLetterReason reason,
            String message,
            byte[] payload,
            String topic,
            int partition,
            long offset,
            long timestamp) {
        return of(reason, message, payload, null, topic, partition, offset, timestamp);
    }

    /**
     * A decoded reading that was rejected; its ids and event time are copied out of the payload so
     * operators can see (and data-quality counts can attribute) whose reading it was without
     * decoding it.
     */
    public static DeadLetter of(
            DeadLetterReason reason,
            String message,
            byte[] payload,
            MeterReading reading,
            String topic,
            int partition,
            long offset,
            long timestamp) {
        boolean truncated = payload != null && payload.length > MAX_PAYLOAD_BYTES;
        return DeadLetter.newBuilder()
                .setMeterId(reading == null ? null : reading.getMeterId())
                .setFeederId(reading == null ? null : reading.getFeederId())
                .setDistrictId(reading == null ? null : reading.getDistrictId())
                .setReadingTime(reading == null ? null : reading.getTimestamp())
                .setReason(reason)
                .setMessage(message)
                .setPayload(
                        payload == null
                                ? null
                                : ByteBuffer.wrap(
                                        truncated
                                                ? Arrays.copyOf(payload, MAX_PAYLOAD_BYTES)
                                                : payload))
                .setPayloadTruncated(truncated)
                .setPayloadSize(payload == null ? null : payload.length)
                .setPayloadSha256(truncated ? ByteBuffer.wrap(sha256(payload)) : null)
                .setSourceTopic(topic)
                .setSourcePartition(partition)
                .setSourceOffset(offset)
                .setSourceTimestamp(Instant.ofEpochMilli(Math.max(0, timestamp)))
                .build();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
