package io.gridpulse.core.vee;

import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.MeterReading;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.configuration.ReadableConfig;

/**
 * When a reading is too late to count: its quarter hour closes when the watermark passes its end;
 * within {@code vee.allowed-lateness} after that the reading still updates the closed quarter and
 * every roll-up containing it, later than that it is kept out as LATE.
 */
public final class LatenessRule implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Timing {
        /** Its quarter hour is still open: it waits there with the others. */
        ON_TIME,
        /** Its quarter hour has closed, within the allowed lateness: an addition to it. */
        LATE_ACCEPTED,
        /** Later than the allowed lateness. */
        TOO_LATE
    }

    private final long allowedLatenessMillis;

    public LatenessRule(Duration allowedLateness) {
        this.allowedLatenessMillis = allowedLateness.toMillis();
    }

    public static LatenessRule from(ReadableConfig config) {
        return new LatenessRule(config.get(VeeOptions.ALLOWED_LATENESS));
    }

    public Duration allowedLateness() {
        return Duration.ofMillis(allowedLatenessMillis);
    }

    /**
     * How a reading of the quarter hour ending at {@code quarterEnd} counts at {@code watermark}.
     */
    public Timing timing(long quarterEnd, long watermark) {
        if (quarterEnd > watermark) {
            return Timing.ON_TIME;
        }
        return watermark - quarterEnd < allowedLatenessMillis
                ? Timing.LATE_ACCEPTED
                : Timing.TOO_LATE;
    }

    /** A reading kept out because it came {@code why} (after the allowed lateness, ...). */
    public static Rejection late(MeterReading reading, long quarterEnd, String why) {
        return new Rejection(
                DeadLetterReason.LATE,
                "reading of meter "
                        + reading.getMeterId()
                        + " at "
                        + reading.getTimestamp()
                        + " arrived "
                        + why
                        + " (its quarter hour ending "
                        + Instant.ofEpochMilli(quarterEnd)
                        + " had closed)");
    }
}
