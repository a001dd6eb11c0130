package io.gridpulse.replay.csv;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * How a file's lines are laid out, apart from what the columns mean: the delimiter, the lines
 * before the data, the header, how numbers write their decimals and how a missing value is marked.
 * Shared by every kind of mapping.
 *
 * @param delimiter the character between fields
 * @param header whether the first line after the skipped ones names the columns
 * @param skipLines lines before the header (or the data) to ignore: titles, comments, units
 * @param decimal the decimal separator of numbers, {@code .} or {@code ,}
 * @param missing the text that marks a missing value, or null when only an empty field is missing
 */
public record CsvLayout(char delimiter, boolean header, int skipLines, char decimal, String missing)
        implements Serializable {

    static final List<String> KEYS =
            List.of("delimiter", "header", "skip-lines", "decimal", "missing");

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    public CsvLayout {
        if (delimiter == '"') {
            throw MappingKeys.invalid(
                    "delimiter", "\"", "cannot be the delimiter: it quotes fields");
        }
        if (decimal != '.' && decimal != ',') {
            throw MappingKeys.invalid(
                    "decimal", String.valueOf(decimal), "is not a decimal separator: use . or ,");
        }
        if (decimal == delimiter) {
            throw MappingKeys.invalid(
                    "decimal",
                    String.valueOf(decimal),
                    "is also the delimiter; exports with decimal , "
                            + "usually separate fields with ; (delimiter=semicolon)");
        }
        if (skipLines < 0) {
            throw MappingKeys.invalid("skip-lines", String.valueOf(skipLines), "is negative");
        }
        if (missing != null && missing.isEmpty()) {
            missing = null;
        }
    }

    static CsvLayout parse(MappingKeys keys) {
        return new CsvLayout(
                delimiter(keys.raw("delimiter")),
                keys.flag("header", true),
                keys.count("skip-lines", 0),
                decimal(keys.text("decimal")),
                keys.text("missing"));
    }

    /**
     * Whether a line holds nothing but white space. Such lines are not data: the reader skips them
     * without counting them as rows (a byte order mark alone, left by some editors in an empty
     * file, counts as white space).
     */
    public static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c > ' ' && c != BYTE_ORDER_MARK) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a field's (trimmed) text stands for a missing value: empty, or the mapping's marker.
     */
    boolean isMissing(String field) {
        return field.isEmpty() || field.equals(missing);
    }

    /** For {@code describe()}: the delimiter always, everything else when it is not the default. */
    String describe() {
        StringBuilder text = new StringBuilder("delimiter ").append(delimiterName());
        if (!header) {
            text.append(", no header");
        }
        if (skipLines > 0) {
            text.append(", skip ").append(skipLines).append(skipLines == 1 ? " line" : " lines");
        }
        if (decimal != '.') {
            text.append(", decimal '").append(decimal).append('\'');
        }
        if (missing != null) {
            text.append(", missing '").append(missing).append('\'');
        }
        return text.toString();
    }

    private String delimiterName() {
        return delimiter == '\t' ? "tab" : delimiter == ' ' ? "space" : "'" + delimiter + "'";
    }

    // The raw value, because a delimiter given as the character itself may be white space (a tab or
    // a space).
    private static char delimiter(String raw) {
        if (raw == null || raw.isEmpty()) {
            return ',';
        }
        if (raw.length() == 1) {
            return raw.charAt(0);
        }
        String word = raw.trim();
        switch (word.toLowerCase(Locale.ROOT)) {
            case "tab":
            case "\\t":
                return '\t';
            case "semicolon":
                return ';';
            case "comma":
                return ',';
            case "pipe":
                return '|';
            case "space":
                return ' ';
            default:
                if (word.length() == 1) {
                    return word.charAt(0);
                }
                throw MappingKeys.invalid(
                        "delimiter",
                        raw,
                        "is not one character nor one of the words tab, semicolon, comma, pipe, space");
        }
    }

    private static char decimal(String text) {
        if (text == null) {
            return '.';
        }
        if (text.length() != 1) {
            throw MappingKeys.invalid("decimal", text, "is not a decimal separator: use . or ,");
        }
        return text.charAt(0);
    }
}
