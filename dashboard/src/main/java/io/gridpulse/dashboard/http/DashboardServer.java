package io.gridpulse.dashboard.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gridpulse.dashboard.catalogue.InfluxQueries;
import io.gridpulse.dashboard.catalogue.InfluxQueries.QueryFailedException;
import io.gridpulse.dashboard.catalogue.QueryParameters.InvalidParameterException;
import io.gridpulse.dashboard.health.FlinkHealth;
import io.gridpulse.dashboard.panels.Anomalies;
import io.gridpulse.dashboard.panels.Daily;
import io.gridpulse.dashboard.panels.Demand;
import io.gridpulse.dashboard.panels.Fleet;
import io.gridpulse.dashboard.panels.MeterDrillDown;
import io.gridpulse.dashboard.panels.Overview;
import io.gridpulse.dashboard.panels.Quality;
import io.gridpulse.dashboard.panels.Selection;
import io.gridpulse.dashboard.panels.UnknownSelectionException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's HTTP server (the JDK's own {@code com.sun.net.httpserver}): the page, its scripts
 * and uPlot, and one JSON endpoint per panel under {@code /api/}. Only GET; InfluxQL and
 * credentials stay on this side.
 */
public final class DashboardServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

    /**
     * What the page needs to know of the server: the districts' time zone and how often to refresh.
     */
    public record Settings(ZoneId zone, Duration refresh, String token) {}

    private final HttpServer server;
    private final ExecutorService threads;
    private final ObjectMapper json =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Access access;
    private final Map<String, Function<Map<String, String>, Object>> endpoints =
            new LinkedHashMap<>();

    private DashboardServer(
            HttpServer server,
            Settings settings,
            InfluxQueries influx,
            FlinkHealth flink,
            Clock clock) {
        this.server = server;
        this.access = new Access(settings.token());
        Fleet fleet = new Fleet(influx, clock);
        Overview overview = new Overview(influx, fleet);
        Demand demand = new Demand(influx);
        Daily daily = new Daily(influx, settings.zone());
        Anomalies anomalies = new Anomalies(influx);
        MeterDrillDown meter = new MeterDrillDown(influx, anomalies);
        Quality quality = new Quality(influx);

        endpoints.put(
                "/api/config",
                q ->
                        Map.of(
                                "zone",
                                settings.zone().getId(),
                                "refreshSeconds",
                                settings.refresh().toSeconds(),
                                "districts",
                                fleet.districts(),
                                "newestQuarterEnd",
                                Selection.newestQuarterEnd(influx, clock)));
        endpoints.put("/api/feeders", q -> fleet.feeders(districtOf(q, fleet)));
        endpoints.put("/api/overview", q -> overview.of(Selection.of(q, fleet, influx, clock)));
        endpoints.put("/api/demand", q -> demand.of(withDistrict(q, fleet, influx, clock)));
        endpoints.put("/api/daily", q -> daily.of(withDistrict(q, fleet, influx, clock)));
        endpoints.put("/api/anomalies", q -> anomalies.of(withDistrict(q, fleet, influx, clock)));
        endpoints.put("/api/meter", q -> meter.of(Selection.of(q, fleet, influx, clock)));
        endpoints.put("/api/quality", q -> quality.of(withDistrict(q, fleet, influx, clock)));
        endpoints.put("/api/health", q -> flink.check());

        this.threads =
                Executors.newFixedThreadPool(
                        4,
                        runnable -> {
                            Thread thread = new Thread(runnable, "dashboard-http");
                            thread.setDaemon(true);
                            return thread;
                        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
    }

    /** Binds and starts; port 0 takes a free one ({@link #port()}). */
    public static DashboardServer start(
            InetSocketAddress address,
            Settings settings,
            InfluxQueries influx,
            FlinkHealth flink,
            Clock clock)
            throws IOException {
        // Without it the JDK's server sends headers and body in two packets and waits ~40 ms for
        // the client's delayed
        // ACK on every response (Nagle's algorithm).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        DashboardServer dashboard =
                new DashboardServer(HttpServer.create(address, 64), settings, influx, flink, clock);
        dashboard.server.start();
        return dashboard;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The endpoints' paths (for the benchmark and the tests). */
    public java.util.Set<String> endpoints() {
        return endpoints.keySet();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders()
                    .set(
                            "Content-Security-Policy",
                            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            if (!access.allows(exchange)) {
                exchange.getResponseHeaders()
                        .set(
                                "WWW-Authenticate",
                                "Basic realm=\"GridPulse dashboard\", charset=\"UTF-8\"");
                sendError(exchange, 401, "this dashboard needs its access token");
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())
                    && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                sendError(exchange, 405, "only GET");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Function<Map<String, String>, Object> endpoint = endpoints.get(path);
            if (endpoint != null) {
                answer(exchange, endpoint);
                return;
            }
            StaticFiles.File file = StaticFiles.find(path);
            if (file == null) {
                sendError(exchange, 404, "no such page");
                return;
            }
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            send(exchange, 200, file.contentType(), StaticFiles.read(file));
        } catch (IOException e) {
            LOG.debug("client went away: {}", e.toString());
        }
    }

    private void answer(HttpExchange exchange, Function<Map<String, String>, Object> endpoint)
            throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        Object body;
        try {
            body = endpoint.apply(query(exchange.getRequestURI().getRawQuery()));
        } catch (InvalidParameterException e) {
            sendError(exchange, 400, e.getMessage());
            return;
        } catch (UnknownSelectionException e) {
            sendError(exchange, 404, e.getMessage());
            return;
        } catch (QueryFailedException e) {
            sendError(exchange, 502, e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.error("{} failed", exchange.getRequestURI().getPath(), e);
            sendError(exchange, 500, "internal error; see the dashboard's log");
            return;
        }
        send(exchange, 200, "application/json", json.writeValueAsBytes(body));
    }

    private void sendError(HttpExchange exchange, int status, String message) throws IOException {
        send(
                exchange,
                status,
                "application/json",
                json.writeValueAsBytes(Map.of("error", message)));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Selection withDistrict(
            Map<String, String> query, Fleet fleet, InfluxQueries influx, Clock clock) {
        districtOf(query, fleet);
        return Selection.of(query, fleet, influx, clock);
    }

    private static String districtOf(Map<String, String> query, Fleet fleet) {
        String district = query.get("district");
        if (district == null || district.isBlank()) {
            throw new InvalidParameterException("district is required");
        }
        if (!io.gridpulse.dashboard.catalogue.QueryParameters.isId(district)) {
            throw new InvalidParameterException(
                    "not a valid district id: use letters, digits and _ . : - (at most 64)");
        }
        fleet.requireDistrict(district);
        return district;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        try {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key =
                        URLDecoder.decode(
                                eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value =
                        eq < 0
                                ? ""
                                : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(key, value);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("malformed query string");
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
