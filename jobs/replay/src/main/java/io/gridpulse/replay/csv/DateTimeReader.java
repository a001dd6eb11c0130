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
 * The time of a row held in two columns, a date and a time of day, each with its own pattern (the
 * UCI household file writes {@code 16/12/2006;17:24:00}). An offset read by the time pattern wins
 * over the mapping's zone.
 *
 * <p>Rows come in time order, so most lines repeat the previous line's date (1,440 times a day in a
 * minute file): the last date read is kept and not parsed again. This makes an instance unsafe to
 * share between threads, as a Flink function's fields are never shared.
 */
final class DateTimeReader implements TimeReader {

    private static final long serialVersionUID = 1L;

    private final Column date;
    private final Column time;
    private final String datePattern;
    private final String timePattern;
    private final ZoneId zone;
    // Not Serializable: rebuilt from the patterns.
    private transient DateTimeFormatter dateFormatter;
    private transient DateTimeFormatter timeFormatter;
    private transient String lastDateText;
    private transient LocalDate lastDate;

    DateTimeReader(Column date, Column time, String datePattern, String timePattern, ZoneId zone) {
        this.date = date;
        this.time = time;
        this.datePattern = datePattern;
        this.timePattern = timePattern;
        this.zone = zone;
        compile();
    }

    @Override
    public long epochMillis(String[] fields) {
        LocalDate day = date(date.in(fields));
        String text = time.in(fields);
        TemporalAccessor parsed;
        try {
            parsed = timeFormatter.parse(text);
        } catch (DateTimeException e) {
            throw time.error(text, "is not a time in the format " + timePattern);
        }
        LocalTime clock =
                parsed.query(
                        TemporalQueries.localTime()); // not null: TimePatterns checked the pattern
        ZoneId parsedZone = parsed.query(TemporalQueries.zone());
        return LocalTimes.toEpochMillis(
                LocalDateTime.of(day, clock), parsedZone == null ? zone : parsedZone);
    }

    @Override
    public Column lastColumn() {
        return date.index() > time.index() ? date : time;
    }

    private LocalDate date(String text) {
        if (!text.equals(lastDateText)) {
            try {
                lastDate = dateFormatter.parse(text, LocalDate::from);
            } catch (DateTimeException e) {
                throw date.error(text, "is not a date in the format " + datePattern);
            }
            lastDateText = text;
        }
        return lastDate;
    }

    private void compile() {
        dateFormatter = TimePatterns.compile(datePattern);
        timeFormatter = TimePatterns.compile(timePattern);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        compile();
    }
}
