package io.gridpulse.tools.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/** Reads the hourly district roll-ups back from InfluxDB. */
final class InfluxDistrictHours {

    static final String QUERY =
            "SELECT energy_kwh, peak_demand_kw, meters_reporting FROM district_energy"
                    + " WHERE \"window\" = '1h' GROUP BY district";

    private InfluxDistrictHours() {}

    static List<DistrictHour> read(InfluxDB influx, String database) {
        QueryResult result = influx.query(new Query(QUERY, database));
        if (result.hasError()) {
            throw new IllegalStateException("InfluxDB query failed: " + result.getError());
        }
        List<DistrictHour> hours = new ArrayList<>();
        for (QueryResult.Result r : result.getResults()) {
            if (r.hasError()) {
                throw new IllegalStateException("InfluxDB query failed: " + r.getError());
            }
            if (r.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series series : r.getSeries()) {
                String district = series.getTags().get("district");
                List<String> columns = series.getColumns();
                for (List<Object> row : series.getValues()) {
                    Map<String, Object> value = zip(columns, row);
                    hours.add(
                            new DistrictHour(
                                    district,
                                    Instant.parse((String) value.get("time")),
                                    ((Number) value.get("energy_kwh")).doubleValue(),
                                    ((Number) value.get("peak_demand_kw")).doubleValue(),
                                    ((Number) value.get("meters_reporting")).intValue()));
                }
            }
        }
        return hours;
    }

    /**
     * Mean completeness and estimated fraction of the hourly meter aggregates from {@code from} on,
     * per district.
     */
    static Map<String, double[]> completeness(InfluxDB influx, String database, Instant from) {
        QueryResult result =
                influx.query(
                        new Query(
                                "SELECT mean(completeness), mean(estimated_fraction) FROM meter_energy"
                                        + " WHERE \"window\" = '1h' AND time >= '"
                                        + from
                                        + "' GROUP BY district",
                                database));
        Map<String, double[]> out = new java.util.TreeMap<>();
        if (result.getResults() == null || result.getResults().get(0).getSeries() == null) {
            return out;
        }
        for (QueryResult.Series series : result.getResults().get(0).getSeries()) {
            List<Object> row = series.getValues().get(0);
            out.put(
                    series.getTags().get("district"),
                    new double[] {
                        ((Number) row.get(1)).doubleValue(),
                        row.get(2) == null ? 0.0 : ((Number) row.get(2)).doubleValue()
                    });
        }
        return out;
    }

    /**
     * What happened to every reading, from InfluxDB alone: readings accepted (the districts'
     * quarter-hour counts) and the {@code data_quality} counts per outcome (dead-letter reasons,
     * repairs, estimates).
     */
    static Map<String, Long> outcomes(InfluxDB influx, String database) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        out.put(
                "ACCEPTED",
                sumOf(
                                influx.query(
                                        new Query(
                                                "SELECT sum(readings) FROM district_energy WHERE \"window\" = '15m'",
                                                database)),
                                null)
                        .getOrDefault("", 0L));
        out.putAll(
                sumOf(
                        influx.query(
                                new Query(
                                        "SELECT sum(readings) FROM data_quality GROUP BY outcome",
                                        database)),
                        "outcome"));
        return out;
    }

    /** Energy of gaps too long to fill ({@code data_gap}), which no window counts, per district. */
    static Map<String, Double> unattributedKwh(InfluxDB influx, String database) {
        Map<String, Double> out = new java.util.TreeMap<>();
        firstValues(
                        influx.query(
                                new Query(
                                        "SELECT sum(unattributed_kwh) FROM data_gap GROUP BY district",
                                        database)),
                        "district")
                .forEach((district, kwh) -> out.put(district, kwh.doubleValue()));
        return out;
    }

    /**
     * The {@code anomaly} points per type: {open, resolved}. One point per anomaly (its RESOLVED
     * event overwrites the OPEN one), so these are anomalies, not events.
     */
    static Map<String, long[]> anomalies(InfluxDB influx, String database) {
        QueryResult result =
                influx.query(new Query("SELECT \"open\" FROM anomaly GROUP BY \"type\"", database));
        Map<String, long[]> out = new java.util.TreeMap<>();
        if (result.getResults() == null || result.getResults().get(0).getSeries() == null) {
            return out;
        }
        for (QueryResult.Series series : result.getResults().get(0).getSeries()) {
            long[] counts = out.computeIfAbsent(series.getTags().get("type"), type -> new long[2]);
            for (List<Object> row : series.getValues()) {
                counts[Boolean.TRUE.equals(row.get(1)) ? 0 : 1]++;
            }
        }
        return out;
    }

    /**
     * Every {@code anomaly} point: its start is the point's time, its end a field written once it
     * resolved. A feeder-level anomaly has no meter tag ({@code ""} when grouped by it).
     */
    static List<AnomalyComparison.Found> foundAnomalies(InfluxDB influx, String database) {
        QueryResult result =
                influx.query(
                        new Query(
                                "SELECT \"end\", message FROM anomaly"
                                        + " GROUP BY \"type\", meter, feeder",
                                database));
        List<AnomalyComparison.Found> found = new ArrayList<>();
        if (result.hasError() || result.getResults().get(0).hasError()) {
            throw new IllegalStateException(
                    "InfluxDB query failed: "
                            + (result.hasError()
                                    ? result.getError()
                                    : result.getResults().get(0).getError()));
        }
        if (result.getResults().get(0).getSeries() == null) {
            return found;
        }
        for (QueryResult.Series series : result.getResults().get(0).getSeries()) {
            Map<String, String> tags = series.getTags();
            String meter = tags.getOrDefault("meter", "");
            for (List<Object> row : series.getValues()) {
                Map<String, Object> value = zip(series.getColumns(), row);
                Object end = value.get("end");
                found.add(
                        new AnomalyComparison.Found(
                                tags.get("type"),
                                meter.isEmpty() ? null : meter,
                                tags.get("feeder"),
                                Instant.parse((String) value.get("time")),
                                end == null
                                        ? null
                                        : Instant.ofEpochMilli(((Number) end).longValue()),
                                (String) value.get("message")));
            }
        }
        return found;
    }

    private static Map<String, Long> sumOf(QueryResult result, String tag) {
        Map<String, Long> sums = new java.util.TreeMap<>();
        firstValues(result, tag).forEach((key, sum) -> sums.put(key, sum.longValue()));
        return sums;
    }

    /**
     * The first value of each series of a one-aggregate query, by the series' {@code tag} (""
     * without one).
     */
    private static Map<String, Number> firstValues(QueryResult result, String tag) {
        Map<String, Number> values = new java.util.TreeMap<>();
        if (result.getResults() == null || result.getResults().get(0).getSeries() == null) {
            return values;
        }
        for (QueryResult.Series series : result.getResults().get(0).getSeries()) {
            values.put(
                    tag == null ? "" : series.getTags().get(tag),
                    (Number) series.getValues().get(0).get(1));
        }
        return values;
    }

    private static Map<String, Object> zip(List<String> columns, List<Object> row) {
        Map<String, Object> map = new java.util.HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            map.put(columns.get(i), row.get(i));
        }
        return map;
    }
}
