package io.gridpulse.monitor.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.testkit.EmbeddedKafka;
import io.gridpulse.testkit.InfluxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TaskManager lost on a real multi-process cluster: the project's scripts start a JobManager and
 * two TaskManagers (each its own JVM) and submit the monitor job; one TaskManager is killed with
 * SIGKILL mid-run. Flink restores the job from its latest checkpoint on what is left, and InfluxDB
 * and the anomaly topic end up exactly as after a run without the fault.
 */
class TaskManagerKilledITCase {

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
    @RegisterExtension static final InfluxServer INFLUX = new InfluxServer();

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

    @TempDir static Path work;

    private static FaultScenario scenario;
    private static ProjectCluster cluster;
    private static long restores;

    @BeforeAll
    static void runWithAndWithoutAFailedTaskManager() throws Exception {
        scenario = new FaultScenario(KAFKA::bootstrapServers, INFLUX, work.resolve("checkpoints"));
        scenario.produceReadings();
        MonitorProcess reference =
                new MonitorProcess(scenario.jobOptions("reference"), work.resolve("reference.log"))
                        .start();
        assertThat(reference.await(RUN_TIMEOUT)).as(reference.output()).isZero();

        Path runDir = Files.createDirectories(work.resolve("run"));
        cluster = new ProjectCluster(runDir).start(2, 2);
        String job = cluster.submit(scenario.jobOptions("cluster"));
        scenario.awaitFirstPoints("cluster", () -> isRunning(job), RUN_TIMEOUT);
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        // The fault must cut the run after a completed checkpoint, or there is nothing to restore
        // from.
        while (cluster.completedCheckpoints(job) == 0) {
            assertThat(cluster.jobState(job))
                    .as("the job running until its first checkpoint")
                    .isEqualTo("RUNNING");
            assertThat(Instant.now()).as("a completed checkpoint").isBefore(deadline);
            Thread.sleep(100);
        }
        cluster.killTaskManager(cluster.busyTaskManager());
        while (!cluster.jobState(job).equals("FINISHED")) {
            assertThat(cluster.jobState(job))
                    .isIn("RUNNING", "RESTARTING", "CREATED", "INITIALIZING");
            assertThat(Instant.now())
                    .as("the job finishing after the TaskManager was lost")
                    .isBefore(deadline);
            Thread.sleep(500);
        }
        restores =
                cluster.rest("/jobs/" + job + "/checkpoints")
                        .path("counts")
                        .path("restored")
                        .asLong();
    }

    private static boolean isRunning(String job) {
        try {
            return cluster.jobState(job).equals("RUNNING");
        } catch (Exception e) {
            throw new IllegalStateException("Flink's REST API does not answer", e);
        }
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldHaveRestoredTheJobFromACheckpoint() {
        assertThat(restores).as("restores from a checkpoint").isPositive();
    }

    @Test
    void shouldWriteExactlyThePointsOfARunWithoutTheFault() {
        for (String measurement : FaultScenario.MEASUREMENTS) {
            assertThat(scenario.points("cluster", measurement))
                    .as(measurement)
                    .isNotEmpty()
                    .containsExactlyElementsOf(scenario.points("reference", measurement));
        }
    }

    @Test
    void shouldSendEveryAnomalyEventOfARunWithoutTheFault() throws Exception {
        assertThat(scenario.anomalyEvents("cluster"))
                .hasSizeGreaterThan(4)
                .containsExactlyElementsOf(scenario.anomalyEvents("reference"));
    }
}
