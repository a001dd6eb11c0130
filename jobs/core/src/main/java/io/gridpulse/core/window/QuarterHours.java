package io.gridpulse.core.window;

import java.time.Duration;

/**
 * The quarter hour every per-meter figure starts from. A reading describes the interval ending at
 * its timestamp, so quarter hours are (start, end]: a reading at 10:15 belongs to 10:00-10:15.
 */
public final class QuarterHours {

    public static final long MILLIS = Duration.ofMinutes(15).toMillis();

    private QuarterHours() {}

    /** The end of the quarter hour (start, end] holding {@code timestamp}. */
    public static long endOf(long timestamp) {
        long shifted = timestamp - 1;
        return shifted - Math.floorMod(shifted, MILLIS) + MILLIS;
    }
}
