package io.gridpulse.replay.csv;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Locale;

/**
 * How one text field holds a point in time: ISO-8601, seconds or milliseconds since 1970, or a
 * pattern.
 */
interface TimestampFormat extends Serializable {

    /**
     * @throws java.time.DateTimeException or {@link IllegalArgumentException} or {@link
     *     ArithmeticException} when the text is not a time in this format
     */
    long toEpochMillis(String text);

    /**
     * The mapping's name for the format ({@code iso}, a pattern, ...), for error messages and
     * {@code describe()}.
     */
    String describe();

    /** Whether times in this format may lack an offset, so that the mapping's time zone matters. */
    boolean usesZone();

    /**
     * @param format {@code iso}, {@code epoch-seconds}, {@code epoch-millis} or a {@link
     *     java.time.format.DateTimeFormatter} pattern
     * @param zone the zone of times without an offset
     * @throws IllegalArgumentException when the pattern is not valid
     */
    static TimestampFormat of(String format, ZoneId zone) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case IsoTimestamp.NAME:
                return new IsoTimestamp(zone);
            case "epoch-seconds":
                return EpochTimestamp.SECONDS;
            case "epoch-millis":
                return EpochTimestamp.MILLIS;
            default:
                return new PatternTimestamp(format, zone);
        }
    }
}
