package io.gridpulse.monitor.faults;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the project's scripts as an operator does, with their state ({@code .run/}) moved into a
 * directory of the test's ({@code GRIDPULSE_RUN_DIR}) so a test never touches the services of a
 * developer's checkout.
 */
final class ProjectScripts {

    private static final Path SCRIPTS =
            Path.of("").toAbsolutePath().getParent().getParent().resolve("scripts");

    private final Path runDir;
    private final Map<String, String> environment;

    ProjectScripts(Path runDir, Map<String, String> environment) {
        this.runDir = runDir;
        this.environment = environment;
    }

    /** Runs {@code scripts/<command...>} and returns its output; fails the test if it fails. */
    String run(String what, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(SCRIPTS.resolve(command[0]).toString()));
        line.addAll(List.of(command).subList(1, command.length));
        Files.createDirectories(runDir);
        Path log = Files.createTempFile(runDir, command[0], ".log");
        ProcessBuilder builder =
                new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
        // scripts/test exports the addresses of the developer's own services
        // (KAFKA_BOOTSTRAP=127.0.0.1:9092, ...):
        // a script started from a test must derive them from the test's ports alone.
        builder.environment()
                .keySet()
                .removeIf(
                        name ->
                                name.startsWith("KAFKA_")
                                        || name.startsWith("INFLUX_")
                                        || name.startsWith("FLINK_"));
        builder.environment().put("GRIDPULSE_RUN_DIR", runDir.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(
                    "could not " + what + " within 5 minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        if (process.exitValue() != 0) {
            throw new AssertionError(
                    "could not " + what + " (exit " + process.exitValue() + "):\n" + output);
        }
        return output;
    }

    /** SIGKILL to the service recorded in {@code pids/<name>.pid}. */
    void kill(String name) throws Exception {
        long pid = Long.parseLong(Files.readString(runDir.resolve("pids/" + name + ".pid")).trim());
        ProcessHandle process =
                ProcessHandle.of(pid)
                        .orElseThrow(() -> new AssertionError(name + " is not running"));
        process.destroyForcibly();
        process.onExit().get(1, TimeUnit.MINUTES);
    }

    static int freeLoopbackPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
