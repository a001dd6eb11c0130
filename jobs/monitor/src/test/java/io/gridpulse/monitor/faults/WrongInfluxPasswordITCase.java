package io.gridpulse.monitor.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.simulator.KafkaReadingSink;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.testkit.EmbeddedKafka;
import io.gridpulse.testkit.InfluxServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wrong InfluxDB password as an operator meets it: the monitor job started the ordinary way (its
 * own JVM, the shipped configuration, the password in {@code INFLUX_PASSWORD}) stops once with one
 * line and exit 1, under the shipped restart strategy that would otherwise retry for ever, and
 * nothing it printed carries the password.
 */
class WrongInfluxPasswordITCase {

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
    @RegisterExtension static final InfluxServer INFLUX = new InfluxServer("admin", "admin-secret");

    private static final String WRONG_PASSWORD = "wrong-" + UUID.randomUUID();

    @TempDir Path work;

    @Test
    void shouldStopOnceWithOneLineAndNoPassword() throws Exception {
        KAFKA.createTopic("meter-readings", 2);
        SimulationConfig config =
                SimulationConfig.defaults()
                        .withHouseholds(4)
                        .withDistricts(1)
                        .withFeeders(1)
                        .withDuration(Duration.ofHours(1))
                        .withInterval(Duration.ofMinutes(5));
        try (KafkaReadingSink sink =
                KafkaReadingSink.create(
                        KAFKA.bootstrapServers(), "meter-readings", "lz4", Map.of())) {
            new Simulation(config).run(sink);
        }
        INFLUX.createDatabase("wrong");
        MonitorProcess job =
                new MonitorProcess(
                                List.of(
                                        "--kafka.bootstrap-servers",
                                        KAFKA.bootstrapServers(),
                                        "--kafka.group-id",
                                        "wrong",
                                        "--kafka.bounded",
                                        "true",
                                        "--influx.url",
                                        INFLUX.url(),
                                        "--influx.database",
                                        "wrong",
                                        "--influx.username",
                                        "admin",
                                        "--deployment.start",
                                        "fresh",
                                        "--execution.checkpointing.dir",
                                        work.resolve("checkpoints").toUri().toString()),
                                work.resolve("job.log"))
                        .withEnvironment("INFLUX_PASSWORD", WRONG_PASSWORD)
                        .start();

        assertThat(job.await(Duration.ofMinutes(2))).as(job.output()).isEqualTo(1);
        assertThat(job.output().lines().filter(line -> line.startsWith("monitor: ")))
                .singleElement()
                .asString()
                .contains("refused user 'admin'");
        assertThat(job.output()).doesNotContain(WRONG_PASSWORD);
    }
}
