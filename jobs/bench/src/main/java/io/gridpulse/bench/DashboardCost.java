package io.gridpulse.bench;

import io.gridpulse.dashboard.catalogue.InfluxQueries;
import io.gridpulse.dashboard.health.FlinkHealth;
import io.gridpulse.dashboard.http.DashboardServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * What the operators' dashboard costs over the live path's output (the benchmark's meters, in
 * {@code bench_live}): the time of each endpoint a page refresh calls, and the CPU influxd spends
 * per refresh, from its {@code /proc/<pid>/stat} before and after. Requests are sent one after the
 * other, so each time is the endpoint's own. The server's clock moves on by the default refresh
 * interval at each refresh, so what it keeps for a while (the districts, the meters known) expires
 * as often as it does for an open page, and its cost is in the figures.
 */
final class DashboardCost {

    /** The default refresh of the page (DashboardMain's --refresh). */
    static final Duration DEFAULT_REFRESH = Duration.ofSeconds(5);

    private static final int WARM_UP = 3;
    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

    /**
     * @param endpointMs per endpoint, its times over the refreshes
     * @param influxCpuMsPerRefresh influxd's user + system CPU per page refresh, null if influxd's
     *     process was not found
     */
    record Result(
            Map<String, Stats> endpointMs,
            Stats refreshMs,
            Double influxCpuMsPerRefresh,
            int refreshes,
            String district,
            String meter,
            long meters,
            double hoursOfData) {}

    private DashboardCost() {}

    static Result measure(String influxUrl, String database, int refreshes) throws Exception {
        InfluxDB influx = InfluxDBFactory.connect(influxUrl);
        String district = firstTagValue(influx, database, "district_energy", "district");
        String meter = firstTagValue(influx, database, "meter_energy", "meter");
        long meters =
                count(
                        influx,
                        database,
                        "SHOW TAG VALUES EXACT CARDINALITY FROM meter_energy WITH KEY = meter");
        double hours =
                count(
                                influx,
                                database,
                                "SELECT count(energy_kwh) FROM district_energy WHERE \"window\" = '15m'"
                                        + " AND district = '"
                                        + district
                                        + "'")
                        / 4.0;
        SteppedClock clock = new SteppedClock();
        // Nothing listens on port 1: the health endpoint answers "unreachable" without touching
        // InfluxDB.
        try (DashboardServer server =
                DashboardServer.start(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                        new DashboardServer.Settings(
                                ZoneId.of("Europe/Helsinki"), DEFAULT_REFRESH, null),
                        new InfluxQueries(influx, database, ""),
                        new FlinkHealth(URI.create("http://127.0.0.1:1"), clock),
                        clock)) {
            String base = "http://127.0.0.1:" + server.port() + "/api/";
            String d = "district=" + URLEncoder.encode(district, StandardCharsets.UTF_8);
            Map<String, String> page = new LinkedHashMap<>();
            page.put("config", "config");
            page.put("overview", "overview");
            page.put("feeders", "feeders?" + d);
            page.put("demand", "demand?" + d);
            page.put("daily", "daily?" + d);
            page.put("anomalies", "anomalies?" + d);
            page.put("quality", "quality?" + d);
            page.put("meter", "meter?meter=" + URLEncoder.encode(meter, StandardCharsets.UTF_8));
            HttpClient http = HttpClient.newHttpClient();
            Map<String, Stats> times = new LinkedHashMap<>();
            page.keySet().forEach(name -> times.put(name, new Stats()));
            Stats refreshMs = new Stats();
            for (int i = 0; i < WARM_UP; i++) {
                refresh(http, base, page, null);
                clock.step(DEFAULT_REFRESH);
            }
            Long pid = influxdPid();
            long cpuBefore = pid == null ? 0 : cpuTicks(pid);
            for (int i = 0; i < refreshes; i++) {
                refreshMs.add(refresh(http, base, page, times));
                clock.step(DEFAULT_REFRESH);
            }
            Double cpuMsPerRefresh =
                    pid == null
                            ? null
                            : (cpuTicks(pid) - cpuBefore)
                                    * 1000.0
                                    / CLOCK_TICKS_PER_SECOND
                                    / refreshes;
            return new Result(
                    times, refreshMs, cpuMsPerRefresh, refreshes, district, meter, meters, hours);
        } finally {
            influx.close();
        }
    }

    /** Wall-clock time moved on by hand: a page's minutes of refreshes in seconds. */
    private static final class SteppedClock extends Clock {
        private volatile Instant now = Instant.now();

        void step(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** One page refresh, endpoint by endpoint; its total milliseconds. */
    private static double refresh(
            HttpClient http, String base, Map<String, String> page, Map<String, Stats> times)
            throws IOException, InterruptedException {
        double total = 0;
        for (Map.Entry<String, String> endpoint : page.entrySet()) {
            long start = System.nanoTime();
            HttpResponse<String> response =
                    http.send(
                            HttpRequest.newBuilder(URI.create(base + endpoint.getValue())).build(),
                            HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "dashboard endpoint "
                                + endpoint.getValue()
                                + " answered "
                                + response.statusCode()
                                + ": "
                                + response.body());
            }
            if (times != null) {
                times.get(endpoint.getKey()).add(ms);
            }
            total += ms;
        }
        return total;
    }

    private static String firstTagValue(
            InfluxDB influx, String database, String measurement, String key) {
        List<List<Object>> values =
                values(
                        influx,
                        database,
                        "SHOW TAG VALUES FROM "
                                + measurement
                                + " WITH KEY = \""
                                + key
                                + "\" LIMIT 1");
        if (values.isEmpty()) {
            throw new IllegalStateException(
                    "no "
                            + measurement
                            + " in InfluxDB database "
                            + database
                            + ": run the LIVE figure first (it fills the database the dashboard is measured on)");
        }
        return (String) values.get(0).get(1);
    }

    private static long count(InfluxDB influx, String database, String influxQl) {
        List<List<Object>> values = values(influx, database, influxQl);
        return values.isEmpty()
                ? 0
                : ((Number) values.get(0).get(values.get(0).size() - 1)).longValue();
    }

    private static List<List<Object>> values(InfluxDB influx, String database, String influxQl) {
        QueryResult result = influx.query(new Query(influxQl, database));
        if (result.hasError() || result.getResults().get(0).hasError()) {
            throw new IllegalStateException(
                    "InfluxDB refused "
                            + influxQl
                            + ": "
                            + (result.hasError()
                                    ? result.getError()
                                    : result.getResults().get(0).getError()));
        }
        List<QueryResult.Series> series = result.getResults().get(0).getSeries();
        return series == null || series.isEmpty() ? List.of() : series.get(0).getValues();
    }

    /** The influxd process on this machine, if there is exactly one. */
    private static Long influxdPid() {
        List<Long> pids =
                ProcessHandle.allProcesses()
                        .filter(
                                p ->
                                        p.info()
                                                .command()
                                                .map(c -> c.endsWith("/influxd"))
                                                .orElse(false))
                        .map(ProcessHandle::pid)
                        .toList();
        return pids.size() == 1 ? pids.get(0) : null;
    }

    /** utime + stime of the process, in clock ticks (fields 14 and 15 of /proc/pid/stat). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
