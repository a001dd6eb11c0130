package io.gridpulse.replay.csv;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Splits one line into fields, in a single pass and without regular expressions (files have
 * millions of lines).
 *
 * <p>Quoting follows RFC 4180: a field in double quotes may contain the delimiter, and {@code ""}
 * inside it stands for one quote. White space around a field is dropped, except the delimiter
 * itself when that is a tab or a space. A quote that is not at the start of a field is an ordinary
 * character, as spreadsheets write it. Quoted fields cannot span lines: the file is read line by
 * line.
 */
final class FieldSplitter implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final char QUOTE = '"';
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final char delimiter;

    FieldSplitter(char delimiter) {
        this.delimiter = delimiter;
    }

    /** Every field of the line. */
    String[] split(String line) {
        return split(line, Integer.MAX_VALUE);
    }

    /**
     * The first {@code limit} fields of the line, or all of them when there are fewer: a row parser
     * needs only the fields up to its last column, and does not pay for the rest of a wide line.
     */
    String[] split(String line, int limit) {
        String[] fields = new String[Math.min(limit, 16)];
        int count = 0;
        int length = line.length();
        int position = length > 0 && line.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
        while (count < limit) {
            int start = skipSpace(line, position);
            int end;
            String field;
            if (start < length && line.charAt(start) == QUOTE) {
                int closingQuote = closingQuote(line, start, count + 1);
                field = unquote(line, start + 1, closingQuote);
                end = skipSpace(line, closingQuote + 1);
                if (end < length && line.charAt(end) != delimiter) {
                    throw new CsvLineException(
                            "field "
                                    + (count + 1)
                                    + ": text after the closing quote: "
                                    + line.substring(start, Math.min(length, end + 10)));
                }
            } else {
                end = line.indexOf(delimiter, start);
                if (end < 0) {
                    end = length;
                }
                field = line.substring(start, trimEnd(line, start, end));
            }
            if (count == fields.length) {
                fields = Arrays.copyOf(fields, (int) Math.min(limit, 2L * count));
            }
            fields[count++] = field;
            if (end >= length) {
                break;
            }
            position = end + 1;
        }
        return count == fields.length ? fields : Arrays.copyOf(fields, count);
    }

    private int closingQuote(String line, int openingQuote, int fieldNumber) {
        int from = openingQuote + 1;
        while (true) {
            int quote = line.indexOf(QUOTE, from);
            if (quote < 0) {
                throw new CsvLineException(
                        "field "
                                + fieldNumber
                                + ": the quote is not closed: "
                                + line.substring(openingQuote));
            }
            if (quote + 1 < line.length() && line.charAt(quote + 1) == QUOTE) {
                from = quote + 2;
            } else {
                return quote;
            }
        }
    }

    private static String unquote(String line, int from, int to) {
        int quote = line.indexOf(QUOTE, from);
        if (quote < 0 || quote >= to) {
            return line.substring(from, to);
        }
        StringBuilder field = new StringBuilder(to - from);
        int chunk = from;
        while (quote >= 0 && quote < to) {
            field.append(line, chunk, quote + 1); // keeps the first of the two quotes
            chunk = quote + 2;
            quote = line.indexOf(QUOTE, chunk);
        }
        return field.append(line, chunk, to).toString();
    }

    private int skipSpace(String line, int from) {
        int position = from;
        while (position < line.length() && isSpace(line.charAt(position))) {
            position++;
        }
        return position;
    }

    private int trimEnd(String line, int start, int end) {
        int position = end;
        while (position > start && isSpace(line.charAt(position - 1))) {
            position--;
        }
        return position;
    }

    private boolean isSpace(char c) {
        return c <= ' ' && c != delimiter;
    }
}
