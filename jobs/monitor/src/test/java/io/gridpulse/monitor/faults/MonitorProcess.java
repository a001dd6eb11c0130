package io.gridpulse.monitor.faults;

import io.gridpulse.monitor.MonitorJob;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The monitor job as an operator runs it: {@code MonitorJob.main} in a JVM of its own, with the
 * shipped {@code flink-conf/}, so it can be killed with SIGKILL and started again with exactly the
 * same command.
 */
final class MonitorProcess {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent().getParent();
    private static final Path FLINK_CONF = REPO.resolve("flink-conf");

    private final List<String> command;
    private final Map<String, String> environment = new HashMap<>();
    private final Path log;
    private Process process;

    /**
     * @param options the job's {@code --key value} options
     */
    MonitorProcess(List<String> options, Path log) {
        this.log = log;
        String javaHome = System.getProperty("java.home");
        String classpath =
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"));
        command =
                new ArrayList<>(
                        List.of(
                                javaHome + File.separator + "bin" + File.separator + "java",
                                "-Xmx1g",
                                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.gridpulse.schema",
                                "-Dlog4j2.configurationFile="
                                        + FLINK_CONF.resolve("log4j-console.properties"),
                                "-Djava.io.tmpdir=" + log.getParent(),
                                "-cp",
                                classpath,
                                MonitorJob.class.getName(),
                                "--rest.address",
                                "127.0.0.1",
                                "--rest.bind-address",
                                "127.0.0.1",
                                "--rest.bind-port",
                                "0",
                                "--jobmanager.bind-host",
                                "127.0.0.1",
                                "--taskmanager.bind-host",
                                "127.0.0.1",
                                "--taskmanager.host",
                                "127.0.0.1"));
        command.addAll(options);
    }

    /** An environment variable of the process, e.g. {@code INFLUX_PASSWORD}. */
    MonitorProcess withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    MonitorProcess start() throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("FLINK_CONF_DIR", FLINK_CONF.toString());
        builder.environment().putAll(environment);
        process = builder.start();
        return this;
    }

    /** SIGKILL: no shutdown hook, no final checkpoint, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(1, TimeUnit.MINUTES);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the process to end and returns its exit code. */
    int await(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(
                    "the monitor job did not end within " + timeout + "; its log:\n" + output());
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
