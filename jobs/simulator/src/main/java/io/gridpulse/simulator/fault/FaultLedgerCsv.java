package io.gridpulse.simulator.fault;

import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.simulator.CsvCells;
import java.io.BufferedReader;
import java.io.BufferedWriter;
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
 * A {@link FaultLedger} as CSV, {@value FaultLedger#CSV_FILE}: one row per fault, injected ones
 * first, in the style of the ground-truth CSVs (ISO-8601 UTC instants, plain decimals, the detail
 * quoted as in RFC 4180). Empty cells where a value does not apply.
 */
public final class FaultLedgerCsv {

    public static final String HEADER =
            "kind,meter_id,feeder_id,district_id,status,from,to,expected_dead_letter,rollovers,"
                    + "new_epochs,frozen_flags,energy,lost_energy_wh,detail";

    private static final int COLUMNS = 14;
    private static final String INJECTED = "injected";

    private FaultLedgerCsv() {}

    /**
     * The injected faults of a file written by {@link FaultLedger#writeCsv}, in file order; the
     * skipped ones, which changed nothing, are left out.
     */
    public static List<InjectedFault> readInjected(Path file) {
        List<InjectedFault> faults = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalArgumentException(
                        file + ": not a fault ledger, header is " + header);
            }
            int lineNumber = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    List<String> cells = CsvCells.split(line);
                    if (cells.size() != COLUMNS) {
                        throw new IllegalArgumentException(
                                "expected " + COLUMNS + " columns, got " + cells.size());
                    }
                    if (cells.get(4).equals(INJECTED)) {
                        faults.add(parse(cells));
                    }
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(
                            file + " line " + lineNumber + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return faults;
    }

    private static InjectedFault parse(List<String> cells) {
        return new InjectedFault(
                FaultKind.valueOf(cells.get(0)),
                cells.get(1),
                cells.get(2),
                cells.get(3),
                cells.get(5).isEmpty() ? null : Instant.parse(cells.get(5)),
                cells.get(6).isEmpty() ? null : Instant.parse(cells.get(6)),
                new ExpectedOutcome(
                        cells.get(7).isEmpty() ? null : DeadLetterReason.valueOf(cells.get(7)),
                        Integer.parseInt(cells.get(8)),
                        Integer.parseInt(cells.get(9)),
                        Integer.parseInt(cells.get(10)),
                        EnergyEffect.valueOf(cells.get(11)),
                        Double.parseDouble(cells.get(12))),
                cells.get(13));
    }

    static void write(FaultLedger ledger, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (InjectedFault f : ledger.faults()) {
                ExpectedOutcome e = f.expected();
                out.write(
                        String.join(
                                ",",
                                f.kind().name(),
                                f.meterId(),
                                f.feederId(),
                                f.districtId(),
                                INJECTED,
                                instant(f.from()),
                                instant(f.to()),
                                e.deadLetter() == null ? "" : e.deadLetter().name(),
                                Integer.toString(e.rollovers()),
                                Integer.toString(e.newEpochs()),
                                Integer.toString(e.frozenFlags()),
                                e.energy().name(),
                                plain(e.lostEnergyWh()),
                                CsvCells.quote(f.detail())));
                out.write('\n');
            }
            for (SkippedFault f : ledger.skipped()) {
                out.write(
                        String.join(
                                ",",
                                f.kind().name(),
                                f.meterId(),
                                f.feederId(),
                                f.districtId(),
                                "skipped",
                                "",
                                "",
                                "",
                                "",
                                "",
                                "",
                                "",
                                "",
                                CsvCells.quote(f.reason())));
                out.write('\n');
            }
        }
    }

    /**
     * The shortest decimal that reads back as the same double, never in scientific notation (as the
     * truth CSVs).
     */
    static String plain(double value) {
        return BigDecimal.valueOf(value).toPlainString();
    }

    private static String instant(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
