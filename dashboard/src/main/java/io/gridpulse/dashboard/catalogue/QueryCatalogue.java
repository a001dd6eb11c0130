package io.gridpulse.dashboard.catalogue;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every InfluxQL query the operators' dashboards run, in one place: the built-in dashboard's
 * endpoints run them, and the Grafana dashboard is generated from them ({@code GrafanaDashboard}),
 * so the two cannot drift apart. The measurements and fields are those the jobs write ({@code
 * io.gridpulse.core.influx.*Points}).
 */
public final class QueryCatalogue {

    /**
     * Outcomes in {@code data_quality} that are dead-letter reasons (DeadLetter.avsc), i.e. records
     * not used.
     */
    public static final String DEAD_LETTER_OUTCOMES =
            "UNKNOWN|UNDECODABLE|UNKNOWN_SCHEMA|LATE|MISSING_ID|MALFORMED_ID"
                    + "|MALFORMED_VALUE|FUTURE_TIMESTAMP|ANCIENT_TIMESTAMP|NEGATIVE_POWER|POWER_TOO_HIGH|DUPLICATE"
                    + "|CONFLICTING_DUPLICATE";

    private static final String ANOMALY_FIELDS =
            "\"type\", \"severity\", \"state\", \"meter\", \"feeder\", \"district\","
                    + " \"expected\", \"actual\", \"unit\", \"score\", \"detected_at\", \"end\", \"message\", \"id\"";

    public static final CatalogueQuery DISTRICTS =
            new CatalogueQuery(
                    "districts",
                    "Districts",
                    "SHOW TAG VALUES FROM \"district_energy\" WITH KEY = \"district\"",
                    false);

    public static final CatalogueQuery FEEDERS =
            new CatalogueQuery(
                    "feeders",
                    "Feeders of the district",
                    "SHOW TAG VALUES FROM \"feeder_energy\" WITH KEY = \"feeder\" WHERE \"district\" = '$district'",
                    false);

    /**
     * The newest quarter hour any district has closed: where the built-in dashboard's time range
     * ends by default.
     */
    public static final CatalogueQuery NEWEST_QUARTER =
            new CatalogueQuery(
                    "newest_quarter",
                    "Newest closed quarter hour",
                    "SELECT last(\"energy_kwh\") FROM \"district_energy\" WHERE \"window\" = '15m'",
                    false);

    public static final CatalogueQuery DISTRICT_LATEST_QUARTER =
            new CatalogueQuery(
                    "district_latest_quarter",
                    "Newest closed quarter hour per district",
                    "SELECT last(\"energy_kwh\") AS \"energy_kwh\", \"demand_kw\", \"meters_reporting\", \"completeness\","
                            + " \"estimated_fraction\" FROM \"district_energy\" WHERE \"window\" = '15m' AND $timeFilter"
                            + " GROUP BY \"district\"",
                    true);

    public static final CatalogueQuery METERS_KNOWN =
            new CatalogueQuery(
                    "meters_known",
                    "Meters known",
                    "SHOW TAG VALUES EXACT CARDINALITY FROM \"meter_energy\" WITH KEY = \"meter\" WHERE \"district\" = '$district'",
                    true);

    public static final CatalogueQuery OPEN_ANOMALY_SEVERITIES =
            new CatalogueQuery(
                    "open_anomaly_severities",
                    "Open anomalies per district",
                    "SELECT \"severity\", \"type\" FROM \"anomaly\" WHERE \"open\" = true GROUP BY \"district\"",
                    false);

    public static final CatalogueQuery OPEN_ANOMALY_COUNT =
            new CatalogueQuery(
                    "open_anomaly_count",
                    "Open anomalies",
                    "SELECT count(\"score\") AS \"open\" FROM \"anomaly\" WHERE \"open\" = true AND \"district\" = '$district'",
                    true);

    public static final CatalogueQuery DISTRICT_DEMAND =
            new CatalogueQuery(
                    "district_demand",
                    "District demand per 15 minutes",
                    "SELECT \"demand_kw\", \"demand_kw\" * \"estimated_fraction\" AS \"estimated_kw\", \"energy_kwh\","
                            + " \"completeness\", \"meters_reporting\" FROM \"district_energy\""
                            + " WHERE \"window\" = '15m' AND \"district\" = '$district' AND $timeFilter",
                    true);

    public static final CatalogueQuery DISTRICT_PEAK =
            new CatalogueQuery(
                    "district_peak",
                    "District peak demand",
                    "SELECT max(\"demand_kw\") AS \"peak_kw\" FROM \"district_energy\""
                            + " WHERE \"window\" = '15m' AND \"district\" = '$district' AND $timeFilter",
                    true);

    public static final CatalogueQuery FEEDER_DEMAND =
            new CatalogueQuery(
                    "feeder_demand",
                    "Feeder demand per 15 minutes",
                    "SELECT \"demand_kw\", \"demand_kw\" * \"estimated_fraction\" AS \"estimated_kw\", \"energy_kwh\","
                            + " \"completeness\", \"meters_reporting\" FROM \"feeder_energy\""
                            + " WHERE \"window\" = '15m' AND \"feeder\" = '$feeder' AND $timeFilter",
                    true);

    public static final CatalogueQuery DISTRICT_DAILY =
            new CatalogueQuery(
                    "district_daily",
                    "District energy per local day",
                    "SELECT \"energy_kwh\", \"energy_kwh\" * \"estimated_fraction\" AS \"estimated_kwh\", \"completeness\""
                            + " FROM \"district_energy\" WHERE \"window\" = '1d' AND \"district\" = '$district' AND $timeFilter",
                    true);

    public static final CatalogueQuery DISTRICT_BASELINE =
            new CatalogueQuery(
                    "district_baseline",
                    "District use against the weather-normalised baseline",
                    "SELECT \"actual_kwh\", \"predicted_kwh\", \"temperature_f\" FROM \"district_savings\""
                            + " WHERE \"district\" = '$district' AND $timeFilter",
                    true);

    public static final CatalogueQuery DISTRICT_SAVINGS =
            new CatalogueQuery(
                    "district_savings",
                    "Savings against the target",
                    "SELECT \"savings_pct\", 100 * \"uncertainty_kwh\" / \"cumulative_predicted_kwh\" AS \"band_pct\","
                            + " \"target_pct\", \"projected_pct\" FROM \"district_savings\""
                            + " WHERE \"district\" = '$district' AND $timeFilter",
                    true);

    public static final CatalogueQuery DISTRICT_SAVINGS_LATEST =
            new CatalogueQuery(
                    "district_savings_latest",
                    "Savings so far and meters by status",
                    "SELECT last(\"counted_days\") AS \"counted_days\", \"savings_pct\", \"uncertainty_kwh\","
                            + " \"cumulative_predicted_kwh\", \"target_pct\", \"projected_pct\", \"on_track\", \"meters_counted\","
                            + " \"meters_without_model\", \"meters_insufficient_baseline\", \"meters_without_weather\","
                            + " \"meters_missing_data\" FROM \"district_savings\" WHERE \"district\" = '$district' AND $timeFilter",
                    true);

    public static final CatalogueQuery OPEN_ANOMALIES =
            new CatalogueQuery(
                    "open_anomalies",
                    "Open anomalies",
                    "SELECT "
                            + ANOMALY_FIELDS
                            + " FROM \"anomaly\" WHERE \"open\" = true AND \"district\" = '$district'",
                    true);

    public static final CatalogueQuery RESOLVED_ANOMALIES =
            new CatalogueQuery(
                    "resolved_anomalies",
                    "Recently resolved anomalies",
                    "SELECT "
                            + ANOMALY_FIELDS
                            + " FROM \"anomaly\" WHERE \"open\" = false AND \"district\" = '$district'"
                            + " AND $timeFilter ORDER BY time DESC LIMIT 20",
                    true);

    public static final CatalogueQuery METER_ENERGY =
            new CatalogueQuery(
                    "meter_energy",
                    "Meter energy per 15 minutes",
                    "SELECT \"energy_kwh\", \"energy_kwh\" * \"estimated_fraction\" AS \"estimated_kwh\", \"completeness\""
                            + " FROM \"meter_energy\" WHERE \"window\" = '15m' AND \"meter\" = '$meter' AND $timeFilter",
                    true);

    public static final CatalogueQuery METER_ANOMALIES =
            new CatalogueQuery(
                    "meter_anomalies",
                    "Anomalies of the meter",
                    "SELECT "
                            + ANOMALY_FIELDS
                            + " FROM \"anomaly\" WHERE \"meter\" = '$meter' AND $timeFilter",
                    true);

    public static final CatalogueQuery QUALITY_BY_FEEDER =
            new CatalogueQuery(
                    "quality_by_feeder",
                    "Readings repaired, estimated, late or rejected per feeder",
                    "SELECT sum(\"readings\") AS \"readings\" FROM \"data_quality\" WHERE \"district\" = '$district'"
                            + " AND $timeFilter GROUP BY \"feeder\", \"outcome\"",
                    true);

    public static final CatalogueQuery GAPS_BY_FEEDER =
            new CatalogueQuery(
                    "gaps_by_feeder",
                    "Gaps too long to fill per feeder",
                    "SELECT count(\"missing_readings\") AS \"gaps\", sum(\"missing_readings\") AS \"missing_readings\","
                            + " sum(\"unattributed_kwh\") AS \"unattributed_kwh\" FROM \"data_gap\" WHERE \"district\" = '$district'"
                            + " AND $timeFilter GROUP BY \"feeder\"",
                    true);

    public static final CatalogueQuery DEAD_LETTERS =
            new CatalogueQuery(
                    "dead_letters",
                    "Dead letters by reason",
                    "SELECT sum(\"readings\") AS \"records\" FROM \"data_quality\" WHERE \"outcome\" =~ /^("
                            + DEAD_LETTER_OUTCOMES
                            + ")$/ AND $timeFilter GROUP BY \"outcome\"",
                    true);

    public static final CatalogueQuery DEAD_LETTERS_OVER_TIME =
            new CatalogueQuery(
                    "dead_letters_over_time",
                    "Dead letters over time",
                    "SELECT sum(\"readings\") AS \"records\" FROM \"data_quality\" WHERE \"outcome\" =~ /^("
                            + DEAD_LETTER_OUTCOMES
                            + ")$/ AND $timeFilter GROUP BY time($__interval), \"outcome\" fill(0)",
                    true);

    /** In the order the Grafana dashboard shows them. */
    public static final List<CatalogueQuery> ALL =
            List.of(
                    DISTRICTS,
                    FEEDERS,
                    NEWEST_QUARTER,
                    DISTRICT_LATEST_QUARTER,
                    METERS_KNOWN,
                    OPEN_ANOMALY_SEVERITIES,
                    OPEN_ANOMALY_COUNT,
                    DISTRICT_DEMAND,
                    DISTRICT_PEAK,
                    FEEDER_DEMAND,
                    DISTRICT_DAILY,
                    DISTRICT_BASELINE,
                    DISTRICT_SAVINGS,
                    DISTRICT_SAVINGS_LATEST,
                    OPEN_ANOMALIES,
                    RESOLVED_ANOMALIES,
                    METER_ENERGY,
                    METER_ANOMALIES,
                    QUALITY_BY_FEEDER,
                    GAPS_BY_FEEDER,
                    DEAD_LETTERS,
                    DEAD_LETTERS_OVER_TIME);

    private static final Map<String, CatalogueQuery> BY_ID =
            ALL.stream()
                    .collect(Collectors.toUnmodifiableMap(CatalogueQuery::id, Function.identity()));

    private QueryCatalogue() {}

    public static CatalogueQuery byId(String id) {
        CatalogueQuery query = BY_ID.get(id);
        if (query == null) {
            throw new NoSuchElementException("no catalogue query '" + id + "'");
        }
        return query;
    }
}
