package io.gridpulse.replay.input;

import io.gridpulse.replay.csv.CsvLayout;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.core.fs.Path;

/**
 * The data lines of a CSV file with their line numbers (1-based, as an editor shows them): leading
 * lines skipped, the header taken, blank lines passed over.
 */
public final class CsvLines implements AutoCloseable {

    private final BufferedReader in;
    private final String header;
    private long number;

    private CsvLines(BufferedReader in, String header, long number) {
        this.in = in;
        this.header = header;
        this.number = number;
    }

    /** {@code file}: a file's content, decompressed. */
    static CsvLines open(InputStream file, CsvLayout layout) throws IOException {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(file, StandardCharsets.UTF_8), 1 << 16);
        long number = 0;
        for (int i = 0; i < layout.skipLines() && in.readLine() != null; i++) {
            number++;
        }
        String header = null;
        if (layout.header()) {
            header = in.readLine();
            number++;
            if (header != null && !header.isEmpty() && header.charAt(0) == '\uFEFF') {
                header = header.substring(1); // a byte-order mark, as spreadsheet exports write it
            }
        }
        return new CsvLines(in, header, number);
    }

    /**
     * A file's header line as the replay will read it (null when the layout has none, or the file
     * ends first).
     */
    public static String headerOf(String file, CsvLayout layout) throws IOException {
        try (CsvLines lines = open(InputFile.open(new Path(file), new LongCounter()), layout)) {
            return lines.header();
        }
    }

    /**
     * The first line the replay reads from a file (its header, or its first data line), or null
     * when it has none: what a preflight check looks at.
     */
    public static String firstLineOf(String file, CsvLayout layout) throws IOException {
        try (CsvLines lines = open(InputFile.open(new Path(file), new LongCounter()), layout)) {
            return lines.header() != null ? lines.header() : lines.next();
        }
    }

    /**
     * Whether a line read as UTF-8 text holds bytes no text export has: NUL and other control
     * characters than tab, or bytes that are not UTF-8 (read as U+FFFD).
     */
    public static boolean isBinary(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c < ' ' && c != '\t') || c == '\uFFFD' || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /** The header line, or null when the file has none. */
    String header() {
        return header;
    }

    /** The next non-blank line, or null at the end. */
    String next() throws IOException {
        String line;
        do {
            line = in.readLine();
            number++;
        } while (line != null && CsvLayout.isBlank(line));
        return line;
    }

    /** The number of the line {@link #next()} returned last. */
    long number() {
        return number;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
