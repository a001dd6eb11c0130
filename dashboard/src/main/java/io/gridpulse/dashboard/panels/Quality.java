package io.gridpulse.dashboard.panels;

import io.gridpulse.dashboard.catalogue.InfluxQueries;
import io.gridpulse.dashboard.catalogue.QueryCatalogue;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Data quality over the range: per feeder of the district the readings per outcome (repaired,
 * estimated, late, rejected) and the gaps too long to fill; and, fleet-wide, the dead letters by
 * reason (an undecodable record has no district).
 */
public final class Quality {

    private final InfluxQueries influx;

    public Quality(InfluxQueries influx) {
        this.influx = influx;
    }

    public record FeederQuality(
            String feeder,
            Map<String, Long> outcomes,
            long gaps,
            long missingReadings,
            double unattributedKwh) {}

    public record Response(
            Instant from,
            Instant to,
            Map<String, FeederQuality> feeders,
            Map<String, Long> deadLetters,
            long lateAccepted,
            long lateRejected) {}

    public Response of(Selection selection) {
        Map<String, Map<String, Long>> outcomes = new TreeMap<>();
        long lateAccepted = 0;
        long lateRejected = 0;
        for (Map<String, Object> row :
                influx.rows(QueryCatalogue.QUALITY_BY_FEEDER, selection.parameters())) {
            String outcome = Rows.text(row, "outcome");
            long readings = Rows.integer(row, "readings");
            outcomes.computeIfAbsent(Rows.text(row, "feeder"), f -> new TreeMap<>())
                    .merge(outcome, readings, Long::sum);
            lateAccepted += "LATE_ACCEPTED".equals(outcome) ? readings : 0;
            lateRejected += "LATE".equals(outcome) ? readings : 0;
        }
        Map<String, Map<String, Object>> gaps = new TreeMap<>();
        for (Map<String, Object> row :
                influx.rows(QueryCatalogue.GAPS_BY_FEEDER, selection.parameters())) {
            gaps.put(Rows.text(row, "feeder"), row);
        }
        Map<String, FeederQuality> feeders = new TreeMap<>();
        java.util.Set<String> names = new java.util.TreeSet<>(outcomes.keySet());
        names.addAll(gaps.keySet());
        for (String feeder : names) {
            Map<String, Object> gap = gaps.getOrDefault(feeder, Map.of());
            feeders.put(
                    feeder,
                    new FeederQuality(
                            feeder,
                            outcomes.getOrDefault(feeder, Map.of()),
                            Rows.integer(gap, "gaps") == null ? 0 : Rows.integer(gap, "gaps"),
                            Rows.integer(gap, "missing_readings") == null
                                    ? 0
                                    : Rows.integer(gap, "missing_readings"),
                            Rows.number(gap, "unattributed_kwh", 0)));
        }
        Map<String, Long> deadLetters = new TreeMap<>();
        for (Map<String, Object> row :
                influx.rows(QueryCatalogue.DEAD_LETTERS, selection.parameters())) {
            deadLetters.put(Rows.text(row, "outcome"), Rows.integer(row, "records"));
        }
        return new Response(
                selection.from(), selection.to(), feeders, deadLetters, lateAccepted, lateRejected);
    }
}
