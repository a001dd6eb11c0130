package io.gridpulse.monitor.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulator's fault ledger ({@code faults.csv}, written with {@code --faults}): what was
 * injected and what the job is expected to make of it, per data-quality outcome as the job counts
 * them in {@code data_quality}.
 */
final class InjectedFaults {

    static final String FILE = "faults.csv";

    private record Row(
            String kind,
            String district,
            String deadLetter,
            int rollovers,
            int newEpochs,
            int frozenFlags,
            double lostWh,
            Instant from,
            Instant to) {}

    private final List<Row> rows;

    private InjectedFaults(List<Row> rows) {
        this.rows = rows;
    }

    static InjectedFaults read(Path truthDir) throws IOException {
        List<String> lines = Files.readAllLines(truthDir.resolve(FILE));
        List<String> header = List.of(lines.get(0).split(","));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells =
                    line.split(",", header.size()); // the last column, the detail, may hold commas
            if (!cells[header.indexOf("status")].equals("injected")) {
                continue;
            }
            rows.add(
                    new Row(
                            cells[header.indexOf("kind")],
                            cells[header.indexOf("district_id")],
                            cells[header.indexOf("expected_dead_letter")],
                            Integer.parseInt(cells[header.indexOf("rollovers")]),
                            Integer.parseInt(cells[header.indexOf("new_epochs")]),
                            Integer.parseInt(cells[header.indexOf("frozen_flags")]),
                            Double.parseDouble(cells[header.indexOf("lost_energy_wh")]),
                            Instant.parse(cells[header.indexOf("from")]),
                            Instant.parse(cells[header.indexOf("to")])));
        }
        return new InjectedFaults(rows);
    }

    /**
     * Expected counts per outcome: dead-letter reasons, repairs, and readings estimated or left
     * missing in gaps.
     */
    Map<String, Long> expectedOutcomes(Duration readingInterval) {
        Map<String, Long> expected = new TreeMap<>();
        for (Row row : rows) {
            if (!row.deadLetter().isEmpty()) {
                expected.merge(row.deadLetter(), 1L, Long::sum);
            }
            expected.merge("ROLLOVER", (long) row.rollovers(), Long::sum);
            expected.merge("NEW_EPOCH", (long) row.newEpochs(), Long::sum);
            expected.merge("FROZEN_REGISTER", (long) row.frozenFlags(), Long::sum);
            if (row.kind().startsWith("GAP_")) {
                long missing =
                        Duration.between(row.from(), row.to()).dividedBy(readingInterval) + 1;
                expected.merge(
                        row.kind().equals("GAP_SHORT") ? "ESTIMATED" : "MISSING",
                        missing,
                        Long::sum);
            }
        }
        expected.values().removeIf(count -> count == 0);
        return expected;
    }

    /**
     * Energy the job cannot see (a register that never caught up before the run ended, say), per
     * district.
     */
    Map<String, Double> lostKwhByDistrict() {
        Map<String, Double> lost = new TreeMap<>();
        rows.forEach(row -> lost.merge(row.district(), row.lostWh() / 1000, Double::sum));
        return lost;
    }
}
