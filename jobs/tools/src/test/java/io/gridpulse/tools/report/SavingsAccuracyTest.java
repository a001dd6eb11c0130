package io.gridpulse.tools.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.simulator.savings.SavingsTruth;
import io.gridpulse.simulator.savings.SavingsTruthCsv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavingsAccuracyTest {

    private static final Instant FROM = Instant.parse("2024-12-31T22:00:00Z");
    private static final Instant TO = Instant.parse("2025-12-31T22:00:00Z");

    // The columns of scripts/savings' savings.csv that matter here, in another order and with
    // quoted prose, as a reader must cope with.
    private static final String HEADER =
            "level,id,feeder,district,status,predicted,savings_fraction,uncertainty,reason,"
                    + "method,caveats";

    @TempDir Path dir;

    @Test
    void shouldPutEachDistrictsEstimateNextToItsTruth() throws IOException {
        SavingsAccuracy.Cell cell =
                cell(
                        "seed 1 hot-summer cooling-heavy",
                        List.of(truth("D01", 1000, 850), truth("D02", 1000, 1000)),
                        "meter,M1,D01-F01,D01,ok,500,0.151,10,,HOURLY,\"edge, of the search\"",
                        "meter,M2,D01-F02,D01,ok,500,0.149,10,,DAILY_MEAN,\"\"",
                        "meter,M3,D01-F02,D01,ok,500,0.15,10,,TIME_OF_WEEK,\"\"",
                        "meter,M4,D02-F01,D02,no baseline,,,,\"too few days, 300 of 365\",,",
                        "district,D01,,D01,3 of 3 meters,1500,0.1520,3.0,,,",
                        "district,D02,,D02,0 of 1 meters,2000,-0.0040,8.0,,,");

        String printed = print(0.5, cell);

        assertThat(printed)
                .containsPattern(
                        "seed 1 hot-summer cooling-heavy +D01 +15\\.00 +15\\.20 +\\+0\\.20 +0\\.20"
                                + " +1/1/1 +yes")
                .containsPattern("D02 +0\\.00 +-0\\.40 +-0\\.40 +0\\.40 +0/0/0 +yes")
                .contains(
                        "Worst absolute error: 0.40 points (seed 1 hot-summer cooling-heavy, D02).")
                .contains(
                        "Every estimate within +/-0.50 points of the truth: yes (2 of 2 district"
                                + " estimates within).");
        assertThat(print(0.3, cell))
                .containsPattern("D02 +0\\.00 +-0\\.40 +-0\\.40 +0\\.40 +0/0/0 +NO")
                .contains("NO (1 of 2 district estimates within)");
    }

    @Test
    void shouldFailADistrictWithoutAnEstimate() throws IOException {
        SavingsAccuracy.Cell cell =
                cell(
                        "seed 2 nordic default",
                        List.of(truth("D01", 1000, 850)),
                        "meter,M1,D01-F01,D01,no baseline,,,,\"no data\",,");

        assertThat(print(0.5, cell))
                .containsPattern("seed 2 nordic default +D01 +15\\.00 +none .*NO ESTIMATE")
                .contains("NO (0 of 1 district estimates within)");
    }

    private String print(double tolerance, SavingsAccuracy.Cell cell) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean within =
                SavingsAccuracy.print(
                        new PrintStream(bytes, true, StandardCharsets.UTF_8),
                        List.of(cell),
                        tolerance);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(within).isEqualTo(printed.contains("truth: yes"));
        return printed;
    }

    private SavingsAccuracy.Cell cell(String label, List<SavingsTruth> truth, String... rows)
            throws IOException {
        Path cell = Files.createDirectories(dir.resolve(label.replace(' ', '-')));
        SavingsTruthCsv.write(truth, cell.resolve("truth"));
        Path results = Files.createDirectories(cell.resolve("results"));
        List<String> lines = new ArrayList<>(List.of(HEADER));
        lines.addAll(List.of(rows));
        Files.write(results.resolve("savings.csv"), lines);
        return new SavingsAccuracy.Cell(label, cell.resolve("truth"), results);
    }

    private static SavingsTruth truth(String district, double withoutKwh, double withKwh) {
        return new SavingsTruth(district, 1 - withKwh / withoutKwh, FROM, TO, withoutKwh, withKwh);
    }
}
