package io.gridpulse.dashboard.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pipeline health from Flink's REST API (a cluster's JobManager, or the MiniCluster of {@code
 * scripts/run-monitor}, which serves it on a loopback port): the GridPulse jobs and their state,
 * the last completed checkpoint and its age, the meter stage's watermark and how far it is behind
 * the wall clock, and the readings per second the source emits.
 */
public final class FlinkHealth {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final URI base;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    public FlinkHealth(URI base, Clock clock) {
        this.base = base;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /**
     * @param watermark the meter stage's event time (the slowest subtask), null before the first
     *     watermark
     * @param watermarkLagSeconds wall clock minus watermark: large while replaying history or
     *     simulated time
     */
    public record Job(
            String id,
            String name,
            String state,
            Instant started,
            Instant lastCheckpoint,
            Long lastCheckpointAgeSeconds,
            Long checkpointsCompleted,
            Long checkpointsFailed,
            Instant watermark,
            Long watermarkLagSeconds,
            Double readingsPerSecond) {}

    /**
     * @param error why Flink could not be asked, when {@code reachable} is false
     */
    public record Response(Instant checkedAt, boolean reachable, String error, List<Job> jobs) {}

    public Response check() {
        Instant now = clock.instant();
        try {
            List<Job> jobs = new ArrayList<>();
            for (JsonNode job : get("/jobs/overview").path("jobs")) {
                jobs.add(job(job, now));
            }
            // Running jobs first, then the newest.
            jobs.sort(
                    (a, b) ->
                            "RUNNING".equals(a.state()) != "RUNNING".equals(b.state())
                                    ? ("RUNNING".equals(a.state()) ? -1 : 1)
                                    : b.started().compareTo(a.started()));
            return new Response(now, true, null, jobs);
        } catch (IOException e) {
            return new Response(
                    now, false, "Flink's REST API at " + base + " does not answer", List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(now, false, "interrupted", List.of());
        }
    }

    private Job job(JsonNode overview, Instant now) throws IOException, InterruptedException {
        String id = overview.path("jid").asText();
        String state = overview.path("state").asText();
        Instant started = Instant.ofEpochMilli(overview.path("start-time").asLong());
        JsonNode checkpoints = get("/jobs/" + id + "/checkpoints");
        JsonNode completed = checkpoints.path("latest").path("completed");
        Instant lastCheckpoint =
                completed.isMissingNode() || completed.isNull()
                        ? null
                        : Instant.ofEpochMilli(completed.path("latest_ack_timestamp").asLong());
        Instant watermark = null;
        Double readingsPerSecond = null;
        if ("RUNNING".equals(state)) {
            for (JsonNode vertex : get("/jobs/" + id).path("vertices")) {
                String name = vertex.path("name").asText();
                String vertexPath = "/jobs/" + id + "/vertices/" + vertex.path("id").asText();
                if (name.contains("meter VEE")) {
                    watermark = slowestWatermark(get(vertexPath + "/watermarks"));
                }
                if (name.startsWith("Source: meter readings")) {
                    JsonNode rate =
                            get(
                                    vertexPath
                                            + "/subtasks/metrics?get=numRecordsOutPerSecond&agg=sum");
                    readingsPerSecond =
                            rate.isArray() && rate.size() > 0
                                    ? rate.get(0).path("sum").asDouble()
                                    : null;
                }
            }
        }
        return new Job(
                id,
                overview.path("name").asText(),
                state,
                started,
                lastCheckpoint,
                // Flink's clock and ours may differ by a few milliseconds: a checkpoint is never in
                // the future.
                lastCheckpoint == null
                        ? null
                        : Math.max(0, Duration.between(lastCheckpoint, now).toSeconds()),
                checkpoints.path("counts").path("completed").asLong(),
                checkpoints.path("counts").path("failed").asLong(),
                watermark,
                watermark == null ? null : Duration.between(watermark, now).toSeconds(),
                readingsPerSecond);
    }

    /**
     * The lowest current input watermark over the vertex's subtasks; none before the first real
     * watermark.
     */
    private static Instant slowestWatermark(JsonNode watermarks) {
        long slowest = Long.MAX_VALUE;
        for (JsonNode metric : watermarks) {
            if (metric.path("id").asText().endsWith("currentInputWatermark")) {
                slowest = Math.min(slowest, metric.path("value").asLong(Long.MIN_VALUE));
            }
        }
        // Flink reports Long.MIN_VALUE before the first watermark and Long.MAX_VALUE at the end of
        // bounded input.
        return slowest <= 0 || slowest == Long.MAX_VALUE ? null : Instant.ofEpochMilli(slowest);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for " + path);
        }
        return json.readTree(response.body());
    }
}
