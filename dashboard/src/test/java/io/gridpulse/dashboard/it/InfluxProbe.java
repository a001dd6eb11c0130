package io.gridpulse.dashboard.it;

import io.gridpulse.testkit.InfluxServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Asks the test's influxd what the pipeline has written, and waits for it. */
record InfluxProbe(InfluxServer influx, String database) {

    static final Duration PATIENCE = Duration.ofSeconds(90);

    List<Map<String, Object>> rows(String influxQl) {
        return influx.query(database, influxQl);
    }

    /** The first number of the first row; 0 when there is no row. */
    double number(String influxQl) {
        List<Map<String, Object>> rows = rows(influxQl);
        if (rows.isEmpty()) {
            return 0;
        }
        return rows.get(0).values().stream()
                .filter(Number.class::isInstance)
                .map(Number.class::cast)
                .mapToDouble(Number::doubleValue)
                .findFirst()
                .orElse(0);
    }

    /** Waits until the query's first number is positive. */
    void await(String what, String influxQl) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (number(influxQl) > 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("InfluxDB never had " + what);
    }
}
