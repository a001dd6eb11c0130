package io.gridpulse.replay.csv;

/**
 * One data line that does not fit the mapping. The message names the column and quotes the
 * offending text; the reader of the file adds the file name and line number.
 *
 * <p>A bad line is a property of the data, not a bug, and a file can have many of them: the
 * exception carries no stack trace, so that counting and skipping bad lines stays cheap.
 */
public class CsvLineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CsvLineException(String message) {
        super(message, null, false, false);
    }
}
