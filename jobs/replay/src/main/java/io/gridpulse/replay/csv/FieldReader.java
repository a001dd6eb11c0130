package io.gridpulse.replay.csv;

import java.io.Serializable;

/**
 * Reads numbers and ids from a line's fields, with the layout's decimal separator and missing-value
 * marker.
 *
 * <p>Numbers are checked character by character before {@link Double#parseDouble}, which would also
 * take {@code NaN}, {@code Infinity}, hexadecimal and a trailing {@code d} or {@code f}. A field
 * with the other separator ({@code 4,2} where the decimal is {@code .}, or {@code 1.234} where it
 * is {@code ,}) is rejected rather than guessed at: read as a thousands separator or as a decimal,
 * one of the two is wrong by a factor of a thousand.
 */
final class FieldReader implements Serializable {

    private static final long serialVersionUID = 1L;

    private final CsvLayout layout;

    FieldReader(CsvLayout layout) {
        this.layout = layout;
    }

    /** The column's number, or NaN when it is missing (empty or the missing marker). */
    double number(String[] fields, Column column) {
        String text = column.in(fields);
        if (layout.isMissing(text)) {
            return Double.NaN;
        }
        char decimal = layout.decimal();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean numeric =
                    (c >= '0' && c <= '9')
                            || c == decimal
                            || c == '-'
                            || c == '+'
                            || c == 'e'
                            || c == 'E';
            if (!numeric) {
                throw column.error(
                        text,
                        c == '.' || c == ','
                                ? "is not a number (the decimal separator is '" + decimal + "')"
                                : "is not a number");
            }
        }
        double number;
        try {
            number = Double.parseDouble(decimal == '.' ? text : text.replace(decimal, '.'));
        } catch (NumberFormatException e) {
            throw column.error(text, "is not a number");
        }
        if (!Double.isFinite(number)) {
            throw column.error(text, "is not a finite number");
        }
        return number;
    }

    /** The column's text, which must not be empty: an id. */
    String id(String[] fields, Column column) {
        String text = column.in(fields);
        if (text.isEmpty()) {
            throw new CsvLineException(
                    "column '" + column.label() + "' is empty, but it holds ids");
        }
        return text;
    }
}
