package io.gridpulse.monitor.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.simulator.SimulatorMain;
import io.gridpulse.testkit.InfluxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Kafka security end to end: a real broker ({@code scripts/kafka-start}, its own JVM) whose only
 * client listener for the job is SASL_PLAINTEXT with mechanism PLAIN. The simulator and the monitor
 * job reach it with the credentials of a Kafka client properties file; a wrong password fails the
 * job's start with one line and exit 1, and neither password appears in anything the job printed.
 */
class KafkaSaslITCase {

    @RegisterExtension static final InfluxServer INFLUX = new InfluxServer();

    private static final String READINGS = "sasl-readings";
    private static final int HOUSEHOLDS = 8;
    private static final int HOURS = 3;
    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    private static final String WRONG_PASSWORD = "wrong-" + UUID.randomUUID();
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    @TempDir static Path work;

    private static ProjectScripts scripts;
    private static String saslBootstrap;

    @BeforeAll
    static void startASecuredBroker() throws Exception {
        Path users = Files.writeString(work.resolve("users"), "gridpulse=" + PASSWORD + "\n");
        int saslPort = ProjectScripts.freeLoopbackPort();
        scripts =
                new ProjectScripts(
                        work.resolve("run"),
                        Map.of(
                                "KAFKA_PORT",
                                String.valueOf(ProjectScripts.freeLoopbackPort()),
                                "KAFKA_CONTROLLER_PORT",
                                String.valueOf(ProjectScripts.freeLoopbackPort()),
                                "KAFKA_SASL_PORT",
                                String.valueOf(saslPort),
                                "KAFKA_SASL_USERS_FILE",
                                users.toString()));
        scripts.run("start Kafka with SASL", "kafka-start");
        saslBootstrap = "127.0.0.1:" + saslPort;
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (scripts != null) {
            scripts.run("stop Kafka", "kafka-stop");
        }
    }

    @Test
    void shouldCarryReadingsThroughTheSecuredBrokerWithTheRightCredentials() throws Exception {
        Path client = clientProperties("client.properties", PASSWORD);
        int simulated =
                new CommandLine(new SimulatorMain())
                        .execute(
                                "--households",
                                String.valueOf(HOUSEHOLDS),
                                "--districts",
                                "1",
                                "--feeders",
                                "2",
                                "--duration",
                                "PT" + HOURS + "H",
                                "--interval",
                                "PT5M",
                                "--kafka-bootstrap",
                                saslBootstrap,
                                "--kafka-properties-file",
                                client.toString(),
                                "--create-topic",
                                "--topic",
                                READINGS);
        assertThat(simulated).as("the simulator's exit code").isZero();

        MonitorProcess job =
                new MonitorProcess(jobOptions("sasl", client), work.resolve("sasl.log")).start();

        assertThat(job.await(RUN_TIMEOUT)).as(job.output()).isZero();
        Number hours =
                (Number)
                        INFLUX.query(
                                        "sasl",
                                        "SELECT count(energy_kwh) FROM meter_energy WHERE \"window\" = '1h'")
                                .get(0)
                                .get("count");
        // Each meter's hours, and the hour before the start that its first reading's interval
        // reaches into.
        assertThat(hours.intValue()).isEqualTo(HOUSEHOLDS * (HOURS + 1));
        assertThat(job.output()).doesNotContain(PASSWORD);
    }

    @Test
    void shouldRefuseToStartWithOneClearLineWhenThePasswordIsWrong() throws Exception {
        Path client = clientProperties("wrong.properties", WRONG_PASSWORD);
        MonitorProcess job =
                new MonitorProcess(jobOptions("wrong", client), work.resolve("wrong.log")).start();

        assertThat(job.await(Duration.ofMinutes(1))).as(job.output()).isEqualTo(1);
        List<String> lines =
                job.output().lines().filter(line -> line.startsWith("monitor: ")).toList();
        assertThat(lines)
                .singleElement()
                .asString()
                .contains(
                        "Kafka at " + saslBootstrap + " refused the client (SASL_PLAINTEXT PLAIN)",
                        "Invalid username or" + " password",
                        "kafka.properties-file");
        assertThat(job.output()).doesNotContain(WRONG_PASSWORD);
    }

    @Test
    void shouldRefuseASecretOnTheCommandLine() throws Exception {
        List<String> options =
                new ArrayList<>(jobOptions("cli", clientProperties("cli.properties", PASSWORD)));
        options.addAll(List.of("--kafka.properties.sasl.jaas.config", "anything"));
        MonitorProcess job = new MonitorProcess(options, work.resolve("cli.log")).start();

        assertThat(job.await(Duration.ofMinutes(1))).as(job.output()).isEqualTo(2);
        assertThat(job.output())
                .contains("--kafka.properties.sasl.jaas.config on the command line");
    }

    private static Path clientProperties(String name, String password) throws Exception {
        return Files.writeString(
                work.resolve(name),
                String.join(
                        "\n",
                        "security.protocol=SASL_PLAINTEXT",
                        "sasl.mechanism=PLAIN",
                        "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
                                + " username=\"gridpulse\" password=\""
                                + password
                                + "\";",
                        ""));
    }

    private static List<String> jobOptions(String name, Path client) {
        INFLUX.createDatabase(name);
        return List.of(
                "--kafka.bootstrap-servers",
                saslBootstrap,
                "--kafka.properties-file",
                client.toString(),
                "--kafka.topic.readings",
                READINGS,
                "--kafka.group-id",
                name,
                "--kafka.bounded",
                "true",
                "--kafka.topic.dead-letters",
                name + "-dead-letters",
                "--kafka.topic.late",
                name + "-late",
                "--kafka.topic.anomalies",
                name + "-anomalies",
                "--influx.url",
                INFLUX.url(),
                "--influx.database",
                name,
                "--reading.interval",
                "5min",
                "--deployment.start",
                "fresh",
                "--execution.checkpointing.dir",
                work.resolve("checkpoints").toUri().toString());
    }
}
