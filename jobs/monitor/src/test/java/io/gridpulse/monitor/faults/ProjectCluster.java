package io.gridpulse.monitor.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The project's own Flink cluster, started and driven by the project's scripts ({@code
 * scripts/cluster}, {@code scripts/submit}) exactly as an operator runs them, with their state in a
 * directory of the test's and the REST API on a free loopback port.
 */
final class ProjectCluster implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int restPort;
    private final ProjectScripts scripts;
    private final HttpClient http = HttpClient.newHttpClient();

    ProjectCluster(Path runDir) throws Exception {
        this.restPort = ProjectScripts.freeLoopbackPort();
        this.scripts =
                new ProjectScripts(
                        runDir, java.util.Map.of("FLINK_REST_PORT", String.valueOf(restPort)));
    }

    ProjectCluster start(int taskManagers, int slots) throws Exception {
        script(
                "start the cluster",
                "cluster",
                "start",
                "--taskmanagers",
                String.valueOf(taskManagers),
                "--slots",
                String.valueOf(slots));
        return this;
    }

    /** Submits the monitor job with {@code scripts/submit} and returns its job id. */
    String submit(List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of("submit"));
        command.addAll(options);
        String output = script("submit the job", command.toArray(String[]::new));
        java.util.regex.Matcher id =
                java.util.regex.Pattern.compile("JobID ([0-9a-f]{32})").matcher(output);
        if (!id.find()) {
            throw new AssertionError("scripts/submit printed no job id:\n" + output);
        }
        return id.group(1);
    }

    /** SIGKILL to one TaskManager process, by its resource id ({@code taskmanager-N}). */
    void killTaskManager(String resourceId) throws Exception {
        scripts.kill("flink-" + resourceId);
    }

    /**
     * A TaskManager that runs part of the job (a slot in use): killing one that runs nothing would
     * test nothing.
     */
    String busyTaskManager() throws IOException, InterruptedException {
        for (JsonNode taskManager : rest("/taskmanagers").path("taskmanagers")) {
            if (taskManager.path("freeSlots").asInt() < taskManager.path("slotsNumber").asInt()) {
                return taskManager.path("id").asText();
            }
        }
        throw new AssertionError("no TaskManager runs a task: " + rest("/taskmanagers"));
    }

    long completedCheckpoints(String jobId) throws IOException, InterruptedException {
        return rest("/jobs/" + jobId + "/checkpoints").path("counts").path("completed").asLong();
    }

    JsonNode rest(String path) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + path))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    String jobState(String jobId) throws IOException, InterruptedException {
        return rest("/jobs/" + jobId).path("state").asText();
    }

    @Override
    public void close() throws Exception {
        script("stop the cluster", "cluster", "stop");
    }

    private String script(String what, String... command) throws Exception {
        return scripts.run(what, command);
    }
}
