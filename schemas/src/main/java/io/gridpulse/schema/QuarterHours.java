package io.gridpulse.schema;

import java.time.Duration;

/**
 * The quarter-hour grid of the contract: every per-meter figure ({@code MeterAggregate} windows,
 * data quality, anomaly times) starts and ends on it, and the simulator and the benchmarks reckon
 * with the same one. A reading describes the interval ending at its timestamp, so quarter hours are
 * (start, end]: a reading at 10:15 belongs to 10:00-10:15. Aligned to the epoch, so in every time
 * zone with whole-quarter offsets they are local quarter hours too.
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
