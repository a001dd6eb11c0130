package io.gridpulse.dashboard.panels;

import io.gridpulse.dashboard.catalogue.CatalogueQuery;
import io.gridpulse.dashboard.catalogue.InfluxQueries;
import io.gridpulse.dashboard.catalogue.QueryCatalogue;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The district's open anomalies, feeder outages first (one outage explains many silent meters),
 * then by severity and age; and those resolved recently.
 */
public final class Anomalies {

    private static final List<String> SEVERITY_ORDER = List.of("CRITICAL", "WARNING", "INFO");
    static final Comparator<Anomaly> OPERATOR_ORDER =
            Comparator.comparing((Anomaly a) -> !"FEEDER_OUTAGE".equals(a.type()))
                    .thenComparing(a -> severityRank(a.severity()))
                    .thenComparing(Anomaly::since);

    private final InfluxQueries influx;

    public Anomalies(InfluxQueries influx) {
        this.influx = influx;
    }

    /**
     * One anomaly as the jobs write it ({@code anomaly} measurement); {@code meter} is null for a
     * feeder's.
     */
    public record Anomaly(
            String id,
            String type,
            String severity,
            String state,
            String meter,
            String feeder,
            Instant since,
            Instant detectedAt,
            Instant end,
            Double expected,
            Double actual,
            String unit,
            String message) {}

    public record Response(Instant from, Instant to, List<Anomaly> open, List<Anomaly> resolved) {}

    public Response of(Selection selection) {
        List<Anomaly> open =
                list(QueryCatalogue.OPEN_ANOMALIES, selection).stream()
                        .sorted(OPERATOR_ORDER)
                        .toList();
        List<Anomaly> resolved = list(QueryCatalogue.RESOLVED_ANOMALIES, selection);
        return new Response(selection.from(), selection.to(), open, resolved);
    }

    /** The anomalies of a meter in the range (for its drill-down). */
    public List<Anomaly> ofMeter(Selection selection) {
        return list(QueryCatalogue.METER_ANOMALIES, selection);
    }

    private List<Anomaly> list(CatalogueQuery query, Selection selection) {
        return influx.rows(query, selection.parameters()).stream().map(Anomalies::anomaly).toList();
    }

    private static Anomaly anomaly(Map<String, Object> row) {
        return new Anomaly(
                Rows.text(row, "id"),
                Rows.text(row, "type"),
                Rows.text(row, "severity"),
                Rows.text(row, "state"),
                Rows.text(row, "meter"),
                Rows.text(row, "feeder"),
                Rows.time(row),
                millis(row, "detected_at"),
                millis(row, "end"),
                Rows.number(row, "expected"),
                Rows.number(row, "actual"),
                Rows.text(row, "unit"),
                Rows.text(row, "message"));
    }

    private static Instant millis(Map<String, Object> row, String column) {
        Long value = Rows.integer(row, column);
        return value == null ? null : Instant.ofEpochMilli(value);
    }

    private static int severityRank(String severity) {
        int rank = SEVERITY_ORDER.indexOf(severity);
        return rank < 0 ? SEVERITY_ORDER.size() : rank;
    }
}
