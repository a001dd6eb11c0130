package io.gridpulse.replay.csv;

import java.io.Serializable;

/**
 * A column as the mapping names it: by header name, or by 1-based number when the text is all
 * digits. It becomes a {@link Column} once the file's header is known.
 *
 * @param key the mapping key that names the column, for error messages
 * @param name the header name, or null when the column is given by number
 * @param number the 1-based column number, or 0 when the column is given by name
 */
record ColumnRef(String key, String name, int number) implements Serializable {

    static ColumnRef parse(String key, String text) {
        if (!isDigits(text)) {
            return new ColumnRef(key, text, 0);
        }
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (number < 1) {
            throw MappingKeys.invalid(
                    key, text, "is not a column number: columns are numbered from 1");
        }
        return new ColumnRef(key, null, number);
    }

    /** The column's value of the key, or null when the key is not given. */
    static ColumnRef optional(MappingKeys keys, String key) {
        String text = keys.text(key);
        return text == null ? null : parse(key, text);
    }

    Column resolve(Header header) {
        return header.resolve(this);
    }

    /** {@code 'Voltage'} or {@code #5}, for {@code describe()}. */
    String describe() {
        return name != null ? "'" + name + "'" : "#" + number;
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return !text.isEmpty();
    }
}
