package io.gridpulse.replay.input;

import java.io.Serializable;
import java.time.Instant;

/**
 * The part of history a replay covers, {@code [from, to]}: a reading at {@code from} is kept (it is
 * the starting point of the first interval), an interval is kept when it lies inside the range.
 */
public record TimeRange(long fromMillis, long toMillis) implements Serializable {

    public static final TimeRange ALL = new TimeRange(Long.MIN_VALUE, Long.MAX_VALUE);

    public static TimeRange of(Instant from, Instant to) {
        return new TimeRange(
                from == null ? Long.MIN_VALUE : from.toEpochMilli(),
                to == null ? Long.MAX_VALUE : to.toEpochMilli());
    }

    public boolean contains(long timeMillis) {
        return timeMillis >= fromMillis && timeMillis <= toMillis;
    }

    public boolean containsInterval(long startMillis, long endMillis) {
        return startMillis >= fromMillis && endMillis <= toMillis;
    }

    public boolean isAll() {
        return fromMillis == Long.MIN_VALUE && toMillis == Long.MAX_VALUE;
    }
}
