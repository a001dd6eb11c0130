package io.gridpulse.simulator.savings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The savings ground truth per district as {@value #FILE} in the truth directory: what each
 * district really saved over the programme, next to the fraction it was given. Energies use the
 * shortest decimal that reads back as the same double.
 */
public final class SavingsTruthCsv {

    public static final String FILE = "savings-truth.csv";

    static final String HEADER =
            "district_id,programmed_fraction,from,to,without_kwh,with_kwh,savings_fraction";

    private SavingsTruthCsv() {}

    public static void write(List<SavingsTruth> truth, Path dir) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (SavingsTruth t : truth) {
            lines.add(
                    String.join(
                            ",",
                            t.districtId(),
                            plain(t.programmedFraction()),
                            t.from().toString(),
                            t.to().toString(),
                            plain(t.withoutKwh()),
                            plain(t.withKwh()),
                            plain(t.savingsFraction())));
        }
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** The rows of {@value #FILE} in a truth directory. */
    public static List<SavingsTruth> read(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                throw new IllegalArgumentException(
                        file
                                + ": not the savings ground truth, header is "
                                + lines.stream().findFirst().orElse(""));
            }
            List<SavingsTruth> truth = new ArrayList<>();
            // Ids, instants and numbers: no cell is quoted.
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                truth.add(
                        new SavingsTruth(
                                cells[0],
                                Double.parseDouble(cells[1]),
                                Instant.parse(cells[2]),
                                Instant.parse(cells[3]),
                                Double.parseDouble(cells[4]),
                                Double.parseDouble(cells[5])));
            }
            return truth;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).toPlainString();
    }
}
