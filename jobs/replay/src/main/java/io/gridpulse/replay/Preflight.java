package io.gridpulse.replay;

import io.gridpulse.replay.csv.CsvLayout;
import io.gridpulse.replay.csv.CsvMappingException;
import io.gridpulse.replay.input.CsvLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * What can be checked before the job starts, so a typo fails in a second with a clear message
 * rather than inside the job: the files exist, and each CSV file's header has the mapping's
 * columns.
 */
final class Preflight {

    private Preflight() {}

    /** Files as given, directories as the regular files inside them (sorted), all absolute. */
    static List<String> files(List<Path> given) throws IOException {
        List<String> files = new ArrayList<>();
        for (Path path : given) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> inside = Files.list(path)) {
                    inside.filter(Files::isRegularFile)
                            .sorted()
                            .forEach(f -> files.add(f.toAbsolutePath().normalize().toString()));
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path.toAbsolutePath().normalize().toString());
            } else {
                throw new CommandLine.ParameterException(
                        new CommandLine(new ReplayJob()), "No such file: " + path);
            }
        }
        return files;
    }

    static void check(ReplayInputs inputs) throws IOException {
        for (String file : inputs.csvFiles()) {
            checkHeader(
                    file,
                    inputs.csvMapping().layout(),
                    header -> inputs.csvMapping().parser(header));
        }
        for (String file : inputs.weatherFiles()) {
            checkHeader(
                    file,
                    inputs.weatherMapping().layout(),
                    header -> inputs.weatherMapping().parser(header));
        }
    }

    static long totalBytes(ReplayInputs inputs) {
        return inputs.allFiles().stream()
                .mapToLong(
                        file -> {
                            try {
                                return Files.size(Path.of(file));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        })
                .sum();
    }

    private interface ParserCheck {
        void build(String header);
    }

    private static void checkHeader(String file, CsvLayout layout, ParserCheck check)
            throws IOException {
        String header = CsvLines.headerOf(file, layout);
        String first = layout.header() ? header : CsvLines.firstLineOf(file, layout);
        if (first != null && CsvLines.isBinary(first)) {
            throw new CommandLine.ParameterException(
                    new CommandLine(new ReplayJob()),
                    file
                            + " is not a text file (its first line holds bytes no CSV export has):"
                            + " give the CSV export itself");
        }
        if (layout.header()) {
            if (header == null) {
                throw new CommandLine.ParameterException(
                        new CommandLine(new ReplayJob()),
                        file + " is empty: the mapping says it starts with a header line");
            }
        }
        try {
            check.build(header);
        } catch (CsvMappingException e) {
            throw new CommandLine.ParameterException(
                    new CommandLine(new ReplayJob()), file + ": " + e.getMessage());
        }
    }
}
