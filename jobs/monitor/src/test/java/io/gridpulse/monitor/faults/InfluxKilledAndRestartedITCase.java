package io.gridpulse.monitor.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.testkit.EmbeddedKafka;
import io.gridpulse.testkit.InfluxServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * InfluxDB crashing under a running job: influxd is killed with SIGKILL mid-run and started again
 * 20 s later on the same port and data. The job retries its writes and holds its checkpoints
 * meanwhile, loses nothing, and InfluxDB and the anomaly topic end up exactly as after a run
 * without the outage.
 */
class InfluxKilledAndRestartedITCase {

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
    @RegisterExtension static final InfluxServer INFLUX = new InfluxServer();

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    @TempDir static Path work;

    private static FaultScenario scenario;
    private static long pointsBeforeKill;

    @BeforeAll
    static void runWithAndWithoutAnOutage() throws Exception {
        scenario = new FaultScenario(KAFKA::bootstrapServers, INFLUX, work.resolve("checkpoints"));
        scenario.produceReadings();
        MonitorProcess reference =
                new MonitorProcess(scenario.jobOptions("reference"), work.resolve("reference.log"))
                        .start();
        assertThat(reference.await(RUN_TIMEOUT)).as(reference.output()).isZero();

        MonitorProcess job =
                new MonitorProcess(scenario.jobOptions("outage"), work.resolve("outage.log"))
                        .start();
        pointsBeforeKill = scenario.awaitFirstPoints("outage", job::alive, RUN_TIMEOUT);
        INFLUX.kill();
        Thread.sleep(OUTAGE.toMillis());
        assertThat(job.alive()).as("the job waits for InfluxDB:\n" + job.output()).isTrue();
        INFLUX.restart();
        assertThat(job.await(RUN_TIMEOUT)).as(job.output()).isZero();
    }

    @Test
    void shouldWriteExactlyThePointsOfARunWithoutTheOutage() {
        assertThat(pointsBeforeKill).as("points written before the kill").isPositive();
        for (String measurement : FaultScenario.MEASUREMENTS) {
            assertThat(scenario.points("outage", measurement))
                    .as(measurement)
                    .isNotEmpty()
                    .containsExactlyElementsOf(scenario.points("reference", measurement));
        }
    }

    @Test
    void shouldSendEveryAnomalyEventOfARunWithoutTheOutage() throws Exception {
        assertThat(scenario.anomalyEvents("outage"))
                .hasSizeGreaterThan(4)
                .containsExactlyElementsOf(scenario.anomalyEvents("reference"));
    }
}
