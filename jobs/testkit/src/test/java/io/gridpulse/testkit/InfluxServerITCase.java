package io.gridpulse.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InfluxServerITCase {

    private static final Instant WINDOW_START = Instant.parse("2024-03-31T00:15:00Z");

    @RegisterExtension static final InfluxServer INFLUX = new InfluxServer();

    @Test
    void shouldReadBackAPointWrittenWithInfluxdbJava() {
        INFLUX.createDatabase("gridpulse");

        try (InfluxDB influx = INFLUX.connect()) {
            influx.write(
                    BatchPoints.database("gridpulse")
                            .point(
                                    Point.measurement("meter_15m")
                                            .time(
                                                    WINDOW_START.toEpochMilli(),
                                                    TimeUnit.MILLISECONDS)
                                            .tag("meter", "m-0001")
                                            .addField("kwh", 0.25)
                                            .addField("readings", 15L)
                                            .build())
                            .build());
        }

        List<Map<String, Object>> rows =
                INFLUX.query("gridpulse", "SELECT kwh, readings FROM meter_15m GROUP BY meter");

        assertThat(rows)
                .containsExactly(
                        Map.of(
                                "time",
                                "2024-03-31T00:15:00Z",
                                "kwh",
                                0.25,
                                "readings",
                                15.0,
                                "meter",
                                "m-0001"));
    }

    @Test
    void shouldRequireCredentialsWhenStartedWithAnAdmin() {
        try (InfluxServer secured = new InfluxServer("admin", "it's-secret")) {
            secured.startServer();
            secured.createDatabase("secured");

            assertThat(secured.query("secured", "SHOW MEASUREMENTS")).isEmpty();
            try (InfluxDB anonymous = org.influxdb.InfluxDBFactory.connect(secured.url())) {
                assertThatThrownBy(
                                () -> anonymous.query(new org.influxdb.dto.Query("SHOW DATABASES")))
                        .isInstanceOf(org.influxdb.InfluxDBException.class);
            }
        }
    }

    @Test
    void shouldOverwriteAPointWithTheSameIdentity() {
        INFLUX.createDatabase("idempotent");
        Point first = point(1.0);
        Point again = point(2.0);

        try (InfluxDB influx = INFLUX.connect()) {
            influx.write(BatchPoints.database("idempotent").point(first).build());
            influx.write(BatchPoints.database("idempotent").point(again).build());
        }

        assertThat(INFLUX.query("idempotent", "SELECT kwh FROM meter_15m"))
                .extracting(row -> row.get("kwh"))
                .containsExactly(2.0);
    }

    @Test
    void shouldReportInfluxqlErrors() {
        assertThatThrownBy(() -> INFLUX.query("nowhere", "SELECT * FROM nothing"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("database not found");
    }

    @Test
    void shouldAnswerOnLoopback() {
        assertThat(INFLUX.url()).startsWith("http://127.0.0.1:");
        try (InfluxDB influx = INFLUX.connect()) {
            assertThat(influx.ping().isGood()).isTrue();
        }
    }

    @Test
    void shouldExplainWhereInfluxdIsMissing() {
        withInfluxdBinary(
                "/nonexistent/influxd",
                () ->
                        assertThatThrownBy(InfluxServer::start)
                                .isInstanceOf(IllegalStateException.class)
                                .hasMessageContaining("/nonexistent/influxd"));
    }

    @Test
    void shouldShowInfluxdOutputWhenItDiesDuringStartup() {
        // The influx CLI, run with influxd's arguments, exits at once with a usage message.
        withInfluxdBinary(
                "/usr/bin/influx",
                () ->
                        assertThatThrownBy(InfluxServer::start)
                                .isInstanceOf(IllegalStateException.class)
                                .hasMessageContaining("exited with code")
                                .hasMessageContaining("--- influxd output ---"));
    }

    private static void withInfluxdBinary(String path, Runnable body) {
        String previous = System.getProperty("gridpulse.influxd");
        System.setProperty("gridpulse.influxd", path);
        try {
            body.run();
        } finally {
            if (previous == null) {
                System.clearProperty("gridpulse.influxd");
            } else {
                System.setProperty("gridpulse.influxd", previous);
            }
        }
    }

    private static Point point(double kwh) {
        return Point.measurement("meter_15m")
                .time(WINDOW_START.toEpochMilli(), TimeUnit.MILLISECONDS)
                .tag("meter", "m-0002")
                .addField("kwh", kwh)
                .build();
    }
}
