package io.gridpulse.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real InfluxDB 1.x server: an {@code influxd} process (Debian package {@code influxdb}) with a
 * generated config, its own meta/data/wal directories in a fresh temporary directory under {@code
 * java.io.tmpdir}, and HTTP and RPC bound to free loopback ports. Ready in well under a second.
 *
 * <p>Either start it directly and close it when done:
 *
 * <pre>{@code
 * try (InfluxServer influx = InfluxServer.start()) {
 *     influx.createDatabase("gridpulse");
 *     ... influx.url() ...
 * }
 * }</pre>
 *
 * <p>or share one server per test class as a JUnit 5 extension on a <b>static</b> field:
 *
 * <pre>{@code
 * @RegisterExtension static final InfluxServer INFLUX = new InfluxServer();
 * }</pre>
 *
 * <p>The binary is {@code /usr/bin/influxd} unless the system property {@code gridpulse.influxd} or
 * the environment variable {@code INFLUXD} names another one. Running as root needs no special
 * user: influxd 1.6 runs fine as root over directories root owns.
 */
public final class InfluxServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    /** How long to wait for {@code GET /ping} to answer after starting the process. */
    public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int START_ATTEMPTS = 3;
    private static final String DEFAULT_BINARY = "/usr/bin/influxd";

    private Process process;
    private Path directory;
    private Path logFile;
    private String url;
    private InfluxDB client;
    private Thread shutdownHook;
    private final String adminUser;
    private final String adminPassword;

    /**
     * An unstarted server: call {@link #startServer()} or register it as a JUnit extension on a
     * static field.
     */
    public InfluxServer() {
        this(null, null);
    }

    /**
     * An unstarted server with authentication on and one admin user, created at start; this
     * object's own queries ({@link #query}, {@link #createDatabase}, {@link #connect}) run as that
     * admin.
     */
    public InfluxServer(String adminUser, String adminPassword) {
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** Starts a new server and returns it once {@code /ping} answers. The caller closes it. */
    public static InfluxServer start() {
        InfluxServer server = new InfluxServer();
        server.startServer();
        return server;
    }

    /**
     * Starts this server and waits until {@code /ping} answers. Idempotent. Retries with new ports
     * if another process took a chosen port in the meantime.
     */
    public synchronized InfluxServer startServer() {
        if (process != null) {
            return this;
        }
        Path binary = findBinary();
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                startOnce(binary);
                return this;
            } catch (IllegalStateException e) {
                failure = e;
                String message = String.valueOf(e.getMessage());
                stop();
                if (!message.contains("address already in use")) {
                    break;
                }
            }
        }
        throw failure;
    }

    private void startOnce(Path binary) {
        try {
            directory =
                    Files.createTempDirectory(
                            Path.of(System.getProperty("java.io.tmpdir")), "influxd-");
            int httpPort = Ports.freeLoopbackPort();
            int rpcPort = Ports.freeLoopbackPort();
            while (rpcPort == httpPort) {
                rpcPort = Ports.freeLoopbackPort();
            }
            Path config = directory.resolve("influxdb.conf");
            Files.writeString(
                    config,
                    config(directory, httpPort, rpcPort, adminUser != null),
                    StandardCharsets.UTF_8);
            logFile = directory.resolve("influxd.log");
            process =
                    new ProcessBuilder(binary.toString(), "run", "-config", config.toString())
                            .directory(directory.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(logFile.toFile())
                            .start();
            // Not through this object's lock: a JVM exiting mid-call must still stop influxd.
            Process started = process;
            Path startedDirectory = directory;
            shutdownHook =
                    new Thread(() -> stopAndDelete(started, startedDirectory), "influxd-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            url = "http://127.0.0.1:" + httpPort;
            awaitPing();
            if (adminUser != null) {
                // With no user yet, InfluxDB 1.x lets anyone create the first admin.
                InfluxDB anonymous = InfluxDBFactory.connect(url);
                anonymous.query(
                        new Query(
                                "CREATE USER "
                                        + quoteIdentifier(adminUser)
                                        + " WITH PASSWORD '"
                                        + adminPassword.replace("'", "\\'")
                                        + "' WITH ALL PRIVILEGES"));
                anonymous.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not start " + binary + ": " + e.getMessage() + output(), e);
        }
    }

    /**
     * Kills influxd with SIGKILL, as a crash would, keeping its ports and data for {@link
     * #restart()}.
     */
    public synchronized void kill() throws InterruptedException {
        if (process == null) {
            throw new IllegalStateException("influxd is not started");
        }
        process.destroyForcibly();
        process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts influxd again after {@link #kill()}, on the same ports with the same data, once {@code
     * /ping} answers.
     */
    public synchronized void restart() {
        if (directory == null || process == null || process.isAlive()) {
            throw new IllegalStateException("restart() follows kill()");
        }
        Thread hook = shutdownHook;
        if (hook != null) {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        try {
            process =
                    new ProcessBuilder(
                                    findBinary().toString(),
                                    "run",
                                    "-config",
                                    directory.resolve("influxdb.conf").toString())
                            .directory(directory.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                            .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not restart influxd: " + e.getMessage(), e);
        }
        Process started = process;
        Path startedDirectory = directory;
        shutdownHook =
                new Thread(() -> stopAndDelete(started, startedDirectory), "influxd-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        awaitPing();
    }

    private static String config(Path dir, int httpPort, int rpcPort, boolean authentication) {
        return String.join(
                "\n",
                "# Generated by io.gridpulse.testkit.InfluxServer",
                "reporting-disabled = true",
                "bind-address = \"127.0.0.1:" + rpcPort + "\"",
                "",
                "[meta]",
                "  dir = \"" + dir.resolve("meta") + "\"",
                "  logging-enabled = false",
                "",
                "[data]",
                "  dir = \"" + dir.resolve("data") + "\"",
                "  wal-dir = \"" + dir.resolve("wal") + "\"",
                "  query-log-enabled = false",
                "  # One series per meter and window: lift the 1M-series and 100k-values-per-tag defaults.",
                "  index-version = \"tsi1\"",
                "  max-series-per-database = 0",
                "  max-values-per-tag = 0",
                "",
                "[monitor]",
                "  store-enabled = false",
                "",
                "[http]",
                "  bind-address = \"127.0.0.1:" + httpPort + "\"",
                "  log-enabled = false",
                "  auth-enabled = " + authentication,
                "",
                "[continuous_queries]",
                "  log-enabled = false",
                "",
                "[logging]",
                "  level = \"warn\"",
                "");
    }

    private void awaitPing() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ping =
                HttpRequest.newBuilder(URI.create(url + "/ping"))
                        .timeout(Duration.ofSeconds(2))
                        .GET()
                        .build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "influxd exited with code "
                                + process.exitValue()
                                + " before answering "
                                + url
                                + "/ping"
                                + output());
            }
            try {
                HttpResponse<Void> response =
                        http.send(ping, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for influxd", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "influxd did not answer "
                                + url
                                + "/ping within "
                                + STARTUP_TIMEOUT.toSeconds()
                                + " s"
                                + output());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for influxd", e);
            }
        }
    }

    private static Path findBinary() {
        String configured = System.getProperty("gridpulse.influxd", System.getenv("INFLUXD"));
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (Files.isExecutable(path)) {
                return path;
            }
            throw new IllegalStateException(
                    "influxd not found or not executable at "
                            + path
                            + " (set by -Dgridpulse.influxd or INFLUXD)");
        }
        Path standard = Path.of(DEFAULT_BINARY);
        if (Files.isExecutable(standard)) {
            return standard;
        }
        String pathVariable = System.getenv("PATH");
        if (pathVariable != null) {
            for (String entry : pathVariable.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(entry, "influxd");
                if (!entry.isEmpty() && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException(
                "influxd (InfluxDB 1.x) is not installed: run scripts/install-deps "
                        + "(it runs: apt-get install -y influxdb influxdb-client), "
                        + "or point -Dgridpulse.influxd / INFLUXD at the binary");
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        started();
        return url;
    }

    /** A new influxdb-java client for this server. The caller closes it. */
    public InfluxDB connect() {
        return adminUser == null
                ? InfluxDBFactory.connect(url())
                : InfluxDBFactory.connect(url(), adminUser, adminPassword);
    }

    /** Creates a database (a no-op if it exists). */
    public void createDatabase(String name) {
        execute(null, "CREATE DATABASE " + quoteIdentifier(name));
    }

    /**
     * Runs an InfluxQL query and returns every row of every series as a column-to-value map, in
     * order. Rows of a {@code GROUP BY} series also carry that series' tags as columns. As
     * influxdb-java returns them, numbers are {@link Double}s and times RFC3339 strings.
     */
    public List<Map<String, Object>> query(String database, String influxql) {
        QueryResult result = execute(database, influxql);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (result.getResults() == null) {
            return rows;
        }
        for (QueryResult.Result statement : result.getResults()) {
            if (statement.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series series : statement.getSeries()) {
                if (series.getValues() == null) {
                    continue;
                }
                List<String> columns = series.getColumns();
                for (List<Object> values : series.getValues()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        row.put(columns.get(i), values.get(i));
                    }
                    if (series.getTags() != null) {
                        series.getTags().forEach(row::putIfAbsent);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private synchronized QueryResult execute(String database, String influxql) {
        started();
        if (client == null) {
            client = connect();
        }
        QueryResult result =
                client.query(
                        database == null ? new Query(influxql) : new Query(influxql, database));
        String error = result.getError();
        if (error == null && result.getResults() != null) {
            for (QueryResult.Result statement : result.getResults()) {
                if (statement.getError() != null) {
                    error = statement.getError();
                    break;
                }
            }
        }
        if (error != null) {
            throw new IllegalStateException(
                    "InfluxQL failed: " + error + " (query: " + influxql + ")");
        }
        return result;
    }

    private static String quoteIdentifier(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Stops influxd (TERM, then KILL after 10 s) and deletes its directory. Safe to call more than
     * once.
     */
    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        stop();
    }

    private void stop() {
        Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down and the hook runs anyway
            }
        }
        stopProcessAndDeleteDirectory();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startServer();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private synchronized void stopProcessAndDeleteDirectory() {
        Process running = process;
        Path dir = directory;
        process = null;
        directory = null;
        url = null;
        logFile = null;
        stopAndDelete(running, dir);
    }

    private static void stopAndDelete(Process running, Path dir) {
        if (running != null && running.isAlive()) {
            running.destroy();
            try {
                if (!running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    running.destroyForcibly();
                    running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                running.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (dir != null) {
            try {
                Directories.deleteRecursively(dir);
            } catch (IOException | UncheckedIOException e) {
                // a leftover under java.io.tmpdir is harmless
            }
        }
    }

    private void started() {
        if (process == null) {
            throw new IllegalStateException(
                    "influxd is not running: use InfluxServer.start(), or register it with "
                            + "@RegisterExtension on a static field");
        }
    }

    private String output() {
        if (logFile == null || !Files.exists(logFile)) {
            return "";
        }
        try {
            String text = Files.readString(logFile, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? " (no output)" : "\n--- influxd output ---\n" + text;
        } catch (IOException e) {
            return " (output unreadable: " + e.getMessage() + ")";
        }
    }
}
