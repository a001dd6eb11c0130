package io.gridpulse.core.influx;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one batch of lines to InfluxDB and returns once InfluxDB has it.
 *
 * <p>A write that fails for a reason worth retrying (server unreachable, overloaded, 5xx) is
 * retried with exponential backoff for as long as it takes: nothing is dropped. A write the server
 * rejects as invalid fails the job, because retrying it can never succeed and dropping it would
 * lose data silently. Credentials or permissions InfluxDB refuses stop the job without restarts.
 */
final class InfluxBatchWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxBatchWriter.class);

    private final InfluxSettings settings;
    private final InfluxWriteMetrics metrics;
    private final InfluxDB influx;
    private boolean databaseReady;

    InfluxBatchWriter(InfluxSettings settings, InfluxWriteMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
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
    }

    /**
     * Blocks until the batch is written; call it from one thread at a time. Throws {@link
     * SuppressRestartsException} if InfluxDB refuses access, an {@link IOException} if it rejects
     * the points.
     */
    void write(List<String> lines) throws IOException, InterruptedException {
        String body = LastOfEach.body(lines);
        String what = "write " + lines.size() + " points";
        Duration backoff = settings.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                ensureDatabase();
                influx.write(
                        settings.database(),
                        null,
                        InfluxDB.ConsistencyLevel.ONE,
                        PointLines.PRECISION,
                        body);
                if (attempt > 1) {
                    LOG.info(
                            "InfluxDB at {} is back: {} succeeded after {} attempts",
                            settings.url(),
                            what,
                            attempt);
                }
                metrics.points().inc(lines.size());
                metrics.batches().inc();
                metrics.backlog().addAndGet(-lines.size());
                return;
            } catch (InfluxDBException e) {
                if (refusesAccess(e)) {
                    // A wrong password or a missing permission does not heal by retrying or
                    // restarting: fail once, clearly.
                    throw accessRefused(e);
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
                influx.query(new Query("CREATE DATABASE \"" + settings.database() + "\""));
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

    private SuppressRestartsException accessRefused(InfluxDBException e) {
        return new SuppressRestartsException(
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
    public void close() {
        influx.close();
    }
}
