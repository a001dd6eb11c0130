package io.gridpulse.replay.csv;

import java.util.Arrays;
import java.util.List;

/**
 * The column names of a file's header row, or none when the mapping says the file has no header.
 * Turns the mapping's column references into positions once, when a file is opened, so that lines
 * are parsed by position.
 */
final class Header {

    /**
     * At most this many names are listed when a column is not found: some exports have hundreds.
     */
    private static final int LISTED_COLUMNS = 60;

    private final List<String> names; // null: no header

    private Header(List<String> names) {
        this.names = names;
    }

    /**
     * @param line the header line when the layout has a header, else null
     * @throws CsvMappingException when the header is missing or cannot be split
     */
    static Header read(CsvLayout layout, String line) {
        if (!layout.header()) {
            if (line != null) {
                throw new IllegalArgumentException(
                        "the mapping has header=false, so there is no header line: pass null");
            }
            return new Header(null);
        }
        if (line == null || CsvLayout.isBlank(line)) {
            throw new CsvMappingException(
                    "the mapping has header=true but the file has no header line (empty file?); "
                            + "give header=false if the file starts with data");
        }
        try {
            return new Header(Arrays.asList(new FieldSplitter(layout.delimiter()).split(line)));
        } catch (CsvLineException e) {
            throw new CsvMappingException("the header line: " + e.getMessage(), e);
        }
    }

    /**
     * By number; by name, exactly and else ignoring case.
     *
     * @throws CsvMappingException when the file has no such column
     */
    Column resolve(ColumnRef ref) {
        if (ref.name() == null) {
            return byNumber(ref);
        }
        if (names == null) {
            throw new CsvMappingException(
                    "key '"
                            + ref.key()
                            + "': '"
                            + ref.name()
                            + "' is a column name, but the mapping "
                            + "has header=false: give the column's number instead (1 is the first)");
        }
        int index = names.indexOf(ref.name());
        for (int i = 0; index < 0 && i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(ref.name())) {
                index = i;
            }
        }
        if (index < 0) {
            throw new CsvMappingException(
                    "key '"
                            + ref.key()
                            + "': the header has no column '"
                            + ref.name()
                            + "'; its columns are "
                            + listed());
        }
        return new Column(index, names.get(index));
    }

    private Column byNumber(ColumnRef ref) {
        int index = ref.number() - 1;
        if (names == null) {
            return new Column(index, ref.key());
        }
        if (index >= names.size()) {
            throw new CsvMappingException(
                    "key '"
                            + ref.key()
                            + "': column number "
                            + ref.number()
                            + ", but the header has "
                            + names.size()
                            + (names.size() == 1 ? " column: " : " columns: ")
                            + listed());
        }
        return new Column(index, names.get(index));
    }

    private String listed() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.size() && i < LISTED_COLUMNS; i++) {
            text.append(i == 0 ? "" : ", ").append('\'').append(names.get(i)).append('\'');
        }
        if (names.size() > LISTED_COLUMNS) {
            text.append(" and ").append(names.size() - LISTED_COLUMNS).append(" more");
        }
        return text.toString();
    }
}
