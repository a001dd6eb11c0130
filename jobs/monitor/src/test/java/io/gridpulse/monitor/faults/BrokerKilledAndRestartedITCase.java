package io.gridpulse.monitor.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.testkit.InfluxServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka broker crashing under a running job: the broker (its own JVM, started by {@code
 * scripts/kafka-start}) is killed with SIGKILL mid-run and started again with the same script and
 * data 15 s later. The job's source and sinks reconnect, Flink restarts the job from its checkpoint
 * where a sink failed, and InfluxDB and the anomaly topic end up exactly as after a run without the
 * crash.
 */
class BrokerKilledAndRestartedITCase {

    @RegisterExtension static final InfluxServer INFLUX = new InfluxServer();

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    @TempDir static Path work;

    private static ProjectScripts scripts;
    private static FaultScenario scenario;
    private static long pointsBeforeKill;

    @BeforeAll
    static void runWithAndWithoutABrokerCrash() throws Exception {
        int port = ProjectScripts.freeLoopbackPort();
        scripts =
                new ProjectScripts(
                        work.resolve("run"),
                        Map.of(
                                "KAFKA_PORT",
                                String.valueOf(port),
                                "KAFKA_CONTROLLER_PORT",
                                String.valueOf(ProjectScripts.freeLoopbackPort())));
        scripts.run("start Kafka", "kafka-start");
        scenario =
                new FaultScenario(() -> "127.0.0.1:" + port, INFLUX, work.resolve("checkpoints"));
        scenario.produceReadings();
        MonitorProcess reference =
                new MonitorProcess(scenario.jobOptions("reference"), work.resolve("reference.log"))
                        .start();
        assertThat(reference.await(RUN_TIMEOUT)).as(reference.output()).isZero();

        MonitorProcess job =
                new MonitorProcess(scenario.jobOptions("broker"), work.resolve("broker.log"))
                        .start();
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        while (pointsBeforeKill == 0) {
            assertThat(job.alive())
                    .as("the job ended before the broker could be killed:\n" + job.output())
                    .isTrue();
            assertThat(Instant.now()).isBefore(deadline);
            pointsBeforeKill = scenario.meterPoints("broker");
            Thread.sleep(50);
        }
        scripts.kill("kafka");
        Thread.sleep(OUTAGE.toMillis());
        assertThat(job.alive()).as("the job waits for the broker:\n" + job.output()).isTrue();
        scripts.run("restart Kafka", "kafka-start");
        assertThat(job.await(RUN_TIMEOUT)).as(job.output()).isZero();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (scripts != null) {
            scripts.run("stop Kafka", "kafka-stop");
        }
    }

    @Test
    void shouldWriteExactlyThePointsOfARunWithoutTheCrash() {
        assertThat(pointsBeforeKill).as("points written before the kill").isPositive();
        for (String measurement : FaultScenario.MEASUREMENTS) {
            assertThat(scenario.points("broker", measurement))
                    .as(measurement)
                    .isNotEmpty()
                    .containsExactlyElementsOf(scenario.points("reference", measurement));
        }
    }

    @Test
    void shouldSendEveryAnomalyEventOfARunWithoutTheCrash() throws Exception {
        assertThat(scenario.anomalyEvents("broker"))
                .hasSizeGreaterThan(4)
                .containsExactlyElementsOf(scenario.anomalyEvents("reference"));
    }
}
