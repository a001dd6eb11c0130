package io.gridpulse.replay.csv;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

/**
 * Times written with a DateTimeFormatter pattern, e.g. {@code dd.MM.yyyy HH:mm}. A pattern without
 * a time of day reads midnight (daily files); an offset or zone the pattern reads wins over the
 * mapping's zone.
 */
final class PatternTimestamp implements TimestampFormat {

    private static final long serialVersionUID = 1L;

    private final String pattern;
    private final ZoneId zone;
    private transient DateTimeFormatter formatter; // not Serializable: rebuilt from the pattern

    PatternTimestamp(String pattern, ZoneId zone) {
        this.pattern = pattern;
        this.zone = zone;
        this.formatter = TimePatterns.compile(pattern);
    }

    @Override
    public long toEpochMillis(String text) {
        TemporalAccessor parsed = formatter.parse(text);
        LocalDate date = parsed.query(TemporalQueries.localDate());
        if (date == null) {
            throw new DateTimeException("no date in the pattern " + pattern);
        }
        LocalTime time = parsed.query(TemporalQueries.localTime());
        ZoneId parsedZone = parsed.query(TemporalQueries.zone());
        return LocalTimes.toEpochMillis(
                LocalDateTime.of(date, time == null ? LocalTime.MIDNIGHT : time),
                parsedZone == null ? zone : parsedZone);
    }

    @Override
    public String describe() {
        return pattern;
    }

    @Override
    public boolean usesZone() {
        return true;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        formatter = TimePatterns.compile(pattern);
    }
}
