package io.gridpulse.replay.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The replay's output directory: cleared of a previous run's files before the job starts (a rerun
 * rewrites, never appends), and each output's part files joined under one header after the job.
 */
public final class OutputFiles {

    private OutputFiles() {}

    static String partName(String name, int subtask) {
        return name + ".part-" + subtask + ".csv";
    }

    /** Removes {@code name.csv} and its part files left by an earlier run. */
    public static void clear(Path directory, List<String> names) throws IOException {
        Files.createDirectories(directory);
        for (String name : names) {
            Files.deleteIfExists(directory.resolve(name + ".csv"));
            for (Path part : parts(directory, name)) {
                Files.delete(part);
            }
        }
    }

    /**
     * Joins the part files of {@code name} into {@code name.csv} with {@code header}; returns its
     * data lines.
     */
    public static long join(Path directory, String name, String header) throws IOException {
        Path target = directory.resolve(name + ".csv");
        long lines = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write((header + "\n").getBytes(StandardCharsets.UTF_8));
            for (Path part : parts(directory, name)) {
                try (var in = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                    lines += in.lines().count();
                }
                Files.copy(part, out);
                Files.delete(part);
            }
        }
        return lines;
    }

    private static List<Path> parts(Path directory, String name) throws IOException {
        List<Path> parts = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return parts;
        }
        try (DirectoryStream<Path> stream =
                Files.newDirectoryStream(directory, name + ".part-*.csv")) {
            stream.forEach(parts::add);
        }
        parts.sort(null);
        return parts;
    }
}
