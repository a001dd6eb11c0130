package io.gridpulse.replay.csv;

import java.io.Serializable;

/**
 * Reads a row's time from its fields: from one timestamp column, or from a date and a time column.
 */
interface TimeReader extends Serializable {

    /**
     * @throws CsvLineException naming the column when its text is not a time in the mapping's
     *     format
     */
    long epochMillis(String[] fields);

    /** The time column that comes last in a line, for the check that a line is long enough. */
    Column lastColumn();
}
