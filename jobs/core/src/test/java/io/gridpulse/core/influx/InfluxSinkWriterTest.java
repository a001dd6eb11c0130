package io.gridpulse.core.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gridpulse.core.metrics.RecordingMetricGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.apache.flink.util.ExceptionUtils;
import org.influxdb.dto.Point;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writer's batching, flushing and retry rules against a fake InfluxDB HTTP endpoint that can be
 * told to fail, with the test's thread as the task's. (The real server is exercised by the
 * monitor's ITCases.)
 */
class InfluxSinkWriterTest {

    private HttpServer server;
    private final List<String> writtenBodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToServe = new AtomicInteger();
    private volatile int failureStatus = 503;
    private volatile String failureBody = "{\"error\":\"timeout\"}";
    private final TestWriterContext context = new TestWriterContext();
    private final InfluxWriteMetrics metrics =
            new InfluxWriteMetrics(
                    new SimpleCounter(),
                    new SimpleCounter(),
                    new SimpleCounter(),
                    new AtomicLong());

    @BeforeEach
    void startFakeInflux() throws IOException {
        server = fakeInflux(0);
    }

    /** Answers queries (CREATE DATABASE), and writes unless told to fail the next ones. */
    private HttpServer fakeInflux(int port) throws IOException {
        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        fake.createContext(
                "/query",
                exchange -> respond(exchange, 200, "{\"results\":[{\"statement_id\":0}]}"));
        fake.createContext("/ping", exchange -> respond(exchange, 204, ""));
        fake.createContext(
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
        fake.start();
        return fake;
    }

    @AfterEach
    void stopFakeInflux() {
        server.stop(0);
    }

    @Test
    void shouldHoldPointsUntilABatchIsFullOrFlushed() throws Exception {
        try (InfluxSinkWriter<Integer> writer = writer(settings().withBatchSize(3))) {
            writer.write(1, null);
            writer.write(2, null);
            assertThat(writtenBodies).isEmpty();
            assertThat(metrics.backlog().get()).isEqualTo(2);

            writer.write(3, null); // a full batch goes out in the background
            writer.write(4, null);
            writer.flush(false); // as on a checkpoint: waits until everything is written
            assertThat(writtenBodies).hasSize(2);
            assertThat(metrics.backlog().get()).isZero();
            assertThat(lines(writtenBodies.get(0))).hasSize(3);
            assertThat(writer.snapshotState(1))
                    .as("nothing left to keep in the checkpoint")
                    .allSatisfy(state -> assertThat(state.getBufferedRequestEntries()).isEmpty());
        }
        assertThat(writtenBodies.stream().flatMap(InfluxSinkWriterTest::lines)).hasSize(4);
        assertThat(metrics.points().getCount()).isEqualTo(4);
        assertThat(metrics.batches().getCount()).isEqualTo(2);
        assertThat(context.numRecordsOut()).as("Flink's own sink metric").isEqualTo(4);
    }

    @Test
    void shouldWriteAPartBatchOnceTheFlushIntervalHasPassed() throws Exception {
        InfluxSettings settings =
                settings().withBatchSize(5_000).withFlushInterval(Duration.ofSeconds(1));
        try (InfluxSinkWriter<Integer> writer = writer(settings)) {
            writer.write(1, null);
            writer.write(2, null);
            context.time.setCurrentTime(999);
            assertThat(writtenBodies).isEmpty();

            context.time.setCurrentTime(1_000);
            awaitBodies(1);
            assertThat(writtenBodies).as("written without a checkpoint or a full batch").hasSize(1);
            assertThat(lines(writtenBodies.get(0))).hasSize(2);

            context.time.setCurrentTime(1_500);
            writer.write(3, null); // waits at most the interval from here
            context.time.setCurrentTime(2_499);
            assertThat(writtenBodies).hasSize(1);
            context.time.setCurrentTime(2_500);
            awaitBodies(2);
            assertThat(writtenBodies.get(1)).contains("value=3i");
        }
    }

    @Test
    void shouldRetryWhileTheServerIsUnavailableAndLoseNothing() throws Exception {
        failuresToServe.set(3);
        try (InfluxSinkWriter<Integer> writer = writer(settings())) {
            writer.write(7, null);
            writer.flush(true);
        }
        assertThat(writtenBodies).hasSize(1);
        assertThat(writtenBodies.get(0)).contains("value=7i");
        assertThat(metrics.retries().getCount()).isEqualTo(3);
        assertThat(metrics.backlog().get()).isZero();
    }

    @Test
    void shouldWriteBatchesInTheirOrderWhileAnEarlierOneIsRetried() throws Exception {
        failuresToServe.set(2);
        try (InfluxSinkWriter<Integer> writer =
                new InfluxSinkWriter<>(
                        new PointLines<>(InfluxSinkWriterTest::version),
                        context,
                        settings().withBatchSize(1),
                        metrics,
                        List.of())) {
            writer.write(1, null); // first batch, refused twice
            writer.write(2, null); // second batch, the same point's newer version
            writer.flush(true);
        }
        assertThat(writtenBodies)
                .as("the newer version last, so it is the one InfluxDB keeps")
                .containsExactly("v version=1i 0", "v version=2i 0");
    }

    @Test
    void shouldWriteOnlyTheLastVersionOfAPointRewrittenBeforeItWasWritten() throws Exception {
        try (InfluxSinkWriter<Integer> writer =
                new InfluxSinkWriter<>(
                        new PointLines<>(InfluxSinkWriterTest::version),
                        context,
                        settings(),
                        metrics,
                        List.of())) {
            writer.write(1, null);
            writer.write(2, null);
            writer.flush(false);
        }
        assertThat(writtenBodies).containsExactly("v version=2i 0");
        assertThat(metrics.points().getCount()).as("points the sink was given").isEqualTo(2);
    }

    @Test
    void shouldRetryWhileNothingListensAtAll() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);
        AtomicBoolean restarted = new AtomicBoolean();
        AtomicLong backlogWhileAway = new AtomicLong(-1);
        Thread operator =
                new Thread(
                        () -> {
                            try {
                                while (metrics.retries().getCount() < 2) {
                                    TimeUnit.MILLISECONDS.sleep(20);
                                }
                                backlogWhileAway.set(metrics.backlog().get());
                                restarted.set(true);
                                server = fakeInflux(port);
                            } catch (Exception e) {
                                throw new RuntimeException(e);
                            }
                        });
        try (InfluxSinkWriter<Integer> writer =
                writer(settings().withBackoff(Duration.ofMillis(50), Duration.ofMillis(100)))) {
            writer.write(1, null);
            operator.start();
            writer.flush(true);
            assertThat(restarted)
                    .as("the writer waits (back-pressure) instead of dropping")
                    .isTrue();
        }
        operator.join(10_000);
        assertThat(backlogWhileAway.get()).as("unacknowledged while InfluxDB is away").isEqualTo(1);
        assertThat(writtenBodies).hasSize(1);
        assertThat(metrics.backlog().get()).isZero();
    }

    @Test
    void shouldWriteWhatARestoredCheckpointHeld() throws Exception {
        BufferedRequestState<String> restored =
                new BufferedRequestState<>(
                        List.of(
                                new RequestEntryWrapper<>("test value=5i 5000", 18),
                                new RequestEntryWrapper<>("test value=6i 6000", 18)));
        try (InfluxSinkWriter<Integer> writer =
                new InfluxSinkWriter<>(
                        new PointLines<>(InfluxSinkWriterTest::point),
                        context,
                        settings(),
                        metrics,
                        List.of(restored))) {
            assertThat(metrics.backlog().get()).isEqualTo(2);
            writer.write(7, null);
            writer.flush(false);
        }
        assertThat(writtenBodies)
                .containsExactly("test value=5i 5000\ntest value=6i 6000\ntest value=7i 7000");
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
        // as influxd says it
        failureBody = "{\"error\":\"unable to parse 'test value=1i 1': invalid field format\"}";
        Throwable failure;
        try (InfluxSinkWriter<Integer> writer = writer(settings())) {
            writer.write(1, null);
            failure = catchThrowable(() -> writer.flush(true));
        }
        assertThat(ExceptionUtils.findThrowable(failure, IOException.class))
                .hasValueSatisfying(
                        rejected -> assertThat(rejected).hasMessageContaining("rejected"));
        assertThat(ExceptionUtils.findThrowable(failure, SuppressRestartsException.class))
                .as("a restart may find the points fixed (a newer job version)")
                .isEmpty();
        assertThat(metrics.retries().getCount()).isZero();
    }

    @Test
    void shouldStopWithoutRestartsWhenInfluxRefusesTheCredentials() throws Exception {
        failuresToServe.set(1);
        failureStatus = 401;
        failureBody = "{\"error\":\"authorization failed\"}";
        Throwable failure;
        try (InfluxSinkWriter<Integer> writer = writer(settings())) {
            writer.write(1, null);
            failure = catchThrowable(() -> writer.flush(true));
        }
        assertThat(ExceptionUtils.findThrowable(failure, SuppressRestartsException.class))
                .isPresent();
        assertThat(ExceptionUtils.findThrowable(failure, InfluxAccessException.class))
                .hasValueSatisfying(
                        refused ->
                                assertThat(refused)
                                        .hasMessageContaining("anonymous access")
                                        .hasMessageContaining("database 'db'"));
    }

    private InfluxSettings settings() {
        return InfluxSettings.of("http://127.0.0.1:" + server.getAddress().getPort(), "db")
                .withBatchSize(100)
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(40));
    }

    private InfluxSinkWriter<Integer> writer(InfluxSettings settings) {
        return new InfluxSinkWriter<>(
                new PointLines<>(InfluxSinkWriterTest::point),
                context,
                settings,
                metrics,
                List.of());
    }

    private void awaitBodies(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writtenBodies.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static Point point(Integer value) {
        return Point.measurement("test")
                .time(value, TimeUnit.SECONDS)
                .addField("value", value)
                .build();
    }

    /** The same point (series and time) each time, in another version. */
    private static Point version(Integer value) {
        return Point.measurement("v").time(0, TimeUnit.SECONDS).addField("version", value).build();
    }

    private static Stream<String> lines(String body) {
        return body.lines().filter(line -> !line.isBlank());
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
