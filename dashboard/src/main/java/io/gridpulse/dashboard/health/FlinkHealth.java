package io.gridpulse.dashboard.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pipeline health from Flink's REST API (a cluster's JobManager, or the MiniCluster of {@code
 * scripts/run-monitor}, which serves it on a loopback port): the GridPulse jobs and their state,
 * the last completed checkpoint and its age, the meter stage's watermark and how far it is behind
 * the wall clock, the readings per second the source emits, and the anomaly stage's counters: the
 * meters still learning, and the anomalies dropped as a district's weather crowd.
 */
public final class FlinkHealth {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    // The anomaly stage's operators and the counters they register (jobs/core's AnomalyCounters and
    // DistrictCrowds).
    private static final String METER_ANOMALIES = "meter anomalies";
    private static final String DISTRICT_CROWDS = "district crowds";
    private static final String METERS_SEEN = "anomalies.meters.seen";
    private static final String METERS_WARM = "anomalies.meters.warm";
    private static final String CROWD_SUPPRESSED = "anomalies.crowd-suppressed";

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
     * @param metersSeen meters the anomaly detectors have met since their tasks last started
     *     (Flink's counters start at 0 after a restart or a restore), null without an anomaly stage
     *     or before Flink has its metrics
     * @param metersWarm the meters whose warm-up ended, since the tasks last started: they are
     *     judged
     * @param metersLearning seen minus warm: still learning, not yet judged for energy anomalies
     *     (never below 0: a meter restored during its warm-up counts as warm but not as seen)
     * @param crowdSuppressed SUSTAINED_HIGH and HIGH_BASE_LOAD anomalies dropped because many of a
     *     district's meters rose together (the weather), since the tasks last started
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
            Double readingsPerSecond,
            Long metersSeen,
            Long metersWarm,
            Long metersLearning,
            Long crowdSuppressed) {}

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
        Map<String, Long> counters = new HashMap<>();
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
                List<String> wanted = new ArrayList<>();
                if (name.contains(METER_ANOMALIES)) {
                    wanted.addAll(List.of(METERS_SEEN, METERS_WARM));
                }
                if (name.contains(DISTRICT_CROWDS)) {
                    wanted.add(CROWD_SUPPRESSED);
                }
                if (!wanted.isEmpty()) {
                    counters.putAll(counterSums(vertexPath, wanted));
                }
            }
        }
        Long seen = counters.get(METERS_SEEN);
        Long warm = counters.get(METERS_WARM);
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
                readingsPerSecond,
                seen,
                warm,
                seen == null || warm == null ? null : Math.max(0, seen - warm),
                counters.get(CROWD_SUPPRESSED));
    }

    /**
     * The vertex's counters of the given names, each summed over its subtasks; a name the vertex
     * has not reported (yet) is left out. Flink's REST API names an operator's metric by the
     * operator's name, rewritten (spaces become underscores) and possibly shortened, and the
     * metric's groups ("meter_anomalies.anomalies.meters.seen"), so the vertex's metric ids are
     * listed and those ending with a name are asked for: two requests per vertex.
     */
    private Map<String, Long> counterSums(String vertexPath, List<String> names)
            throws IOException, InterruptedException {
        Map<String, String> nameOfId = new HashMap<>();
        for (JsonNode metric : get(vertexPath + "/subtasks/metrics")) {
            String id = metric.path("id").asText();
            for (String name : names) {
                if (id.endsWith("." + name)) {
                    nameOfId.put(id, name);
                }
            }
        }
        Map<String, Long> sums = new HashMap<>();
        if (nameOfId.isEmpty()) {
            return sums;
        }
        // Escaped for the query, whatever an operator's name holds.
        String ids =
                URLEncoder.encode(String.join(",", nameOfId.keySet()), StandardCharsets.UTF_8)
                        .replace("+", "%20");
        for (JsonNode metric : get(vertexPath + "/subtasks/metrics?get=" + ids + "&agg=sum")) {
            String name = nameOfId.get(metric.path("id").asText());
            if (name != null && metric.has("sum")) {
                sums.merge(name, Math.round(metric.path("sum").asDouble()), Long::sum);
            }
        }
        return sums;
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
