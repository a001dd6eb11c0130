package io.gridpulse.bench;

import io.gridpulse.schema.MeterReading;
import io.gridpulse.simulator.AvroFileSink;
import io.gridpulse.simulator.KafkaReadingSink;
import io.gridpulse.simulator.ReadingSink;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The benchmark's input, generated once per (readings, meters): a Kafka topic with two partitions
 * and two Avro files (meters split the way Kafka's partitioner splits keys does not matter here:
 * each file is one replay split).
 */
final class BenchData {

    static final int PARTITIONS = 2;

    private final String bootstrap;
    private final Path dataDir;

    BenchData(String bootstrap, Path dataDir) {
        this.bootstrap = bootstrap;
        this.dataDir = dataDir;
    }

    /**
     * A simulation of {@code meters} households with {@code readings} readings in total (rounded to
     * whole steps).
     */
    static SimulationConfig simulation(long readings, int meters, Duration interval) {
        long steps = Math.max(2, readings / meters);
        return SimulationConfig.defaults()
                .withHouseholds(meters)
                .withFeeders(Math.max(4, meters / 50))
                .withDistricts(4)
                .withInterval(interval)
                .withDuration(interval.multipliedBy(steps - 1))
                .withMeterTruth(false);
    }

    /** The topic holding this simulation, produced now unless an earlier run left it complete. */
    String topic(String prefix, SimulationConfig config) throws Exception {
        String topic = prefix + "-" + config.households() + "m-" + config.expectedReadings() + "r";
        if (recordsIn(topic) == config.expectedReadings()) {
            Log.info("reusing topic %s (%,d readings)", topic, config.expectedReadings());
            return topic;
        }
        try (Admin admin = admin()) {
            if (admin.listTopics().names().get().contains(topic)) {
                admin.deleteTopics(List.of(topic)).all().get();
                Thread.sleep(1_000);
            }
            admin.createTopics(
                            List.of(
                                    new NewTopic(topic, PARTITIONS, (short) 1)
                                            .configs(Map.of("retention.ms", "-1"))))
                    .all()
                    .get();
        }
        long start = System.nanoTime();
        try (KafkaReadingSink sink = KafkaReadingSink.create(bootstrap, topic, "lz4", Map.of())) {
            new Simulation(config).run(sink);
        }
        Log.info(
                "produced %,d readings of %,d meters into %s in %.1f s",
                config.expectedReadings(),
                config.households(),
                topic,
                (System.nanoTime() - start) / 1e9);
        return topic;
    }

    /** Two Avro files with the same readings, meters split between them, written unless present. */
    List<Path> avroFiles(SimulationConfig config) throws Exception {
        Path dir =
                dataDir.resolve(
                        "avro-" + config.households() + "m-" + config.expectedReadings() + "r");
        List<Path> files = List.of(dir.resolve("part-0.avro"), dir.resolve("part-1.avro"));
        Path done = dir.resolve("_COMPLETE");
        if (Files.exists(done)) {
            return files;
        }
        Files.createDirectories(dir);
        long start = System.nanoTime();
        try (AvroFileSink first = new AvroFileSink(files.get(0));
                AvroFileSink second = new AvroFileSink(files.get(1))) {
            new Simulation(config)
                    .run(
                            new ReadingSink() {
                                @Override
                                public void accept(MeterReading reading) {
                                    (Math.floorMod(reading.getMeterId().hashCode(), 2) == 0
                                                    ? first
                                                    : second)
                                            .accept(reading);
                                }
                            });
        }
        Files.createFile(done);
        Log.info(
                "wrote %,d readings to %s in %.1f s",
                config.expectedReadings(), dir, (System.nanoTime() - start) / 1e9);
        return files;
    }

    long recordsIn(String topic) throws Exception {
        try (Admin admin = admin()) {
            if (!admin.listTopics().names().get().contains(topic)) {
                return -1;
            }
            long total = 0;
            for (int p = 0; p < PARTITIONS; p++) {
                TopicPartition tp = new TopicPartition(topic, p);
                long end =
                        admin.listOffsets(Map.of(tp, OffsetSpec.latest()))
                                .all()
                                .get()
                                .get(tp)
                                .offset();
                long begin =
                        admin.listOffsets(Map.of(tp, OffsetSpec.earliest()))
                                .all()
                                .get()
                                .get(tp)
                                .offset();
                total += end - begin;
            }
            return total;
        }
    }

    Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(props);
    }
}
