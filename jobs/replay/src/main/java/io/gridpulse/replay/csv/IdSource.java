package io.gridpulse.replay.csv;

import java.io.Serializable;

/**
 * Where a row's meter, feeder or district id comes from: a column, or one fixed id for the whole
 * file (a file of a single meter, or a utility's export that knows nothing of our feeders).
 *
 * @param column the id column, or null for a fixed id
 * @param fixed the fixed id, or null for a column
 */
record IdSource(ColumnRef column, String fixed) implements Serializable {

    /** Feeders and districts a file says nothing about. */
    static final String UNASSIGNED = "unassigned";

    /**
     * @param columnKey the key naming the column, e.g. {@code meter}
     * @param fixedKey the key giving a fixed id, e.g. {@code meter-id}
     * @param defaultFixed the fixed id when neither key is given, or null when one of them is
     *     required
     */
    static IdSource parse(
            MappingKeys keys, String columnKey, String fixedKey, String defaultFixed) {
        keys.requireNotBoth(
                columnKey,
                fixedKey,
                "the "
                        + columnKey
                        + " comes either from a column ('"
                        + columnKey
                        + "') or is the same for the whole file ('"
                        + fixedKey
                        + "')");
        if (keys.has(columnKey)) {
            return new IdSource(ColumnRef.parse(columnKey, keys.text(columnKey)), null);
        }
        if (keys.has(fixedKey) || defaultFixed != null) {
            return new IdSource(null, keys.text(fixedKey, defaultFixed));
        }
        throw new CsvMappingException(
                "missing key '"
                        + columnKey
                        + "' or '"
                        + fixedKey
                        + "': give the "
                        + columnKey
                        + " id column ("
                        + columnKey
                        + "=...) or, for a file of one "
                        + columnKey
                        + ", its id ("
                        + fixedKey
                        + "=...)");
    }

    /**
     * @throws CsvMappingException when the column is not in the header
     */
    Bound bind(Header header) {
        return new Bound(column == null ? null : column.resolve(header), fixed);
    }

    /** {@code meter 'MeterID'}, {@code meter fixed 'uci-1'}. */
    String describe(String what) {
        return what + (column != null ? " " + column.describe() : " fixed '" + fixed + "'");
    }

    boolean isFixed(String id) {
        return column == null && fixed.equals(id);
    }

    /** The source for one file, with its column resolved. */
    record Bound(Column column, String fixed) implements Serializable {

        String read(String[] fields, FieldReader reader) {
            return column == null ? fixed : reader.id(fields, column);
        }
    }
}
