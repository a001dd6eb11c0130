package io.gridpulse.core.vee;

import io.gridpulse.core.config.PipelineOptions;
import io.gridpulse.schema.QuarterHours;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Missing readings between two accepted ones: up to {@code vee.max-gap} they are filled by linear
 * interpolation of the register across the gap, spread over the quarter hours it spans and flagged
 * as estimated; a longer gap stays missing and is reported, and only the new reading's own interval
 * is estimated, from its average power. One interval longer than a quarter hour (hourly meters) is
 * spread the same way, as measured.
 */
public final class GapRule implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The next reading, within the same quarter hour: nothing to spread. */
        NONE,
        /** A gap to fill, or an interval reaching over quarter hours: spread over them. */
        SPREAD,
        /** A gap longer than {@code vee.max-gap}: left missing. */
        TOO_LONG
    }

    /** Energy a reading adds to one quarter hour, and how much of it is estimated. */
    public interface QuarterShare {
        void add(long quarterEnd, double energyWh, double estimatedWh);
    }

    private final long intervalMillis;
    private final long maxGapMillis;

    public GapRule(Duration readingInterval, Duration maxGap) {
        this.intervalMillis = readingInterval.toMillis();
        this.maxGapMillis = maxGap.toMillis();
    }

    public static GapRule from(ReadableConfig config) {
        return new GapRule(
                config.get(PipelineOptions.READING_INTERVAL), config.get(VeeOptions.MAX_GAP));
    }

    public Duration maxGap() {
        return Duration.ofMillis(maxGapMillis);
    }

    /** Reading intervals from {@code previous} to {@code timestamp}, 1 for the next reading. */
    public int steps(long previous, long timestamp) {
        return (int)
                Math.min(
                        Integer.MAX_VALUE,
                        Math.round((timestamp - previous) / (double) intervalMillis));
    }

    /** Readings missing between {@code previous} and {@code timestamp}. */
    public long missing(long previous, long timestamp) {
        return Math.max(0, steps(previous, timestamp) - 1);
    }

    public Kind kind(long previous, long timestamp) {
        long missing = missing(previous, timestamp);
        boolean withinQuarter = QuarterHours.endOf(previous + 1) == QuarterHours.endOf(timestamp);
        if (missing == 0 && withinQuarter) {
            return Kind.NONE;
        }
        if (missing == 0 || timestamp - previous - intervalMillis <= maxGapMillis) {
            return Kind.SPREAD;
        }
        return Kind.TOO_LONG;
    }

    /**
     * Spreads {@code energyWh} from {@code previous} to {@code timestamp} linearly in time over the
     * quarter hours it spans, oldest first. The part in the missing readings' intervals is
     * estimated (all of it if {@code estimated}); the reading's own interval is measured.
     */
    public void spread(
            long previous, long timestamp, double energyWh, boolean estimated, QuarterShare to) {
        double whPerMilli = energyWh / (timestamp - previous);
        long measuredFrom = timestamp - intervalMillis;
        long last = QuarterHours.endOf(timestamp);
        for (long end = QuarterHours.endOf(previous + 1); end <= last; end += QuarterHours.MILLIS) {
            long start = Math.max(end - QuarterHours.MILLIS, previous);
            long until = Math.min(end, timestamp);
            double wh = whPerMilli * (until - start);
            double estimatedWh =
                    estimated
                            ? wh
                            : whPerMilli * Math.max(0, Math.min(until, measuredFrom) - start);
            to.add(end, wh, estimatedWh);
        }
    }

    /**
     * A gap too long to fill: the energy of the reading's own interval, estimated from its average
     * power (never more than the register says); the rest of {@code energyWh} stays with the gap.
     */
    public double ownIntervalWh(double energyWh, double powerW) {
        return Math.min(energyWh, Math.max(0, powerW) * intervalMillis / 3_600_000.0);
    }

    /** The first missing reading's time after {@code previous}. */
    public long firstMissing(long previous) {
        return previous + intervalMillis;
    }

    /** The last missing reading's time before {@code timestamp}. */
    public long lastMissing(long timestamp) {
        return timestamp - intervalMillis;
    }
}
