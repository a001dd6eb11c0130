package io.gridpulse.dashboard.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pipeline health from the REST API of a real Flink MiniCluster, running a job whose operators
 * carry the anomaly stage's names and register its counters as jobs/core does, with two subtasks
 * each: the counters are found under the ids Flink gives them and summed over the subtasks. (The
 * real monitor job's figures are checked by the dashboard's browser test.)
 */
class FlinkHealthITCase {

    private static final long METERS = 10;
    private static final long WARM = 4;
    private static final long CROWDS = 3;

    private static JobClient job;
    private static FlinkHealth health;

    @BeforeAll
    static void start() throws Exception {
        int restPort = freeLoopbackPort();
        Configuration cluster = new Configuration();
        cluster.set(RestOptions.ADDRESS, "127.0.0.1");
        cluster.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        cluster.set(RestOptions.BIND_PORT, String.valueOf(restPort));
        // The REST API fetches the task managers' metrics every 10 s by default.
        cluster.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofMillis(200));
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(cluster);
        env.setParallelism(2);
        // Runs until cancelled: FlinkHealth reads the vertices of running jobs only.
        env.fromSource(
                        new DataGeneratorSource<>(
                                index -> index,
                                Long.MAX_VALUE,
                                RateLimiterStrategy.perSecond(20),
                                Types.LONG),
                        WatermarkStrategy.noWatermarks(),
                        "Source: meter readings")
                .keyBy(index -> index % METERS, Types.LONG)
                .process(new MeterAnomalies())
                .name("meter anomalies")
                .keyBy(index -> index % 2, Types.LONG)
                .process(new DistrictCrowds())
                .name("district crowds")
                .sinkTo(new DiscardingSink<>());
        job = env.executeAsync("GridPulse monitor (health test)");
        health = new FlinkHealth(URI.create("http://127.0.0.1:" + restPort), Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        if (job != null) {
            job.cancel().get();
        }
    }

    @Test
    void shouldCountTheMetersStillLearningAndTheCrowdsSuppressed() throws Exception {
        FlinkHealth.Job running = awaitCounters();

        assertThat(running.state()).isEqualTo("RUNNING");
        assertThat(running.metersSeen()).isEqualTo(METERS);
        assertThat(running.metersWarm()).isEqualTo(WARM);
        assertThat(running.metersLearning()).isEqualTo(METERS - WARM);
        assertThat(running.crowdSuppressed()).isEqualTo(CROWDS);
    }

    /** Once every meter has been seen and Flink's REST API has fetched the counters. */
    private static FlinkHealth.Job awaitCounters() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        FlinkHealth.Job last = null;
        while (Instant.now().isBefore(deadline)) {
            FlinkHealth.Response response = health.check();
            if (response.reachable() && !response.jobs().isEmpty()) {
                last = response.jobs().get(0);
                if (Long.valueOf(METERS).equals(last.metersSeen())
                        && Long.valueOf(CROWDS).equals(last.crowdSuppressed())) {
                    return last;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the counters never arrived; last seen: " + last);
    }

    /**
     * As jobs/core's AnomalyDetector: meets each meter (key) once, the first {@link #WARM} of them
     * warm at once.
     */
    private static final class MeterAnomalies extends ProcessFunction<Long, Long> {
        private transient Counter seen;
        private transient Counter warm;

        @Override
        public void open(org.apache.flink.api.common.functions.OpenContext context) {
            MetricGroup meters =
                    getRuntimeContext().getMetricGroup().addGroup("anomalies").addGroup("meters");
            seen = meters.counter("seen");
            warm = meters.counter("warm");
        }

        @Override
        public void processElement(Long index, Context ctx, Collector<Long> out) {
            if (index < METERS) {
                seen.inc();
                if (index < WARM) {
                    warm.inc();
                }
            }
            out.collect(index);
        }
    }

    /** As jobs/core's DistrictCrowds: drops the first {@link #CROWDS} records as a crowd. */
    private static final class DistrictCrowds extends ProcessFunction<Long, Long> {
        private transient Counter suppressed;

        @Override
        public void open(org.apache.flink.api.common.functions.OpenContext context) {
            suppressed =
                    getRuntimeContext()
                            .getMetricGroup()
                            .addGroup("anomalies")
                            .counter("crowd-suppressed");
        }

        @Override
        public void processElement(Long index, Context ctx, Collector<Long> out) {
            if (index < CROWDS) {
                suppressed.inc();
            } else {
                out.collect(index);
            }
        }
    }

    private static int freeLoopbackPort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
