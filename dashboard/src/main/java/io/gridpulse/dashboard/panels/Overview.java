package io.gridpulse.dashboard.panels;

import io.gridpulse.dashboard.catalogue.InfluxQueries;
import io.gridpulse.dashboard.catalogue.QueryCatalogue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header: per district the newest closed quarter hour ("data as of"), meters reporting in it of
 * meters known, its completeness and estimated share, and the open anomalies by severity.
 */
public final class Overview {

    private final InfluxQueries influx;
    private final Fleet fleet;

    public Overview(InfluxQueries influx, Fleet fleet) {
        this.influx = influx;
        this.fleet = fleet;
    }

    public record DistrictStatus(
            String district,
            Instant quarterStart,
            Instant dataAsOf,
            Long metersReporting,
            Long metersKnown,
            Double completeness,
            Double estimatedFraction,
            Double demandKw,
            Map<String, Integer> openAnomalies) {}

    public record Response(
            Instant from, Instant to, boolean following, List<DistrictStatus> districts) {}

    public Response of(Selection selection) {
        Map<String, Map<String, Object>> latest = new HashMap<>();
        for (Map<String, Object> row :
                influx.rows(QueryCatalogue.DISTRICT_LATEST_QUARTER, selection.parameters())) {
            latest.put(Rows.text(row, "district"), row);
        }
        Map<String, Map<String, Integer>> open = new HashMap<>();
        for (Map<String, Object> row :
                influx.rows(QueryCatalogue.OPEN_ANOMALY_SEVERITIES, selection.parameters())) {
            open.computeIfAbsent(Rows.text(row, "district"), d -> severities())
                    .merge(Rows.text(row, "severity"), 1, Integer::sum);
        }
        List<DistrictStatus> districts = new ArrayList<>();
        for (String district : fleet.districts()) {
            Map<String, Object> row = latest.getOrDefault(district, Map.of());
            Instant start = Rows.time(row);
            districts.add(
                    new DistrictStatus(
                            district,
                            start,
                            start == null ? null : start.plus(Selection.QUARTER),
                            Rows.integer(row, "meters_reporting"),
                            fleet.metersKnown(district),
                            Rows.number(row, "completeness"),
                            Rows.number(row, "estimated_fraction"),
                            Rows.number(row, "demand_kw"),
                            open.getOrDefault(district, severities())));
        }
        return new Response(selection.from(), selection.to(), selection.following(), districts);
    }

    private static Map<String, Integer> severities() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("CRITICAL", 0);
        counts.put("WARNING", 0);
        counts.put("INFO", 0);
        return counts;
    }
}
