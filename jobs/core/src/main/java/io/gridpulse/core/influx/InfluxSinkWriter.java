package io.gridpulse.core.influx;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers points and writes them synchronously in batches. A write that fails for a reason worth retrying (server
 * unreachable, overloaded, 5xx) is retried with exponential backoff for as long as it takes: the task blocks, Flink
 * back-pressures the sources, and no point is dropped. A write the server rejects as invalid fails the job, because
 * retrying it can never succeed and dropping it would lose data silently.
 */
final class InfluxSinkWriter<T> implements SinkWriter<T> {

  private static final Logger LOG = LoggerFactory.getLogger(InfluxSinkWriter.class);

  private final InfluxSettings settings;
  private final PointMapper<T> mapper;
  private final InfluxWriteMetrics metrics;
  private final InfluxDB influx;
  private final List<Point> buffer;
  private boolean databaseReady;

  InfluxSinkWriter(InfluxSettings settings, PointMapper<T> mapper, InfluxWriteMetrics metrics) {
    this.settings = settings;
    this.mapper = mapper;
    this.metrics = metrics;
    this.buffer = new ArrayList<>(settings.batchSize());
    long timeoutMs = settings.requestTimeout().toMillis();
    OkHttpClient.Builder http = new OkHttpClient.Builder()
        .connectTimeout(timeoutMs, TimeUnit.MILLISECONDS)
        .readTimeout(timeoutMs, TimeUnit.MILLISECONDS)
        .writeTimeout(timeoutMs, TimeUnit.MILLISECONDS);
    this.influx = settings.username().isEmpty()
        ? InfluxDBFactory.connect(settings.url(), http)
        : InfluxDBFactory.connect(settings.url(), settings.username(), settings.password(), http);
  }

  @Override
  public void write(T element, Context context) throws IOException, InterruptedException {
    buffer.add(mapper.toPoint(element));
    if (buffer.size() >= settings.batchSize()) {
      writeBuffer();
    }
  }

  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    writeBuffer();
  }

  private void writeBuffer() throws IOException, InterruptedException {
    if (buffer.isEmpty()) {
      return;
    }
    BatchPoints batch = BatchPoints.database(settings.database())
        .precision(TimeUnit.MILLISECONDS)
        .points(buffer)
        .build();
    withRetry("write " + buffer.size() + " points", () -> {
      ensureDatabase();
      influx.write(batch);
    });
    metrics.points().inc(buffer.size());
    metrics.batches().inc();
    buffer.clear();
  }

  private void ensureDatabase() {
    if (!databaseReady) {
      // Idempotent in InfluxDB 1.x; the replacement for the deprecated createDatabase().
      influx.query(new org.influxdb.dto.Query("CREATE DATABASE \"" + settings.database() + "\""));
      databaseReady = true;
    }
  }

  private void withRetry(String what, Runnable action) throws IOException, InterruptedException {
    Duration backoff = settings.initialBackoff();
    for (int attempt = 1; ; attempt++) {
      try {
        action.run();
        if (attempt > 1) {
          LOG.info("InfluxDB at {} is back: {} succeeded after {} attempts", settings.url(), what, attempt);
        }
        return;
      } catch (InfluxDBException e) {
        if (!e.isRetryWorth()) {
          throw new IOException("InfluxDB at " + settings.url() + " rejected " + what + ": " + e.getMessage(), e);
        }
        logRetry(what, attempt, backoff, e);
      } catch (RuntimeException e) {
        // Connection refused, timeouts and the like surface as InfluxDBIOException or other runtime exceptions.
        logRetry(what, attempt, backoff, e);
      }
      metrics.retries().inc();
      Thread.sleep(backoff.toMillis());
      backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
    }
  }

  private void logRetry(String what, int attempt, Duration backoff, Exception e) {
    LOG.warn("InfluxDB at {} unavailable ({}): {} failed on attempt {}, retrying in {} ms",
        settings.url(), e.getMessage(), what, attempt, backoff.toMillis());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public void close() {
    influx.close();
  }
}
