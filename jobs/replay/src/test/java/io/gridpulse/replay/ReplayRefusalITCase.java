package io.gridpulse.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay that could only give a meaningless result ends in one readable line and a non-zero exit:
 * never a stack trace, a usage dump or raw bytes. The last case runs the job (MiniCluster).
 */
class ReplayRefusalITCase {

    @TempDir Path work;

    private Path csv;
    private String err;
    private String out;

    @BeforeEach
    void writeCsv() throws IOException {
        csv = work.resolve("readings.csv");
        List<String> lines = new ArrayList<>(List.of("meter,start,kwh"));
        for (int h = 0; h < 48; h++) {
            lines.add(String.format("m1,2024-01-%02dT%02d:00:00Z,0.5", 1 + h / 24, h % 24));
        }
        Files.write(csv, lines);
    }

    @Test
    void shouldRefuseAFromThatIsNotBeforeTheTo() {
        assertThat(replay(csv, "--from", "2024-02-01", "--to", "2024-01-01")).isEqualTo(2);
        assertThat(err).contains("--from 2024-02-01 is not before --to 2024-01-01");
        assertThat(err.lines()).hasSize(1);
    }

    @Test
    void shouldRefuseABinaryFileGivenAsCsvWithoutPrintingItsBytes() throws IOException {
        Path binary = work.resolve("program");
        Files.write(binary, new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, '\n', 'x'});
        assertThat(replay(binary)).isEqualTo(2);
        assertThat(err).contains("is not a text file");
        assertThat(err).doesNotContain("ELF");
        assertThat(err.lines()).hasSize(1);
    }

    @Test
    void shouldSayWhichMappingFileIsMissingInOneLine() {
        List<String> args = new ArrayList<>(base(csv));
        args.addAll(List.of("--mapping", work.resolve("nowhere.mapping").toString()));
        assertThat(run(args)).isEqualTo(1);
        assertThat(err).contains("no such file: ").contains("nowhere.mapping");
        assertThat(err.lines()).hasSize(1);
    }

    @Test
    void shouldFailARunInWhichNoRowWasAcceptedAndNameTheReasons() {
        // timestamps in a form the mapping does not read: every row is rejected
        int exit = replay(csv, "--map", "timestamp-format=dd.MM.yyyy HH:mm");
        assertThat(exit).isEqualTo(1);
        assertThat(err).contains("none of the 48 records was accepted; top reasons:");
        assertThat(out).contains("Failed: none of the 48 records was accepted");
    }

    private int replay(Path file, String... more) {
        List<String> args = new ArrayList<>(base(file));
        args.addAll(
                List.of(
                        "--map", "meter=meter",
                        "--map", "timestamp=start",
                        "--map", "timestamp-marks=start",
                        "--map", "interval=PT1H",
                        "--map", "value=kwh",
                        "--map", "value-kind=interval-energy",
                        "--map", "unit=kWh",
                        "--map", "district-id=d1"));
        args.addAll(List.of(more));
        return run(args);
    }

    private List<String> base(Path file) {
        return List.of(
                "--csv",
                file.toString(),
                "--set",
                "district.default-time-zone=UTC",
                "--write",
                "files",
                "--output",
                work.resolve("out").toString(),
                "--quiet");
    }

    private int run(List<String> args) {
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
        try {
            return CommandLines.run(new ReplayJob(), args.toArray(String[]::new));
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
            err =
                    capturedErr
                            .toString(StandardCharsets.UTF_8)
                            .lines()
                            .filter(line -> line.startsWith("replay:"))
                            .reduce("", (a, b) -> a.isEmpty() ? b : a + "\n" + b);
            out = capturedOut.toString(StandardCharsets.UTF_8);
        }
    }
}
