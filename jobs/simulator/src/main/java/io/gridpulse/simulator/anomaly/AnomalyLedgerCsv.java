package io.gridpulse.simulator.anomaly;

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
 * {@value AnomalyLedger#CSV_FILE}: one row per anomaly, sorted by start, then subject (meter or
 * feeder), in the style of the ground-truth CSVs (ISO-8601 UTC instants, plain decimals, the prose
 * detail quoted as in RFC 4180):
 *
 * <pre>
 * type,meter_id,feeder_id,district_id,start,end,extra_w,detail
 * SPIKE,M000017,D01-F02,D01,2026-01-26T09:15:00Z,2026-01-26T09:45:00Z,6124.0,"2 quarter hours of ..."
 * FEEDER_OUTAGE,,D02-F01,D02,2026-01-26T13:40:00Z,2026-01-26T15:25:00Z,-2311.4,"power cut of 5 meters ..."
 * </pre>
 *
 * See {@link AnomalyKind} for what start, end and extra_w mean; meter_id is empty for
 * FEEDER_OUTAGE.
 */
public final class AnomalyLedgerCsv {

    public static final String HEADER =
            "type,meter_id,feeder_id,district_id,start,end,extra_w,detail";
    private static final int COLUMNS = 8;

    private AnomalyLedgerCsv() {}

    /** Reads the anomalies of a file written by {@link AnomalyLedger#writeCsv}, in file order. */
    public static List<InjectedAnomaly> read(Path file) {
        List<InjectedAnomaly> anomalies = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalArgumentException(
                        file + ": not an anomaly ledger, header is " + header);
            }
            int lineNumber = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    anomalies.add(parse(line));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(
                            file + " line " + lineNumber + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return anomalies;
    }

    static void write(List<InjectedAnomaly> anomalies, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (InjectedAnomaly a : anomalies) {
                out.write(
                        String.join(
                                ",",
                                a.type().name(),
                                a.meterId() == null ? "" : a.meterId(),
                                a.feederId(),
                                a.districtId(),
                                a.start().toString(),
                                a.end().toString(),
                                plain(a.extraW()),
                                CsvCells.quote(a.detail())));
                out.write('\n');
            }
        }
    }

    static InjectedAnomaly parse(String line) {
        List<String> cells = CsvCells.split(line);
        if (cells.size() != COLUMNS) {
            throw new IllegalArgumentException(
                    "expected " + COLUMNS + " columns, got " + cells.size());
        }
        return new InjectedAnomaly(
                AnomalyKind.valueOf(cells.get(0)),
                cells.get(1).isEmpty() ? null : cells.get(1),
                cells.get(2),
                cells.get(3),
                Instant.parse(cells.get(4)),
                Instant.parse(cells.get(5)),
                Double.parseDouble(cells.get(6)),
                cells.get(7));
    }

    /**
     * The shortest decimal that reads back as the same double, never in scientific notation (as the
     * truth CSVs).
     */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).toPlainString();
    }
}
