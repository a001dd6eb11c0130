package io.gridpulse.replay.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes records as CSV lines, one part file per parallel writer ({@code name.part-N.csv}, without
 * header), which {@link OutputFiles} joins into {@code name.csv} once the job has finished. The
 * directory must be visible to every task manager (local runs: it is).
 */
public final class CsvFileSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final String directory;
    private final String name;
    private final CsvColumns<T> columns;

    public CsvFileSink(Path directory, String name, CsvColumns<T> columns) {
        this.directory = directory.toAbsolutePath().toString();
        this.name = name;
        this.columns = columns;
    }

    public String name() {
        return name;
    }

    public CsvColumns<T> columns() {
        return columns;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        Path part =
                Paths.get(directory)
                        .resolve(
                                OutputFiles.partName(
                                        name, context.getTaskInfo().getIndexOfThisSubtask()));
        return new Writer<>(Files.newBufferedWriter(part, StandardCharsets.UTF_8), columns);
    }

    private static final class Writer<T> implements SinkWriter<T> {
        private final BufferedWriter out;
        private final CsvColumns<T> columns;
        private final StringBuilder line = new StringBuilder(256);

        Writer(BufferedWriter out, CsvColumns<T> columns) {
            this.out = out;
            this.columns = columns;
        }

        @Override
        public void write(T record, Context context) throws IOException {
            line.setLength(0);
            columns.append(record, line);
            out.append(line).append('\n');
        }

        @Override
        public void flush(boolean endOfInput) {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
