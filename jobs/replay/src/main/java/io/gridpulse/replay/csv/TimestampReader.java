package io.gridpulse.replay.csv;

import java.time.DateTimeException;

/** The time of a row held in one column. */
final class TimestampReader implements TimeReader {

    private static final long serialVersionUID = 1L;

    private final Column column;
    private final TimestampFormat format;

    TimestampReader(Column column, TimestampFormat format) {
        this.column = column;
        this.format = format;
    }

    @Override
    public long epochMillis(String[] fields) {
        String text = column.in(fields);
        try {
            return format.toEpochMillis(text);
        } catch (DateTimeException | IllegalArgumentException | ArithmeticException e) {
            throw column.error(text, "is not a time in the format " + format.describe());
        }
    }

    @Override
    public Column lastColumn() {
        return column;
    }
}
