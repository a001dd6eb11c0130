package io.gridpulse.bench;

import io.gridpulse.bench.PacedProducer.Appended;
import io.gridpulse.bench.VoltageExcursions.Excursion;
import io.gridpulse.core.influx.InfluxOptions;
import io.gridpulse.core.io.KafkaOptions;
import io.gridpulse.core.pipeline.LiveSettings;
import io.gridpulse.core.pipeline.PipelineSettings;
import io.gridpulse.core.pipeline.ProductionInputs;
import io.gridpulse.core.pipeline.ProductionOutputs;
import io.gridpulse.core.pipeline.Workflow;
import io.gridpulse.schema.AnomalyType;
import io.gridpulse.schema.QuarterHours;
import io.gridpulse.simulator.HouseholdProfile;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Latency of the live path at a steady rate, as BENCHMARKS.md defines it: from appending the
 * reading that closes a window to Kafka until its anomaly event is on the anomaly topic.
 *
 * <p>The monitor job runs as production wires it (Kafka source, InfluxDB sinks, dead-letter and
 * anomaly KafkaSinks, flink-conf/config.yaml with its checkpoints) on fresh topics, while a {@link
 * PacedProducer} appends the simulated fleet's readings (generated and encoded before the job
 * starts) at a fixed rate, step by step (every meter's reading of one minute, then the next
 * minute). Chosen meters report an out-of-band voltage for every reading of chosen quarter hours
 * ({@link VoltageExcursions}); each such quarter hour opens one VOLTAGE anomaly when it closes (no
 * profile warm-up needed), and that OPEN event is the end point.
 *
 * <p>What exactly is measured, per anomaly whose last out-of-band quarter hour ends at {@code E}:
 *
 * <ul>
 *   <li>The quarter closes when the watermark reaches {@code E}. The source's watermark is, per
 *       partition, the newest reading's time minus the out-of-orderness minus 1 ms, and downstream
 *       the minimum over partitions. So in each partition the reading that moves it past {@code E}
 *       is the first one with a timestamp of at least {@code E + out-of-orderness + 1 ms} (the
 *       first reading of the step one minute after {@code E}, by default), and the reading that
 *       closes the window is the <em>last appended</em> of those, over all partitions. Readings are
 *       keyed by meter, so every step's readings go to both partitions and the partitions move in
 *       step.
 *   <li>Start: that reading's append time on the broker (the readings topic uses {@code
 *       LogAppendTime}, and the producer's acknowledgement returns it).
 *   <li>End: the OPEN event's append time on the anomaly topic (also {@code LogAppendTime}), as
 *       read back by a {@code read_committed} consumer during the run. Both are the broker's clock:
 *       no clocks of different machines are compared. With the default at-least-once delivery an
 *       event is readable as soon as it is appended; with exactly-once it becomes readable only at
 *       the checkpoint that commits it, which the client figure shows.
 *   <li>Client figure, as a check: the bench JVM's {@code System.nanoTime} when the producer's
 *       acknowledgement of that closing reading arrived, to when the consumer's poll returned the
 *       event (adds the acknowledgement's and the fetch's trips; only logged).
 * </ul>
 *
 * Quarter hours closing in the first fifth of the run (job and JIT warm-up, the source catching up)
 * carry no anomalies; then every quarter hour ends about 240 / (measured quarters) excursions, so a
 * run gives about 240 samples. The samples of one quarter hour share its closing reading but not
 * their latency: when a quarter closes, every meter's timer fires, one after the other, and the
 * chosen meters fall anywhere in that order.
 */
final class LatencyRun {

    /** Anomalies the run aims at; spread evenly over the measured quarter hours. */
    static final int TARGET_ANOMALIES = 240;

    /** How long to wait after the last reading for the last anomaly events. */
    private static final Duration DRAIN = Duration.ofSeconds(30);

    record Result(
            double p50Ms,
            double p99Ms,
            double maxMs,
            int anomalies,
            int quarters,
            int missing,
            int unexpected,
            double clientP50Ms,
            double clientP99Ms,
            double rate,
            double offeredRate,
            DeliveryGuarantee guarantee,
            double voltageV,
            List<Long> quarterMediansMs,
            double seconds) {}

    private LatencyRun() {}

    static Result measure(
            FlinkCluster cluster,
            BenchData data,
            String bootstrap,
            String influxUrl,
            int meters,
            double rate,
            Duration wallDuration,
            int run)
            throws Exception {
        String readingsTopic = "bench-latency-" + System.currentTimeMillis();
        String anomaliesTopic = readingsTopic + "-anomalies";
        String database = "bench_latency";
        Configuration config = cluster.config();
        config.set(KafkaOptions.BOOTSTRAP_SERVERS, bootstrap);
        config.set(KafkaOptions.READINGS_TOPIC, readingsTopic);
        config.set(KafkaOptions.ANOMALIES_TOPIC, anomaliesTopic);
        config.set(KafkaOptions.DEAD_LETTER_TOPIC, "bench-dead-letters");
        config.set(KafkaOptions.GROUP_ID, readingsTopic);
        config.set(InfluxOptions.URL, influxUrl);
        config.set(InfluxOptions.DATABASE, database);
        LiveSettings settings = LiveSettings.from(config);
        PipelineSettings pipeline = settings.pipeline();

        Duration interval = pipeline.readingInterval();
        long steps = Math.max(60, (long) (rate * wallDuration.toSeconds() / meters));
        SimulationConfig simulationConfig =
                SimulationConfig.defaults()
                        .withHouseholds(meters)
                        .withFeeders(Math.max(4, meters / 50))
                        .withDistricts(4)
                        .withInterval(interval)
                        .withDuration(interval.multipliedBy(steps))
                        .withMeterTruth(false);
        Simulation simulation = new Simulation(simulationConfig);
        long outOfOrdernessMillis = pipeline.outOfOrderness().toMillis();
        VoltageExcursions plan = plan(simulation, pipeline, outOfOrdernessMillis);

        PacedProducer.Prepared readings = new PacedProducer.Prepared();
        simulation.run(readings, plan);
        // The job shares this JVM: the prepared readings move to the old generation now, not in a
        // GC pause mid-run.
        System.gc();

        Influx.recreateDatabase(influxUrl, database);
        try (Admin admin = data.admin()) {
            Map<String, String> logAppendTime =
                    Map.of(
                            TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                            "LogAppendTime",
                            "retention.ms",
                            "-1");
            admin.createTopics(
                            List.of(
                                    new NewTopic(readingsTopic, BenchData.PARTITIONS, (short) 1)
                                            .configs(logAppendTime),
                                    new NewTopic(anomaliesTopic, BenchData.PARTITIONS, (short) 1)
                                            .configs(logAppendTime)))
                    .all()
                    .get();
        }
        StreamExecutionEnvironment env = cluster.environment(config);
        Workflow.define(
                env, ProductionInputs.readings(settings), ProductionOutputs.of(settings), pipeline);
        JobClient job = env.executeAsync("bench latency " + run);
        try (AnomalyArrivals arrivals = new AnomalyArrivals(bootstrap, anomaliesTopic)) {
            waitUntilRunning(job);
            Thread.sleep(2_000); // let the Kafka source find its partitions

            PacedProducer producer = new PacedProducer(bootstrap, readingsTopic, rate);
            try (producer) {
                producer.append(readings);
            }
            if (producer.failed() > 0) {
                throw new IllegalStateException(
                        producer.failed() + " readings could not be appended");
            }
            long deadline = System.nanoTime() + DRAIN.toNanos();
            while (arrived(plan, arrivals) < plan.excursions().size()
                    && System.nanoTime() < deadline) {
                arrivals.checkHealthy();
                Thread.sleep(100);
            }
            arrivals.checkHealthy();
            return summarise(
                    plan,
                    producer.firstAppended(),
                    arrivals,
                    outOfOrdernessMillis,
                    rate,
                    producer.offeredRate(),
                    producer.seconds(),
                    settings.kafka().anomaliesDeliveryGuarantee());
        } finally {
            job.cancel().get();
            try (Admin admin = data.admin()) {
                admin.deleteTopics(List.of(readingsTopic, anomaliesTopic)).all().get();
            }
        }
    }

    /**
     * Excursions ending at every quarter hour that lies wholly inside the simulation, past the
     * warm-up fifth, and is closed by a later reading of the simulation (the job is unbounded:
     * nothing else closes a window).
     */
    private static VoltageExcursions plan(
            Simulation simulation, PipelineSettings pipeline, long outOfOrdernessMillis) {
        SimulationConfig config = simulation.config();
        long q = QuarterHours.MILLIS;
        int quarters = pipeline.anomaly().voltageQuarters();
        long first = config.start().toEpochMilli();
        long last = config.start().plus(config.duration()).toEpochMilli();
        long firstPossibleEnd = QuarterHours.endOf(first) + quarters * q;
        long closable = last - outOfOrdernessMillis - 1;
        long lastEnd = closable - Math.floorMod(closable, q);
        long possible = (lastEnd - firstPossibleEnd) / q + 1;
        if (possible < 2) {
            throw new IllegalArgumentException(
                    "the latency run is too short to close two quarter hours: raise"
                            + " --latency-seconds or --latency-rate");
        }
        long firstEnd = firstPossibleEnd + Math.max(1, possible / 5) * q;
        int measured = (int) ((lastEnd - firstEnd) / q + 1);
        int meters = config.households();
        int perQuarter =
                (int)
                        Math.max(
                                1,
                                Math.min(
                                        Math.ceil((double) TARGET_ANOMALIES / measured),
                                        meters / (2 * (quarters + 2))));
        List<String> meterIds =
                simulation.households().stream().map(HouseholdProfile::meterId).toList();
        // Clearly above the band (253 V by default), so the min voltage of the quarter hour is out
        // of band too.
        return new VoltageExcursions(
                meterIds,
                firstEnd,
                lastEnd,
                quarters,
                perQuarter,
                pipeline.anomaly().voltageHighV() + 7);
    }

    private static int arrived(VoltageExcursions plan, AnomalyArrivals arrivals) {
        int n = 0;
        for (Excursion excursion : plan.excursions()) {
            if (arrivals.opened(AnomalyType.VOLTAGE.name(), excursion.key()) != null) {
                n++;
            }
        }
        return n;
    }

    private static Result summarise(
            VoltageExcursions plan,
            Map<Integer, NavigableMap<Long, Appended>> firstAppended,
            AnomalyArrivals arrivals,
            long outOfOrdernessMillis,
            double rate,
            double offered,
            double seconds,
            DeliveryGuarantee guarantee) {
        if (firstAppended.size() != BenchData.PARTITIONS) {
            throw new IllegalStateException(
                    "readings reached "
                            + firstAppended.size()
                            + " of "
                            + BenchData.PARTITIONS
                            + " partitions: too few meters for the latency run");
        }
        List<Long> brokerMillis = new ArrayList<>();
        List<Long> clientNanos = new ArrayList<>();
        Map<Long, List<Long>> byQuarter = new TreeMap<>();
        int missing = 0;
        for (Excursion excursion : plan.excursions()) {
            AnomalyArrivals.Arrival arrival =
                    arrivals.opened(AnomalyType.VOLTAGE.name(), excursion.key());
            if (arrival == null) {
                missing++;
                continue;
            }
            // In every partition the first reading at or after E + out-of-orderness + 1 ms moves
            // its watermark past E;
            // the window closes with the last of them to be appended.
            long closes = excursion.endMillis() + outOfOrdernessMillis + 1;
            long closedBroker = Long.MIN_VALUE;
            long closedAck = Long.MIN_VALUE;
            for (NavigableMap<Long, Appended> partition : firstAppended.values()) {
                Map.Entry<Long, Appended> first = partition.ceilingEntry(closes);
                if (first == null) {
                    throw new IllegalStateException(
                            "no reading closed the quarter hour ending " + excursion.endMillis());
                }
                closedBroker = Math.max(closedBroker, first.getValue().brokerMillis());
                closedAck = Math.max(closedAck, first.getValue().ackNanos());
            }
            brokerMillis.add(arrival.brokerMillis() - closedBroker);
            clientNanos.add(arrival.readNanos() - closedAck);
            byQuarter
                    .computeIfAbsent(excursion.endMillis(), end -> new ArrayList<>())
                    .add(arrival.brokerMillis() - closedBroker);
        }
        if (brokerMillis.isEmpty()) {
            throw new IllegalStateException(
                    "none of the "
                            + plan.excursions().size()
                            + " planned VOLTAGE anomalies reached the anomaly topic");
        }
        int unexpected = arrivals.openCount() - brokerMillis.size();
        return new Result(
                Stats.percentile(brokerMillis, 50),
                Stats.percentile(brokerMillis, 99),
                Collections.max(brokerMillis),
                brokerMillis.size(),
                byQuarter.size(),
                missing,
                unexpected,
                Stats.percentile(clientNanos, 50) / 1e6,
                Stats.percentile(clientNanos, 99) / 1e6,
                rate,
                offered,
                guarantee,
                plan.voltageV(),
                byQuarter.values().stream()
                        .map(sample -> (long) Stats.percentile(sample, 50))
                        .toList(),
                seconds);
    }

    private static void waitUntilRunning(JobClient job) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (job.getJobStatus().get() != JobStatus.RUNNING) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("latency job did not start");
            }
            Thread.sleep(100);
        }
    }
}
