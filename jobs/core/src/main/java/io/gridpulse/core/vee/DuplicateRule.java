package io.gridpulse.core.vee;

import io.gridpulse.core.config.PipelineOptions;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.QuarterHours;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.configuration.ReadableConfig;

/**
 * A reading with the timestamp of one already accepted is a duplicate: dropped if identical, kept
 * out (the first one wins) and flagged if its values differ.
 *
 * <p>A late reading may repeat any recent reading, not just the last: the meter remembers which of
 * its last {@link #REMEMBERED_INTERVALS} interval slots were accepted as one bit each ({@code
 * acceptedSlots}, bit i = the reading {@code i} intervals before the last one), so it needs no copy
 * of the readings. A late reading further behind than that cannot be told apart from a copy and is
 * kept out rather than counted twice.
 */
public final class DuplicateRule implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Slots one long holds. */
    public static final int REMEMBERED_INTERVALS = Long.SIZE;

    public enum LateVerdict {
        /** A reading not seen before. */
        NEW,
        /** A copy of an accepted reading. */
        COPY,
        /** Too far behind the latest reading to tell. */
        UNKNOWABLE
    }

    private final long intervalMillis;

    public DuplicateRule(Duration readingInterval) {
        this.intervalMillis = readingInterval.toMillis();
    }

    public static DuplicateRule from(ReadableConfig config) {
        return new DuplicateRule(config.get(PipelineOptions.READING_INTERVAL));
    }

    /**
     * A late reading at {@code timestamp}, not after the meter's {@code lastTimestamp}, against the
     * slots accepted so far.
     */
    public LateVerdict late(long lastTimestamp, long acceptedSlots, long timestamp) {
        if ((lastTimestamp - timestamp) / intervalMillis >= REMEMBERED_INTERVALS) {
            return LateVerdict.UNKNOWABLE;
        }
        int slot = slotOf(lastTimestamp, timestamp);
        boolean accepted =
                timestamp == lastTimestamp || (slot >= 0 && (acceptedSlots & (1L << slot)) != 0);
        return accepted ? LateVerdict.COPY : LateVerdict.NEW;
    }

    /**
     * Bit index of {@code timestamp} behind {@code lastTimestamp}, or -1 if off the interval grid
     * or too old to remember.
     */
    public int slotOf(long lastTimestamp, long timestamp) {
        long behind = lastTimestamp - timestamp;
        if (behind % intervalMillis != 0 || behind / intervalMillis >= REMEMBERED_INTERVALS) {
            return -1;
        }
        return (int) (behind / intervalMillis);
    }

    /**
     * Whether any of {@code slots} falls in the quarter hour ending at {@code quarterEnd}: whether
     * a reading of that quarter was accepted (or interpolated) already.
     */
    public boolean anyIn(long lastTimestamp, long slots, long quarterEnd) {
        for (long t = quarterEnd; t > quarterEnd - QuarterHours.MILLIS; t -= intervalMillis) {
            int slot = slotOf(lastTimestamp, t);
            if (slot >= 0 && (slots & (1L << slot)) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Slots after a new reading becomes the last one, {@code steps} intervals later. */
    public static long shiftAccepted(long acceptedSlots, int steps) {
        return steps >= REMEMBERED_INTERVALS ? 1 : (acceptedSlots << steps) | 1;
    }

    /** As {@link #shiftAccepted}, for slots that were not measured (the new one is not set). */
    public static long shiftOthers(long slots, int steps) {
        return steps >= REMEMBERED_INTERVALS ? 0 : slots << steps;
    }

    /** A copy of the last accepted reading, on time: identical copies are dropped. */
    public static Rejection copyOfLast(
            String meterId,
            Instant timestamp,
            double registerWh,
            double powerW,
            double voltageV,
            double lastRegisterWh,
            double lastPowerW,
            double lastVoltageV) {
        boolean identical =
                registerWh == lastRegisterWh
                        && powerW == lastPowerW
                        && Double.compare(voltageV, lastVoltageV) == 0;
        if (identical) {
            return new Rejection(
                    DeadLetterReason.DUPLICATE,
                    "meter "
                            + meterId
                            + " sent the reading at "
                            + timestamp
                            + " again; the copy was dropped");
        }
        return new Rejection(
                DeadLetterReason.CONFLICTING_DUPLICATE,
                "meter "
                        + meterId
                        + " sent a second, different reading at "
                        + timestamp
                        + " (register "
                        + registerWh
                        + " Wh vs "
                        + lastRegisterWh
                        + " Wh); the first one was kept");
    }

    /** A late copy of an accepted reading. */
    public static Rejection lateCopy(String meterId, Instant timestamp) {
        return new Rejection(
                DeadLetterReason.DUPLICATE,
                "meter "
                        + meterId
                        + " sent the reading at "
                        + timestamp
                        + " again, late; the copy was dropped");
    }
}
