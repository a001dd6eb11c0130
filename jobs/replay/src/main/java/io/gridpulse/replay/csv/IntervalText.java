package io.gridpulse.replay.csv;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The length of a row's interval as the mapping writes it: ISO-8601 ({@code PT15M}), or the short
 * forms people type on a command line ({@code 15min}, {@code 15m}, {@code 1h}, {@code 30s}, {@code
 * 1d}). A day is 24 hours, also on the days clocks change: intervals are fixed lengths.
 */
final class IntervalText {

    private IntervalText() {}

    /**
     * @throws CsvMappingException naming the key when the text is not a positive length of time
     */
    static Duration parse(String key, String text) {
        Duration interval =
                text.toUpperCase(Locale.ROOT).startsWith("P") ? iso(text) : shortForm(text);
        if (interval == null) {
            throw MappingKeys.invalid(
                    key,
                    text,
                    "is not a length of time; write it like PT15M, PT1H (ISO-8601) or 15min, "
                            + "1h, 30s, 1d");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw MappingKeys.invalid(key, text, "is not a positive length of time");
        }
        return interval;
    }

    private static Duration iso(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration shortForm(String text) {
        int digits = 0;
        while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0 || digits > 9) {
            return null;
        }
        long amount = Long.parseLong(text.substring(0, digits));
        switch (text.substring(digits).trim().toLowerCase(Locale.ROOT)) {
            case "s":
            case "sec":
                return Duration.ofSeconds(amount);
            case "m":
            case "min":
                return Duration.ofMinutes(amount);
            case "h":
            case "hr":
                return Duration.ofHours(amount);
            case "d":
                return Duration.ofDays(amount);
            default:
                return null;
        }
    }
}
