package io.gridpulse.bench;

import io.gridpulse.core.io.KafkaOptions;
import io.gridpulse.core.pipeline.LiveSettings;
import io.gridpulse.core.pipeline.Outputs;
import io.gridpulse.core.pipeline.ProductionInputs;
import io.gridpulse.core.pipeline.Workflow;
import io.gridpulse.simulator.SimulationConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * State per meter in steady state: the job has seen every meter across a quarter-hour boundary, so
 * each meter holds its previous register, an open quarter-hour and an open hourly window. Measured
 * as the size of a savepoint over the number of meters, and as the heap the job added, after a full
 * GC, over the number of meters.
 */
final class StateRun {

    record Result(
            int meters, double stateBytesPerMeter, double heapBytesPerMeter, long savepointBytes) {}

    static final Duration INTERVAL = Duration.ofMinutes(5);

    private StateRun() {}

    static Result measure(
            FlinkCluster cluster, BenchData data, String bootstrap, Path workDir, int meters)
            throws Exception {
        // t0 .. t0+20 min every 5 min: crosses one quarter-hour boundary and leaves the next
        // quarter and the hour open.
        SimulationConfig simulation =
                SimulationConfig.defaults()
                        .withHouseholds(meters)
                        .withFeeders(Math.max(4, meters / 50))
                        .withDistricts(4)
                        .withInterval(INTERVAL)
                        .withDuration(INTERVAL.multipliedBy(4))
                        .withMeterTruth(false);
        String topic = data.topic("bench-state", simulation);
        long heapBefore = usedHeapAfterGc();

        Configuration config = cluster.config();
        config.set(KafkaOptions.BOOTSTRAP_SERVERS, bootstrap);
        config.set(KafkaOptions.READINGS_TOPIC, topic);
        String group = "bench-state-" + System.nanoTime();
        config.set(KafkaOptions.GROUP_ID, group);
        LiveSettings settings = LiveSettings.from(config);
        StreamExecutionEnvironment env = cluster.environment(config);
        env.enableCheckpointing(
                1_000); // commits offsets, which is how we see that everything was read
        Workflow.define(
                env,
                ProductionInputs.readings(settings),
                Outputs.builder().build(), // state is what is measured: every output discarded
                settings.pipeline());
        JobClient job = env.executeAsync("bench state " + meters);
        try {
            waitUntilConsumed(data, topic, group, job);
            long heapAfter = usedHeapAfterGc();
            Path savepoints = workDir.resolve("savepoints");
            String savepoint =
                    job.triggerSavepoint(
                                    savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                            .get();
            long bytes = sizeOf(Path.of(java.net.URI.create(savepoint)));
            Log.info(
                    "state with %,d meters: savepoint %,d bytes, heap +%,d bytes",
                    meters, bytes, heapAfter - heapBefore);
            return new Result(
                    meters,
                    (double) bytes / meters,
                    (double) (heapAfter - heapBefore) / meters,
                    bytes);
        } finally {
            job.cancel().get();
        }
    }

    private static void waitUntilConsumed(BenchData data, String topic, String group, JobClient job)
            throws Exception {
        try (Admin admin = data.admin()) {
            Map<TopicPartition, Long> end = new java.util.HashMap<>();
            for (int p = 0; p < BenchData.PARTITIONS; p++) {
                TopicPartition tp = new TopicPartition(topic, p);
                end.put(
                        tp,
                        admin.listOffsets(
                                        Map.of(
                                                tp,
                                                org.apache.kafka.clients.admin.OffsetSpec.latest()))
                                .all()
                                .get()
                                .get(tp)
                                .offset());
            }
            long deadline = System.currentTimeMillis() + 600_000;
            while (true) {
                if (job.getJobStatus().get().isGloballyTerminalState()) {
                    throw new IllegalStateException(
                            "state job ended early: " + job.getJobStatus().get());
                }
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                boolean done =
                        end.entrySet().stream()
                                .allMatch(
                                        e ->
                                                committed.get(e.getKey()) != null
                                                        && committed.get(e.getKey()).offset()
                                                                >= e.getValue());
                if (done) {
                    Thread.sleep(2_000); // the commit follows the checkpoint that covered the last
                    // reading
                    return;
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException(
                            "state job did not consume its topic within 10 minutes");
                }
                Thread.sleep(500);
            }
        }
    }

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        }
    }
}
