package io.gridpulse.replay.csv;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The length of a row's interval as the mapping writes it: ISO-8601 ({@code PT15M}), or the short
 * forms people type on a command line ({@code 15min}, {@code 15m}, {@code 1h}, {@code 30s}, {@code
 * 1d}, {@code 1mo}). Days and months ({@code P1D}, {@code 1d}, {@code P1M}) are calendar days and
 * months in the mapping's time zone ({@link RowInterval}); everything shorter is a fixed length.
 */
final class IntervalText {

    private IntervalText() {}

    /**
     * @throws CsvMappingException naming the key when the text is not a positive length of time
     */
    static RowInterval parse(String key, String text, ZoneId zone) {
        Period calendar = calendar(text);
        if (calendar != null) {
            if (calendar.isNegative() || calendar.isZero()) {
                throw MappingKeys.invalid(key, text, "is not a positive length of time");
            }
            return RowInterval.calendar(calendar, zone);
        }
        return RowInterval.fixed(parse(key, text));
    }

    /** Whole days or months ({@code P1D}, {@code P1M}, {@code 1d}, {@code 1mo}), else null. */
    private static Period calendar(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        if (upper.startsWith("P") && !upper.contains("T")) {
            try {
                Period period = Period.parse(upper);
                return period.getYears() == 0 ? period : null;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        int digits = 0;
        while (digits < upper.length() && Character.isDigit(upper.charAt(digits))) {
            digits++;
        }
        if (digits == 0 || digits > 6) {
            return null;
        }
        int amount = Integer.parseInt(upper.substring(0, digits));
        return switch (upper.substring(digits).trim()) {
            case "D" -> Period.ofDays(amount);
            case "MO", "MONTH" -> Period.ofMonths(amount);
            default -> null;
        };
    }

    static Duration parse(String key, String text) {
        Duration interval =
                text.toUpperCase(Locale.ROOT).startsWith("P") ? iso(text) : shortForm(text);
        if (interval == null) {
            throw MappingKeys.invalid(
                    key,
                    text,
                    "is not a length of time; write it like PT15M, PT1H, P1D, P1M (ISO-8601) or"
                            + " 15min, 1h, 30s, 1d, 1mo");
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
