package io.gridpulse.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The cells of the ground-truth files' lines, RFC 4180 style: a cell of prose (a ledger's detail)
 * is quoted, may hold commas and doubled quotes, not line breaks; every other cell is plain.
 */
public final class CsvCells {

    private CsvCells() {}

    /** The cells of one line. */
    public static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote");
        }
        cells.add(cell.toString());
        return cells;
    }

    /** Prose as one cell: quoted, its quotes doubled. */
    public static String quote(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
