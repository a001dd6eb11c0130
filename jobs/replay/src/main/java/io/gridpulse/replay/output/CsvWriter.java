package io.gridpulse.replay.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;

/**
 * Writes records as CSV lines (no header) into one of {@code FileSink}'s part files. A bulk writer
 * rather than a row encoder for its buffer: the local file system's sink streams write every
 * encoded row to the file at once.
 */
final class CsvWriter<T> implements BulkWriter<T> {

    private final Writer out;
    private final CsvColumns<T> columns;
    private final StringBuilder line = new StringBuilder(256);

    private CsvWriter(FSDataOutputStream stream, CsvColumns<T> columns) {
        this.out =
                new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        this.columns = columns;
    }

    static <T> BulkWriter.Factory<T> factory(CsvColumns<T> columns) {
        return stream -> new CsvWriter<>(stream, columns);
    }

    @Override
    public void addElement(T record) throws IOException {
        line.setLength(0);
        columns.append(record, line);
        out.append(line).append('\n');
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Flushes only: the sink closes the part file itself. */
    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
