package io.gridpulse.replay.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;

/**
 * One CSV result file of the replay, {@code name.csv} in the output directory, written by Flink's
 * {@code FileSink}. The sink writes part files of its own naming ({@code name-<uuid>-<n>.csv}, one
 * per writer in BATCH mode, where nothing rolls them), without a header; analysts and scripts read
 * one file with a header. So the sink writes into the hidden folder {@code .name.parts} there, and
 * {@link #finish} ends the job by joining the finished parts, in order, under the header into
 * {@code name.csv}. The directory must be visible to every task manager (local runs: it is).
 */
public final class CsvOutput<T> {

    private final Path directory;
    private final String name;
    private final CsvColumns<T> columns;

    public CsvOutput(Path directory, String name, CsvColumns<T> columns) {
        this.directory = directory.toAbsolutePath();
        this.name = name;
        this.columns = columns;
    }

    public String name() {
        return name;
    }

    public FileSink<T> sink() {
        return FileSink.forBulkFormat(
                        new org.apache.flink.core.fs.Path(parts().toUri()),
                        CsvWriter.factory(columns))
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withOutputFileConfig(
                        OutputFileConfig.builder()
                                .withPartPrefix(name)
                                .withPartSuffix(".csv")
                                .build())
                .build();
    }

    /** Removes {@code name.csv} and any parts an earlier run left: a rerun rewrites. */
    public void clear() throws IOException {
        Files.createDirectories(directory);
        Files.deleteIfExists(target());
        deleteParts();
    }

    /** Joins the finished parts into {@code name.csv}; returns its data lines. */
    public long finish() throws IOException {
        long lines = 0;
        try (OutputStream out = Files.newOutputStream(target())) {
            out.write((columns.header() + "\n").getBytes(StandardCharsets.UTF_8));
            for (Path part : finishedParts()) {
                try (InputStream in = Files.newInputStream(part)) {
                    lines += copyCountingLines(in, out);
                }
            }
        }
        deleteParts();
        return lines;
    }

    private Path target() {
        return directory.resolve(name + ".csv");
    }

    private Path parts() {
        return directory.resolve("." + name + ".parts");
    }

    /** Sorted by name: a writer's parts by their counter (one each, unless something rolled). */
    private List<Path> finishedParts() throws IOException {
        List<Path> parts = new ArrayList<>();
        if (Files.isDirectory(parts())) {
            // In-progress files are hidden (a leading dot); the committed ones are not.
            try (DirectoryStream<Path> stream =
                    Files.newDirectoryStream(parts(), name + "-*.csv")) {
                stream.forEach(parts::add);
            }
        }
        parts.sort(null);
        return parts;
    }

    private void deleteParts() throws IOException {
        if (Files.exists(parts())) {
            try (Stream<Path> all = Files.walk(parts())) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static long copyCountingLines(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long lines = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
        return lines;
    }
}
