package io.gridpulse.replay.csv;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/**
 * Where a row's time is and how it is written: one {@code timestamp} column, or a {@code date} and
 * a {@code time} column, with their formats and the zone of times without an offset. Shared by
 * every kind of mapping.
 *
 * <p>Format keys of the other form are errors rather than ignored: a {@code date-format} given with
 * a {@code timestamp} column means the mapping was misunderstood, and ignoring it would read wrong
 * times silently.
 *
 * @param timestamp the timestamp column, or null for the two-column form
 * @param timestampFormat how the timestamp column is written, or null for the two-column form
 * @param date the date column, or null for the one-column form
 * @param time the time-of-day column, or null for the one-column form
 * @param datePattern the date column's pattern, or null for the one-column form
 * @param timePattern the time column's pattern, or null for the one-column form
 * @param zone the zone of times that have no offset
 */
record TimeColumns(
        ColumnRef timestamp,
        TimestampFormat timestampFormat,
        ColumnRef date,
        ColumnRef time,
        String datePattern,
        String timePattern,
        ZoneId zone)
        implements Serializable {

    static final List<String> KEYS =
            List.of(
                    "timestamp",
                    "timestamp-format",
                    "date",
                    "time",
                    "date-format",
                    "time-format",
                    "time-zone");

    static final String DEFAULT_DATE_FORMAT = "yyyy-MM-dd";
    static final String DEFAULT_TIME_FORMAT = "H:mm[:ss]";
    // The id rather than ZoneOffset.UTC, which describe() would print as Z.
    private static final ZoneId UTC = ZoneId.of("UTC");

    static TimeColumns parse(MappingKeys keys) {
        ZoneId zone = zone(keys.text("time-zone"));
        boolean oneColumn = keys.has("timestamp");
        boolean twoColumns = keys.has("date") || keys.has("time");
        if (oneColumn && twoColumns) {
            throw new CsvMappingException(
                    "give the time either as 'timestamp' (one column) or as 'date' and 'time' (two "
                            + "columns), not both");
        }
        if (oneColumn) {
            for (String key : List.of("date-format", "time-format")) {
                if (keys.has(key)) {
                    throw new CsvMappingException(
                            "key '"
                                    + key
                                    + "' goes with the columns 'date' and 'time'; the format of a "
                                    + "'timestamp' column is 'timestamp-format'");
                }
            }
            return new TimeColumns(
                    ColumnRef.parse("timestamp", keys.text("timestamp")),
                    timestampFormat(keys.text("timestamp-format", IsoTimestamp.NAME), zone),
                    null,
                    null,
                    null,
                    null,
                    zone);
        }
        if (!twoColumns) {
            throw new CsvMappingException(
                    "missing the time: give 'timestamp' (one column, e.g. timestamp=start) or 'date' "
                            + "and 'time' (two columns)");
        }
        if (!keys.has("date") || !keys.has("time")) {
            throw new CsvMappingException(
                    "keys 'date' and 'time' go together (the date and the time-of-day columns); "
                            + "for one column holding both give 'timestamp'");
        }
        if (keys.has("timestamp-format")) {
            throw new CsvMappingException(
                    "key 'timestamp-format' goes with a 'timestamp' column; the formats of 'date' and "
                            + "'time' are 'date-format' and 'time-format'");
        }
        String datePattern = keys.text("date-format", DEFAULT_DATE_FORMAT);
        String timePattern = keys.text("time-format", DEFAULT_TIME_FORMAT);
        TimePatterns.check("date-format", datePattern, true, false);
        TimePatterns.check("time-format", timePattern, false, true);
        return new TimeColumns(
                null,
                null,
                ColumnRef.parse("date", keys.text("date")),
                ColumnRef.parse("time", keys.text("time")),
                datePattern,
                timePattern,
                zone);
    }

    /**
     * @throws CsvMappingException when a column is not in the header
     */
    TimeReader bind(Header header) {
        if (timestamp != null) {
            return new TimestampReader(timestamp.resolve(header), timestampFormat);
        }
        return new DateTimeReader(
                date.resolve(header), time.resolve(header), datePattern, timePattern, zone);
    }

    /** {@code time 'start' iso UTC}, {@code time 'Date'+'Time' d/M/yyyy H:mm:ss Europe/Paris}. */
    String describe() {
        if (timestamp != null) {
            return "time "
                    + timestamp.describe()
                    + " "
                    + timestampFormat.describe()
                    + (timestampFormat.usesZone() ? " " + zone : "");
        }
        return "time "
                + date.describe()
                + "+"
                + time.describe()
                + " "
                + datePattern
                + " "
                + timePattern
                + " "
                + zone;
    }

    private static TimestampFormat timestampFormat(String format, ZoneId zone) {
        TimestampFormat parsed;
        try {
            parsed = TimestampFormat.of(format, zone);
        } catch (IllegalArgumentException e) {
            throw MappingKeys.invalid(
                    "timestamp-format",
                    format,
                    "is neither iso, epoch-seconds, epoch-millis nor a "
                            + "DateTimeFormatter pattern: "
                            + e.getMessage());
        }
        if (parsed instanceof PatternTimestamp) {
            TimePatterns.check("timestamp-format", format, true, false);
        }
        return parsed;
    }

    private static ZoneId zone(String text) {
        if (text == null) {
            return UTC;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw MappingKeys.invalid(
                    "time-zone", text, "is not a time zone id such as UTC, Europe/Paris or +01:00");
        }
    }
}
