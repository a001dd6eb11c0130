package io.gridpulse.replay.csv;

/**
 * A mapping that cannot work: a key that is unknown, missing or malformed, or a column the file's
 * header does not have. Raised once, before any data line is read, so the message names the key
 * rather than a line.
 */
public class CsvMappingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public CsvMappingException(String message) {
        super(message);
    }

    public CsvMappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
