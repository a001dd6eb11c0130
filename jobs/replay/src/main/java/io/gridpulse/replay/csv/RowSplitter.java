package io.gridpulse.replay.csv;

import java.io.Serializable;
import java.util.Objects;

/**
 * Splits a data line into the fields a row parser reads, and rejects lines too short to hold all
 * its columns. Checking the length once here lets the parsers index the fields without a check per
 * column.
 */
final class RowSplitter implements Serializable {

    private static final long serialVersionUID = 1L;

    private final FieldSplitter splitter;
    private final Column lastColumn;

    /**
     * @param columns the columns the parser reads; nulls (optional columns not mapped) are ignored
     */
    RowSplitter(char delimiter, Column... columns) {
        this.splitter = new FieldSplitter(delimiter);
        Column last = null;
        for (Column column : columns) {
            if (column != null && (last == null || column.index() > last.index())) {
                last = column;
            }
        }
        this.lastColumn = Objects.requireNonNull(last, "a row parser reads at least one column");
    }

    String[] split(String line) {
        int needed = lastColumn.index() + 1;
        String[] fields = splitter.split(line, needed);
        if (fields.length < needed) {
            throw new CsvLineException(
                    "expected at least "
                            + needed
                            + " fields (column '"
                            + lastColumn.label()
                            + "' is number "
                            + needed
                            + "), found "
                            + fields.length);
        }
        return fields;
    }
}
