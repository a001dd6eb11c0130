package io.gridpulse.dashboard;

import io.gridpulse.dashboard.catalogue.InfluxQueries;
import io.gridpulse.dashboard.health.FlinkHealth;
import io.gridpulse.dashboard.http.DashboardServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts the operators' dashboard against an InfluxDB 1.x that the GridPulse jobs write to.
 * Credentials come from the environment only ({@code INFLUX_USERNAME}, {@code INFLUX_PASSWORD},
 * {@code DASHBOARD_TOKEN}), so they are not in {@code ps} or shell history, and they are never
 * printed.
 */
@Command(
        name = "dashboard",
        mixinStandardHelpOptions = true,
        description =
                "The GridPulse operator dashboard: one page and JSON endpoints over InfluxDB.")
public final class DashboardMain implements Callable<Integer> {

    @Option(
            names = "--influx-url",
            defaultValue = "${env:INFLUX_URL:-http://127.0.0.1:8086}",
            description = "InfluxDB 1.x HTTP address (env INFLUX_URL; default ${DEFAULT-VALUE}).")
    URI influxUrl;

    @Option(
            names = "--database",
            defaultValue = "${env:INFLUX_DATABASE:-gridpulse}",
            description =
                    "Database the jobs write to (env INFLUX_DATABASE; default ${DEFAULT-VALUE}).")
    String database;

    @Option(
            names = "--bind",
            defaultValue = "${env:DASHBOARD_BIND:-127.0.0.1}",
            description =
                    "Address to listen on (env DASHBOARD_BIND; default ${DEFAULT-VALUE}). Any other than loopback"
                            + " needs DASHBOARD_TOKEN.")
    String bind;

    @Option(
            names = "--port",
            defaultValue = "${env:DASHBOARD_PORT:-8090}",
            description =
                    "Port (env DASHBOARD_PORT; default ${DEFAULT-VALUE}; 0 takes a free one).")
    int port;

    @Option(
            names = "--flink-rest-url",
            defaultValue = "${env:FLINK_REST_URL:-http://127.0.0.1:8081}",
            description =
                    "Flink's REST API, for pipeline health (env FLINK_REST_URL; default ${DEFAULT-VALUE}).")
    URI flinkRestUrl;

    @Option(
            names = "--time-zone",
            defaultValue = "${env:GRIDPULSE_TIME_ZONE:-Europe/Helsinki}",
            description =
                    "Time zone of the districts' local days, as the jobs' district.default-time-zone (default"
                            + " ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(
            names = "--refresh",
            defaultValue = "PT5S",
            description =
                    "How often the page refreshes its panels (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration refresh;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DashboardMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String token = System.getenv().getOrDefault("DASHBOARD_TOKEN", "");
        InetAddress address = InetAddress.getByName(bind);
        if (!address.isLoopbackAddress() && token.isEmpty()) {
            System.err.println(
                    "dashboard: refusing to listen on "
                            + bind
                            + " without an access token: set DASHBOARD_TOKEN"
                            + " (browsers then ask for it as the password), or bind to 127.0.0.1.");
            return 2;
        }
        if (refresh.compareTo(Duration.ofSeconds(1)) < 0) {
            System.err.println("dashboard: --refresh must be at least PT1S, got " + refresh);
            return 2;
        }
        String user = System.getenv().getOrDefault("INFLUX_USERNAME", "");
        String password = System.getenv().getOrDefault("INFLUX_PASSWORD", "");
        OkHttpClient.Builder http =
                new OkHttpClient.Builder()
                        .readTimeout(Duration.ofSeconds(20))
                        .connectTimeout(Duration.ofSeconds(3));
        InfluxDB influx =
                user.isEmpty()
                        ? InfluxDBFactory.connect(influxUrl.toString(), http)
                        : InfluxDBFactory.connect(influxUrl.toString(), user, password, http);
        DashboardServer server =
                DashboardServer.start(
                        new InetSocketAddress(address, port),
                        new DashboardServer.Settings(zone, refresh, token),
                        new InfluxQueries(influx, database, password),
                        new FlinkHealth(flinkRestUrl, Clock.systemUTC()),
                        Clock.systemUTC());
        String host = address.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostName() : bind;
        System.out.println(
                "GridPulse dashboard: http://"
                        + (host.contains(":") ? "[" + host + "]" : host)
                        + ":"
                        + server.port()
                        + "/  (InfluxDB "
                        + influxUrl
                        + ", database "
                        + database
                        + ", Flink "
                        + flinkRestUrl
                        + (token.isEmpty() ? "" : "; access token required")
                        + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    server.close();
                                    influx.close();
                                    stopped.countDown();
                                },
                                "dashboard-stop"));
        stopped.await();
        return 0;
    }
}
