package io.gridpulse.core.influx;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers points and writes full batches on a background thread, so the task keeps processing while
 * InfluxDB works, and whatever is buffered after {@code influx.flush-interval} (1 s) even if the
 * batch is not full, so a rare point (an anomaly, a district's quarter hour) is not held back. At
 * most {@link #MAX_IN_FLIGHT} batches are pending; beyond that the task waits, which back-pressures
 * the sources. {@link #flush} (every checkpoint, and end of input) waits until everything buffered
 * is written, so a completed checkpoint never leaves points behind.
 *
 * <p>A write that fails for a reason worth retrying (server unreachable, overloaded, 5xx) is
 * retried with exponential backoff for as long as it takes: nothing is dropped. A write the server
 * rejects as invalid fails the job, because retrying it can never succeed and dropping it would
 * lose data silently.
 */
final class InfluxSinkWriter<T> implements SinkWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxSinkWriter.class);
    static final int MAX_IN_FLIGHT = 2;

    private final InfluxSettings settings;
    private final PointMapper<T> mapper;
    private final InfluxWriteMetrics metrics;
    private final InfluxDB influx;
    private final ExecutorService io;
    private final Deque<Future<?>> inFlight = new ArrayDeque<>();
    private List<Point> buffer;
    private volatile boolean databaseReady;
    private final ProcessingTimeService timers;

    /** Without a time-based flush: full batches and checkpoints write. */
    InfluxSinkWriter(InfluxSettings settings, PointMapper<T> mapper, InfluxWriteMetrics metrics) {
        this(settings, mapper, metrics, null);
    }

    /**
     * With a flush every {@code influx.flush-interval} on {@code timers}' clock, when both are set.
     */
    InfluxSinkWriter(
            InfluxSettings settings,
            PointMapper<T> mapper,
            InfluxWriteMetrics metrics,
            ProcessingTimeService timers) {
        this.settings = settings;
        this.timers = timers;
        this.mapper = mapper;
        this.metrics = metrics;
        this.buffer = new ArrayList<>(settings.batchSize());
        long timeoutMs = settings.requestTimeout().toMillis();
        OkHttpClient.Builder http =
                new OkHttpClient.Builder()
                        .connectTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                        .readTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                        .writeTimeout(timeoutMs, TimeUnit.MILLISECONDS);
        this.influx =
                settings.username().isEmpty()
                        ? InfluxDBFactory.connect(settings.url(), http)
                        : InfluxDBFactory.connect(
                                settings.url(), settings.username(), settings.password(), http);
        this.io =
                Executors.newSingleThreadExecutor(
                        runnable -> {
                            Thread thread =
                                    new Thread(
                                            runnable,
                                            "influx-writer "
                                                    + settings.url()
                                                    + "/"
                                                    + settings.database());
                            thread.setDaemon(true);
                            return thread;
                        });
        if (timers != null && settings.flushInterval().toMillis() > 0) {
            scheduleFlush(timers.getCurrentProcessingTime());
        }
    }

    private void scheduleFlush(long now) {
        timers.registerTimer(now + settings.flushInterval().toMillis(), this::onFlushTimer);
    }

    /**
     * Runs in the task's thread, between records: writes what is buffered unless both in-flight
     * slots are busy (they end soon, and the next tick or batch takes it), so a tick never blocks.
     */
    private void onFlushTimer(long time) throws IOException, InterruptedException {
        while (!inFlight.isEmpty() && inFlight.peek().isDone()) {
            awaitOldest();
        }
        if (inFlight.size() < MAX_IN_FLIGHT) {
            submitBuffer();
        }
        scheduleFlush(time);
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        buffer.add(mapper.toPoint(element));
        metrics.backlog().incrementAndGet();
        if (buffer.size() >= settings.batchSize()) {
            submitBuffer();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        submitBuffer();
        while (!inFlight.isEmpty()) {
            awaitOldest();
        }
    }

    private void submitBuffer() throws IOException, InterruptedException {
        if (buffer.isEmpty()) {
            return;
        }
        while (inFlight.size() >= MAX_IN_FLIGHT) {
            awaitOldest();
        }
        List<Point> batch = buffer;
        buffer = new ArrayList<>(settings.batchSize());
        inFlight.add(
                io.submit(
                        () -> {
                            writeWithRetry(batch);
                            return null;
                        }));
    }

    private void awaitOldest() throws IOException, InterruptedException {
        try {
            inFlight.peek().get();
            inFlight.poll();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SuppressRestartsException fatal) {
                throw fatal;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(
                    "Writing to InfluxDB at " + settings.url() + " failed", e.getCause());
        }
    }

    private void writeWithRetry(List<Point> points) throws IOException, InterruptedException {
        String batch = lastOfEach(points);
        String what = "write " + points.size() + " points";
        Duration backoff = settings.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                ensureDatabase();
                influx.write(
                        settings.database(),
                        null,
                        InfluxDB.ConsistencyLevel.ONE,
                        TimeUnit.MILLISECONDS,
                        batch);
                if (attempt > 1) {
                    LOG.info(
                            "InfluxDB at {} is back: {} succeeded after {} attempts",
                            settings.url(),
                            what,
                            attempt);
                }
                metrics.points().inc(points.size());
                metrics.batches().inc();
                metrics.backlog().addAndGet(-points.size());
                return;
            } catch (InfluxDBException e) {
                if (refusesAccess(e)) {
                    // A wrong password or a missing permission does not heal by retrying or
                    // restarting: fail once, clearly.
                    throw new SuppressRestartsException(
                            new InfluxAccessException(
                                    "InfluxDB at "
                                            + settings.url()
                                            + " refused "
                                            + (settings.username().isEmpty()
                                                    ? "anonymous access"
                                                    : "user '" + settings.username() + "'")
                                            + " ("
                                            + e.getMessage()
                                            + "): check influx.username, the password and the user's WRITE"
                                            + " permission on database '"
                                            + settings.database()
                                            + "'"));
                }
                if (!e.isRetryWorth()) {
                    throw new IOException(
                            "InfluxDB at "
                                    + settings.url()
                                    + " rejected "
                                    + what
                                    + ": "
                                    + e.getMessage(),
                            e);
                }
                logRetry(what, attempt, backoff, e);
            } catch (RuntimeException e) {
                // Connection refused, timeouts and the like surface as InfluxDBIOException or other
                // runtime exceptions.
                logRetry(what, attempt, backoff, e);
            }
            metrics.retries().inc();
            Thread.sleep(backoff.toMillis());
            backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
        }
    }

    /**
     * Creates the database if the user may (an admin); a user with write permission only may not,
     * and needs none: the database exists (writing to it would not be allowed otherwise), and the
     * first write says so if it does not.
     */
    private void ensureDatabase() {
        if (!databaseReady) {
            try {
                // Idempotent in InfluxDB 1.x; the replacement for the deprecated createDatabase().
                influx.query(
                        new org.influxdb.dto.Query(
                                "CREATE DATABASE \"" + settings.database() + "\""));
            } catch (InfluxDBException e) {
                if (!String.valueOf(e.getMessage()).contains("requires admin privilege")) {
                    throw e;
                }
                LOG.info(
                        "InfluxDB user '{}' is not an admin: not creating database '{}', writing to it as it is",
                        settings.username(),
                        settings.database());
            }
            databaseReady = true;
        }
    }

    /**
     * Authentication failed, or the user lacks a permission (InfluxDB 1.x answers 401 or 403 with
     * these).
     */
    static boolean refusesAccess(InfluxDBException e) {
        String message = String.valueOf(e.getMessage());
        return e instanceof InfluxDBException.AuthorizationFailedException
                || message.contains("authorization failed")
                || message.contains("not authorized")
                || message.contains("error authorizing");
    }

    /**
     * The batch in line protocol with one line per point identity (measurement, tags, time), the
     * last one written: a point rewritten within one batch (an anomaly opened and resolved, a
     * quarter hour updated by a gap filled just after it) must end as its latest version, and
     * InfluxDB does not promise which of two equal points in one request wins.
     */
    static String lastOfEach(List<Point> points) {
        Map<String, String> lines = new LinkedHashMap<>(points.size() * 2);
        for (Point point : points) {
            String line = point.lineProtocol(TimeUnit.MILLISECONDS);
            lines.put(identity(line), line);
        }
        return String.join("\n", lines.values());
    }

    /**
     * Series (up to the first unescaped space) and timestamp (after the last space) of a
     * line-protocol line.
     */
    static String identity(String line) {
        int seriesEnd = 0;
        while (seriesEnd < line.length() && line.charAt(seriesEnd) != ' ') {
            seriesEnd += line.charAt(seriesEnd) == '\\' ? 2 : 1;
        }
        return line.substring(0, Math.min(seriesEnd, line.length()))
                + line.substring(line.lastIndexOf(' '));
    }

    private void logRetry(String what, int attempt, Duration backoff, Exception e) {
        LOG.warn(
                "InfluxDB at {} unavailable ({}): {} failed on attempt {}, retrying in {} ms",
                settings.url(),
                e.getMessage(),
                what,
                attempt,
                backoff.toMillis());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() throws InterruptedException {
        io.shutdownNow();
        io.awaitTermination(10, TimeUnit.SECONDS);
        influx.close();
    }
}
