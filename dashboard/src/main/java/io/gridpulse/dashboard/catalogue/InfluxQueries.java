package io.gridpulse.dashboard.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs catalogue queries through influxdb-java. Times come back as epoch milliseconds. A failure is
 * reported by the query's id only: neither the InfluxQL nor anything of the connection (whose URL
 * carries the credentials in influxdb-java's requests) leaves this class.
 */
public final class InfluxQueries {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxQueries.class);

    private final InfluxDB influx;
    private final String database;
    private final String secret;

    /**
     * @param secret the InfluxDB password (or empty), masked in whatever this class logs
     */
    public InfluxQueries(InfluxDB influx, String database, String secret) {
        this.influx = influx;
        this.database = database;
        this.secret = secret == null ? "" : secret;
    }

    /**
     * The series the query returns, each with its tags and rows (column name to value, {@code time}
     * in millis).
     */
    public List<Series> run(CatalogueQuery query, QueryParameters parameters) {
        String influxQl = parameters.render(query);
        QueryResult result;
        try {
            result = influx.query(new Query(influxQl, database), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            LOG.warn("InfluxDB query {} failed: {}", query.id(), mask(e.toString()));
            throw new QueryFailedException("InfluxDB did not answer the " + query.id() + " query");
        }
        if (result.hasError()) {
            LOG.warn("InfluxDB query {} failed: {}", query.id(), mask(result.getError()));
            throw new QueryFailedException("InfluxDB refused the " + query.id() + " query");
        }
        List<Series> out = new ArrayList<>();
        for (QueryResult.Result statement : result.getResults()) {
            if (statement.hasError()) {
                if (statement.getError().startsWith("database not found")) {
                    return List.of(); // nothing written yet: an empty dashboard, not an error
                }
                LOG.warn("InfluxDB query {} failed: {}", query.id(), mask(statement.getError()));
                throw new QueryFailedException("InfluxDB refused the " + query.id() + " query");
            }
            if (statement.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series series : statement.getSeries()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                List<String> columns = series.getColumns();
                for (List<Object> values : series.getValues()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        row.put(columns.get(i), values.get(i));
                    }
                    rows.add(row);
                }
                Map<String, String> tags = series.getTags() == null ? Map.of() : series.getTags();
                out.add(new Series(tags, Collections.unmodifiableList(rows)));
            }
        }
        return out;
    }

    /** All rows of all series, each row with its series' tags added. */
    public List<Map<String, Object>> rows(CatalogueQuery query, QueryParameters parameters) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Series series : run(query, parameters)) {
            for (Map<String, Object> row : series.rows()) {
                Map<String, Object> withTags = new LinkedHashMap<>(row);
                series.tags().forEach(withTags::putIfAbsent);
                out.add(withTags);
            }
        }
        return out;
    }

    private String mask(String text) {
        return secret.isEmpty() || text == null ? text : text.replace(secret, "***");
    }

    /** One series of a result. */
    public record Series(Map<String, String> tags, List<Map<String, Object>> rows) {}

    /** InfluxDB could not be asked or refused; the message names the query, nothing else. */
    public static final class QueryFailedException extends RuntimeException {
        public QueryFailedException(String message) {
            super(message);
        }
    }
}
