package io.gridpulse.core.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.gridpulse.core.metrics.RecordingMetricGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.metrics.SimpleCounter;
import org.influxdb.dto.Point;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writer's batching and retry rules against a fake InfluxDB HTTP endpoint that can be told to
 * fail. (The real server is exercised by the monitor's ITCase.)
 */
class InfluxSinkWriterTest {

    private HttpServer server;
    private final List<String> writtenBodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToServe = new AtomicInteger();
    private volatile int failureStatus = 503;
    private volatile String failureBody = "{\"error\":\"timeout\"}";
    private final InfluxWriteMetrics metrics =
            new InfluxWriteMetrics(
                    new SimpleCounter(),
                    new SimpleCounter(),
                    new SimpleCounter(),
                    new AtomicLong());

    @BeforeEach
    void startFakeInflux() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/query",
                exchange -> respond(exchange, 200, "{\"results\":[{\"statement_id\":0}]}"));
        server.createContext("/ping", exchange -> respond(exchange, 204, ""));
        server.createContext(
                "/write",
                exchange -> {
                    String body =
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8);
                    if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        respond(exchange, failureStatus, failureBody);
                    } else {
                        writtenBodies.add(body);
                        respond(exchange, 204, "");
                    }
                });
        server.start();
    }

    @AfterEach
    void stopFakeInflux() {
        server.stop(0);
    }

    @Test
    void shouldSendOnlyTheLastVersionOfAPointRewrittenWithinOneBatch() {
        Point open =
                Point.measurement("anomaly")
                        .time(1_000, TimeUnit.MILLISECONDS)
                        .tag("id", "SPIKE:m 1")
                        .addField("state", "OPEN")
                        .build();
        Point other =
                Point.measurement("anomaly")
                        .time(1_000, TimeUnit.MILLISECONDS)
                        .tag("id", "SPIKE:m 2")
                        .addField("state", "OPEN")
                        .build();
        Point resolved =
                Point.measurement("anomaly")
                        .time(1_000, TimeUnit.MILLISECONDS)
                        .tag("id", "SPIKE:m 1")
                        .addField("state", "RESOLVED")
                        .addField("note", "a b c")
                        .build();

        String batch = InfluxSinkWriter.lastOfEach(List.of(open, other, resolved));

        assertThat(batch.split("\n"))
                .containsExactly(
                        "anomaly,id=SPIKE:m\\ 1 note=\"a b c\",state=\"RESOLVED\" 1000",
                        "anomaly,id=SPIKE:m\\ 2 state=\"OPEN\" 1000");
    }

    @Test
    void shouldHoldPointsUntilABatchIsFullOrFlushed() throws Exception {
        try (InfluxSinkWriter<Integer> writer = writer(3)) {
            writer.write(1, null);
            writer.write(2, null);
            assertThat(writtenBodies).isEmpty();
            assertThat(metrics.backlog().get()).isEqualTo(2);

            writer.write(3, null); // a full batch goes out in the background
            writer.write(4, null);
            writer.flush(false); // as on a checkpoint: waits until everything is written
            assertThat(writtenBodies).hasSize(2);
            assertThat(metrics.backlog().get()).isZero();
            assertThat(writtenBodies.get(0).lines().filter(line -> !line.isBlank())).hasSize(3);
        }
        assertThat(writtenBodies.stream().flatMap(String::lines).filter(line -> !line.isBlank()))
                .hasSize(4);
        assertThat(metrics.points().getCount()).isEqualTo(4);
    }

    @Test
    void shouldWriteAPartBatchOnceTheFlushIntervalHasPassed() throws Exception {
        ManualClock clock = new ManualClock();
        InfluxSettings settings =
                InfluxSettings.of("http://127.0.0.1:" + server.getAddress().getPort(), "db")
                        .withBatchSize(5_000)
                        .withFlushInterval(Duration.ofSeconds(1));
        try (InfluxSinkWriter<Integer> writer =
                new InfluxSinkWriter<>(settings, InfluxSinkWriterTest::point, metrics, clock)) {
            writer.write(1, null);
            writer.write(2, null);
            clock.advanceTo(999);
            assertThat(writtenBodies).isEmpty();

            clock.advanceTo(1_000);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (writtenBodies.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(writtenBodies).as("written without a checkpoint or a full batch").hasSize(1);
            assertThat(writtenBodies.get(0).lines().filter(line -> !line.isBlank())).hasSize(2);
            assertThat(clock.dueAt).as("the next tick").isEqualTo(2_000);
        }
    }

    /** A processing-time clock the test moves by hand; timers fire as it passes them. */
    private static final class ManualClock
            implements org.apache.flink.api.common.operators.ProcessingTimeService {
        private long now;
        private long dueAt = -1;
        private ProcessingTimeCallback callback;

        @Override
        public long getCurrentProcessingTime() {
            return now;
        }

        @Override
        public java.util.concurrent.ScheduledFuture<?> registerTimer(
                long timestamp, ProcessingTimeCallback target) {
            dueAt = timestamp;
            callback = target;
            return null;
        }

        void advanceTo(long time) throws Exception {
            now = time;
            while (callback != null && dueAt <= now) {
                ProcessingTimeCallback due = callback;
                callback = null;
                due.onProcessingTime(dueAt);
            }
        }
    }

    @Test
    void shouldRetryWhileTheServerIsUnavailableAndLoseNothing() throws Exception {
        failuresToServe.set(3);
        try (InfluxSinkWriter<Integer> writer = writer(100)) {
            writer.write(7, null);
            writer.flush(true);
        }
        assertThat(writtenBodies).hasSize(1);
        assertThat(writtenBodies.get(0)).contains("value=7i");
        assertThat(metrics.retries().getCount()).isEqualTo(3);
    }

    @Test
    void shouldRetryWhileNothingListensAtAll() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);
        InfluxSettings settings =
                InfluxSettings.of("http://127.0.0.1:" + port, "db")
                        .withBackoff(Duration.ofMillis(50), Duration.ofMillis(100));
        Thread writing;
        try (InfluxSinkWriter<Integer> writer =
                new InfluxSinkWriter<>(settings, InfluxSinkWriterTest::point, metrics)) {
            writer.write(1, null);
            writing =
                    new Thread(
                            () -> {
                                try {
                                    writer.flush(true);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                } catch (IOException e) {
                                    throw new RuntimeException(e);
                                }
                            });
            writing.start();
            while (metrics.retries().getCount() < 2) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            assertThat(writing.isAlive())
                    .as("the writer blocks (back-pressure) instead of dropping")
                    .isTrue();
            assertThat(metrics.backlog().get())
                    .as("unacknowledged while InfluxDB is away")
                    .isEqualTo(1);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext(
                    "/query",
                    exchange -> respond(exchange, 200, "{\"results\":[{\"statement_id\":0}]}"));
            server.createContext(
                    "/write",
                    exchange -> {
                        writtenBodies.add(
                                new String(
                                        exchange.getRequestBody().readAllBytes(),
                                        StandardCharsets.UTF_8));
                        respond(exchange, 204, "");
                    });
            server.start();
            writing.join(10_000);
        }
        assertThat(writing.isAlive()).isFalse();
        assertThat(writtenBodies).hasSize(1);
        assertThat(metrics.backlog().get()).isZero();
    }

    @Test
    void shouldReportTheBacklogAsAGaugeBesideTheCounters() {
        RecordingMetricGroup group = new RecordingMetricGroup();
        InfluxWriteMetrics registered = InfluxWriteMetrics.register(group);
        registered.backlog().addAndGet(42);

        assertThat(group.value("influx.pointsBacklog")).isEqualTo(42L);
        assertThat(group.metrics())
                .containsOnlyKeys(
                        "influx.pointsWritten",
                        "influx.batchesWritten",
                        "influx.writeRetries",
                        "influx.pointsBacklog");
    }

    @Test
    void shouldFailInsteadOfRetryingForeverWhenTheServerRejectsThePoints() throws Exception {
        failuresToServe.set(1);
        failureStatus = 400;
        failureBody =
                "{\"error\":\"unable to parse 'test value=1i 1': invalid field format\"}"; // as
        // influxd says it
        try (InfluxSinkWriter<Integer> writer = writer(100)) {
            writer.write(1, null);
            assertThatThrownBy(() -> writer.flush(true))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("rejected");
        }
    }

    private InfluxSinkWriter<Integer> writer(int batchSize) {
        InfluxSettings settings =
                InfluxSettings.of("http://127.0.0.1:" + server.getAddress().getPort(), "db")
                        .withBatchSize(batchSize)
                        .withBackoff(Duration.ofMillis(10), Duration.ofMillis(40));
        return new InfluxSinkWriter<>(settings, InfluxSinkWriterTest::point, metrics);
    }

    private static Point point(Integer value) {
        return Point.measurement("test")
                .time(value, TimeUnit.SECONDS)
                .addField("value", value)
                .build();
    }

    private static void respond(
            com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
