package io.gridpulse.replay.csv;

import java.io.Serializable;

/**
 * A column of one file: where it is in a line, and what to call it in an error message.
 *
 * @param index the 0-based position among the line's fields
 * @param label the header's name for the column, or the mapping key when the file has no header
 */
record Column(int index, String label) implements Serializable {

    /** The column's field of a line that has been checked to be long enough. */
    String in(String[] fields) {
        return fields[index];
    }

    /** An error about this column's text: {@code column 'value': 'abc' is not a number}. */
    CsvLineException error(String text, String problem) {
        return new CsvLineException("column '" + label + "': '" + text + "' " + problem);
    }
}
