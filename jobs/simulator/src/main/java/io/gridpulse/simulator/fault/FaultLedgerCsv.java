package io.gridpulse.simulator.fault;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes a {@link FaultLedger} as CSV: one row per fault, injected ones first, in the style of the
 * ground-truth CSVs (ISO-8601 UTC instants, plain decimals). Empty cells where a value does not
 * apply.
 */
final class FaultLedgerCsv {

    static final String HEADER =
            "kind,meter_id,feeder_id,district_id,status,from,to,expected_dead_letter,rollovers,"
                    + "new_epochs,frozen_flags,energy,lost_energy_wh,detail\n";

    private FaultLedgerCsv() {}

    static void write(FaultLedger ledger, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            for (InjectedFault f : ledger.faults()) {
                ExpectedOutcome e = f.expected();
                out.write(
                        String.join(
                                ",",
                                f.kind().name(),
                                f.meterId(),
                                f.feederId(),
                                f.districtId(),
                                "injected",
                                instant(f.from()),
                                instant(f.to()),
                                e.deadLetter() == null ? "" : e.deadLetter().name(),
                                Integer.toString(e.rollovers()),
                                Integer.toString(e.newEpochs()),
                                Integer.toString(e.frozenFlags()),
                                e.energy().name(),
                                plain(e.lostEnergyWh()),
                                quote(f.detail())));
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
                                quote(f.reason())));
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

    /** RFC 4180: details are prose and may hold commas or quotes. */
    private static String quote(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
