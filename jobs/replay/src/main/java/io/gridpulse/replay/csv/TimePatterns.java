package io.gridpulse.replay.csv;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;

/**
 * DateTimeFormatter patterns of a mapping: built the same way everywhere, and checked before any
 * line is read.
 */
final class TimePatterns {

    // Day above 12 and hour above 12, so that a pattern mixing up d and M, or H and h, cannot read
    // it back.
    private static final ZonedDateTime SAMPLE =
            ZonedDateTime.of(2016, 12, 31, 13, 45, 30, 0, ZoneId.of("Europe/Paris"));

    private TimePatterns() {}

    /**
     * Strict, so that 30 February is an error and not 29 February as the default resolver makes it.
     * Strict resolving needs an era for the usual {@code yyyy} (year of era), hence the default.
     * Month and day names in English, in any case ({@code DEC}, {@code Dec}).
     *
     * @throws IllegalArgumentException when the pattern is not valid
     */
    static DateTimeFormatter compile(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * Compiles the pattern and checks that it reads back what it writes, with a date and/or a time
     * of day as required, so that a pattern that cannot work fails here, naming its key, rather
     * than on every line.
     *
     * @throws CsvMappingException when it does not
     */
    static void check(String key, String pattern, boolean needsDate, boolean needsTime) {
        DateTimeFormatter formatter;
        try {
            formatter = compile(pattern);
        } catch (IllegalArgumentException e) {
            throw MappingKeys.invalid(
                    key, pattern, "is not a DateTimeFormatter pattern: " + e.getMessage());
        }
        String sample;
        TemporalAccessor parsed;
        try {
            sample = formatter.format(SAMPLE);
        } catch (DateTimeException e) {
            throw MappingKeys.invalid(
                    key, pattern, "is not a pattern of dates and times: " + e.getMessage());
        }
        try {
            parsed = formatter.parse(sample);
        } catch (DateTimeException e) {
            throw MappingKeys.invalid(
                    key,
                    pattern,
                    "cannot read back what it writes ('" + sample + "'): " + e.getMessage());
        }
        if (needsDate && parsed.query(TemporalQueries.localDate()) == null) {
            throw MappingKeys.invalid(key, pattern, "has no full date (year, month and day)");
        }
        if (needsTime && parsed.query(TemporalQueries.localTime()) == null) {
            throw MappingKeys.invalid(
                    key, pattern, "has no time of day (at least the hour of the day, H or HH)");
        }
    }
}
