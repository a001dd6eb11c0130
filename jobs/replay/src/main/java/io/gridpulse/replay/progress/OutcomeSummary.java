package io.gridpulse.replay.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What became of every input record, from the job's final accumulators, in lines that add up to the
 * records read: accepted into the aggregates, missing value, outside the time range, rejected per
 * reason, late. Then what the meter stage repaired and estimated, which are not input records.
 */
public final class OutcomeSummary {

    private final Map<String, Object> counters;

    public OutcomeSummary(Map<String, Object> counters) {
        this.counters = counters;
    }

    public long records() {
        return ProgressLine.value(counters, Counters.RECORDS);
    }

    public long missingValues() {
        return ProgressLine.value(counters, Counters.MISSING_VALUE);
    }

    public long outsideRange() {
        return ProgressLine.value(counters, Counters.OUTSIDE_RANGE);
    }

    /** Dead letters per reason, LATE included. */
    public Map<String, Long> deadLetters() {
        Map<String, Long> byReason = new TreeMap<>();
        counters.forEach(
                (name, value) -> {
                    if (name.startsWith(Counters.DEAD_LETTER)) {
                        byReason.put(
                                name.substring(Counters.DEAD_LETTER.length()),
                                ((Number) value).longValue());
                    }
                });
        return byReason;
    }

    public long late() {
        return deadLetters().getOrDefault("LATE", 0L);
    }

    public long rejected() {
        return deadLetters().values().stream().mapToLong(Long::longValue).sum() - late();
    }

    /** Records that became readings in the aggregates. */
    public long accepted() {
        return records() - missingValues() - outsideRange() - rejected() - late();
    }

    /** The meter stage's repairs and estimates per outcome (ESTIMATED, MISSING, ROLLOVER, ...). */
    public Map<String, Long> quality() {
        Map<String, Long> byOutcome = new TreeMap<>();
        counters.forEach(
                (name, value) -> {
                    if (name.startsWith(Counters.QUALITY)) {
                        byOutcome.put(
                                name.substring(Counters.QUALITY.length()),
                                ((Number) value).longValue());
                    }
                });
        return byOutcome;
    }

    /**
     * What an analyst must not miss: a run in which no record (of readings or weather) was accepted
     * is a failure; one in which most were rejected is warned about. Each names the top reasons.
     */
    public record Verdict(boolean failed, String line) {}

    /** The verdict on this run, if it needs one. */
    public java.util.Optional<Verdict> verdict() {
        long records = records();
        if (records > 0 && accepted() <= 0) {
            return java.util.Optional.of(
                    new Verdict(
                            true,
                            "none of the "
                                    + records
                                    + " records was accepted; "
                                    + topReasons()
                                    + " (the mapping may not fit the file: see dead_letters.csv)"));
        }
        if (records > 0 && 2 * (rejected() + late()) > records) {
            return java.util.Optional.of(
                    new Verdict(
                            false,
                            "most records were rejected ("
                                    + (rejected() + late())
                                    + " of "
                                    + records
                                    + "); "
                                    + topReasons()));
        }
        long weatherRows = ProgressLine.value(counters, Counters.WEATHER_RECORDS);
        if (weatherRows > 0 && ProgressLine.value(counters, Counters.WEATHER) == 0) {
            return java.util.Optional.of(
                    new Verdict(
                            true,
                            "none of the "
                                    + weatherRows
                                    + " weather rows was accepted (see dead_letters.csv)"));
        }
        return java.util.Optional.empty();
    }

    /** The three most frequent dead-letter reasons, e.g. "top reasons: MALFORMED_TIMESTAMP 98". */
    String topReasons() {
        List<String> top =
                deadLetters().entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .limit(3)
                        .map(e -> e.getKey() + " " + e.getValue())
                        .toList();
        return top.isEmpty() ? "no dead letters" : "top reasons: " + String.join(", ", top);
    }

    public List<String> lines(double seconds, String deadLetterFile) {
        List<String> lines = new ArrayList<>();
        lines.add(
                String.format(
                        Locale.ROOT,
                        "Replayed %,d records in %.1f s (%,.0f records/s).",
                        records(),
                        seconds,
                        records() / Math.max(seconds, 1e-3)));
        lines.add(row("accepted into the aggregates", accepted(), ""));
        lines.add(
                row(
                        "missing value",
                        missingValues(),
                        "no reading: its interval is estimated or left as a gap"));
        lines.add(row("outside --from/--to", outsideRange(), ""));
        lines.add(row("rejected", rejected(), rejected() > 0 ? "kept in " + deadLetterFile : ""));
        deadLetters()
                .forEach(
                        (reason, count) -> {
                            if (!reason.equals("LATE")) {
                                lines.add(row("  " + reason, count, ""));
                            }
                        });
        lines.add(row("late", late(), ""));
        lines.add("  " + "-".repeat(44));
        long sum = accepted() + missingValues() + outsideRange() + rejected() + late();
        lines.add(row("total", sum, sum == records() ? "= records read" : "!= records read"));
        Map<String, Long> quality = quality();
        if (!quality.isEmpty()) {
            List<String> parts = new ArrayList<>();
            quality.forEach(
                    (outcome, count) ->
                            parts.add(String.format(Locale.ROOT, "%s %,d", outcome, count)));
            lines.add(
                    "Meter stage (readings repaired, filled in or left missing): "
                            + String.join(", ", parts)
                            + ".");
        }
        long boundary = ProgressLine.value(counters, Counters.BOUNDARY_READINGS);
        if (boundary > 0) {
            lines.add(
                    String.format(
                            Locale.ROOT,
                            "Interval data: %,d reading(s) added, one at the start of each meter's"
                                    + " first interval (its register before any energy).",
                            boundary));
        }
        long weatherRows = ProgressLine.value(counters, Counters.WEATHER_RECORDS);
        if (weatherRows > 0) {
            lines.add(
                    String.format(
                            Locale.ROOT,
                            "Weather: %,d rows read: %,d observations, %,d missing value, %,d outside"
                                    + " --from/--to, %,d rejected.",
                            weatherRows,
                            ProgressLine.value(counters, Counters.WEATHER),
                            ProgressLine.value(counters, Counters.WEATHER_MISSING),
                            ProgressLine.value(counters, Counters.WEATHER_OUTSIDE_RANGE),
                            ProgressLine.value(counters, Counters.WEATHER_DEAD_LETTERS)));
        }
        return lines;
    }

    /**
     * With {@code --estimate-long-gaps}: how many gaps too long to fill got an estimate, and their
     * energy, which no total or aggregate includes.
     */
    public String gapEstimates() {
        long gaps = ProgressLine.value(counters, Counters.LONG_GAPS);
        if (gaps == 0) {
            return "Long gaps: none to estimate.";
        }
        Object kwh = counters.get(Counters.LONG_GAP_ESTIMATED_KWH);
        return String.format(
                Locale.ROOT,
                "Long gaps: %,d, of which %,d estimated from their meter's hour-of-week profile:"
                        + " %,.3f kWh, kept apart (gap estimates), not included in any total.",
                gaps,
                ProgressLine.value(counters, Counters.LONG_GAPS_ESTIMATED),
                kwh instanceof Number number ? number.doubleValue() : 0.0);
    }

    private static String row(String label, long count, String note) {
        return String.format(Locale.ROOT, "  %-30s %,13d  %s", label, count, note).stripTrailing();
    }
}
