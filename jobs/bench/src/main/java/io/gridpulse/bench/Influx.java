package io.gridpulse.bench;

import java.util.List;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/** Small InfluxDB chores of the benchmark. */
final class Influx {

    private Influx() {}

    static void recreateDatabase(String url, String database) {
        try (InfluxDB influx = InfluxDBFactory.connect(url)) {
            influx.query(new Query("DROP DATABASE \"" + database + "\""));
            influx.query(new Query("CREATE DATABASE \"" + database + "\""));
        }
    }

    /** Number of points of a measurement (by counting one of its fields). */
    static long count(String url, String database, String measurement, String field) {
        try (InfluxDB influx = InfluxDBFactory.connect(url)) {
            QueryResult result =
                    influx.query(
                            new Query("SELECT count(" + field + ") FROM " + measurement, database));
            List<QueryResult.Result> results = result.getResults();
            if (results == null || results.get(0).getSeries() == null) {
                return 0;
            }
            return ((Number) results.get(0).getSeries().get(0).getValues().get(0).get(1))
                    .longValue();
        }
    }
}
