package io.gridpulse.monitor.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.testkit.EmbeddedKafka;
import io.gridpulse.testkit.InfluxServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash as an operator meets it: the monitor job, in its own JVM with the shipped configuration,
 * is killed with SIGKILL in the middle of its input and started again with the same command. It
 * resumes from its deployment's latest checkpoint, so InfluxDB and the anomaly topic end up exactly
 * as after a run without the crash. A second start of a deployment that is running refuses to
 * start.
 */
class JobKilledAndRestartedITCase {

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
    @RegisterExtension static final InfluxServer INFLUX = new InfluxServer();

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

    @TempDir static Path work;

    private static FaultScenario scenario;
    private static String duplicateOutput;
    private static int duplicateExit;
    private static String restartOutput;
    private static long pointsBeforeKill;

    @BeforeAll
    static void runWithAndWithoutACrash() throws Exception {
        scenario = new FaultScenario(KAFKA::bootstrapServers, INFLUX, work.resolve("checkpoints"));
        scenario.produceReadings();

        MonitorProcess reference = job("reference").start();
        awaitLogLine(reference, "Deployment 'reference'");
        MonitorProcess duplicate = job("reference");
        duplicateExit = duplicate.start().await(RUN_TIMEOUT);
        duplicateOutput = duplicate.output();
        assertThat(reference.await(RUN_TIMEOUT)).as(reference.output()).isZero();

        MonitorProcess crashing = job("crashed").start();
        pointsBeforeKill = awaitPointsAndANewerCheckpoint(crashing, "crashed");
        crashing.kill();
        MonitorProcess restarted = job("crashed").start();
        assertThat(restarted.await(RUN_TIMEOUT)).as(restarted.output()).isZero();
        restartOutput = restarted.output();
    }

    @Test
    void shouldWriteExactlyThePointsOfARunWithoutTheCrash() {
        assertThat(pointsBeforeKill).as("points written before the kill").isPositive();
        for (String measurement : FaultScenario.MEASUREMENTS) {
            assertThat(scenario.points("crashed", measurement))
                    .as(measurement)
                    .isNotEmpty()
                    .containsExactlyElementsOf(scenario.points("reference", measurement));
        }
    }

    @Test
    void shouldSendEveryAnomalyEventOfARunWithoutTheCrash() throws IOException {
        Set<String> reference = scenario.anomalyEvents("reference");
        assertThat(reference).hasSizeGreaterThan(4);
        assertThat(scenario.anomalyEvents("crashed")).containsExactlyElementsOf(reference);
    }

    @Test
    void shouldSayItResumedFromTheLatestCheckpoint() {
        assertThat(restartOutput)
                .contains("Deployment 'crashed': resuming from the latest checkpoint");
    }

    @Test
    void shouldRefuseASecondInstanceOfARunningDeployment() {
        assertThat(duplicateExit).as(duplicateOutput).isEqualTo(1);
        assertThat(duplicateOutput).contains("deployment 'reference' is already running here");
    }

    private static MonitorProcess job(String name) {
        return new MonitorProcess(
                scenario.jobOptions(name), work.resolve(name + "-" + System.nanoTime() + ".log"));
    }

    private static void awaitLogLine(MonitorProcess job, String line) throws Exception {
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        while (!job.output().contains(line)) {
            assertThat(job.alive()).as(job.output()).isTrue();
            assertThat(Instant.now()).as("'" + line + "' in the job's log").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    /**
     * Waits until some points are in InfluxDB and a checkpoint completed after that, so the kill
     * cuts a run.
     */
    private static long awaitPointsAndANewerCheckpoint(MonitorProcess job, String name)
            throws Exception {
        long points = scenario.awaitFirstPoints(name, job::alive, RUN_TIMEOUT);
        long seen = Instant.now().toEpochMilli();
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        while (latestCheckpoint(name) < seen) {
            assertThat(job.alive())
                    .as("the job ended before it could be killed:\n" + job.output())
                    .isTrue();
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(20);
        }
        return points;
    }

    private static long latestCheckpoint(String deployment) throws IOException {
        Path checkpoints = work.resolve("checkpoints").resolve(deployment).resolve("checkpoints");
        if (!Files.isDirectory(checkpoints)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(checkpoints, 3)) {
            return files.filter(file -> file.getFileName().toString().equals("_metadata"))
                    .mapToLong(file -> file.toFile().lastModified())
                    .max()
                    .orElse(0);
        } catch (java.io.UncheckedIOException e) {
            // Flink renames or deletes a checkpoint's files while the walk reads them: none found
            // this time, the caller looks again.
            return 0;
        }
    }
}
