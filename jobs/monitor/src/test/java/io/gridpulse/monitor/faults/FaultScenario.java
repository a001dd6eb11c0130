package io.gridpulse.monitor.faults;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.simulator.KafkaReadingSink;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.anomaly.AnomalyConfig;
import io.gridpulse.simulator.anomaly.AnomalyInjector;
import io.gridpulse.testkit.InfluxServer;
import io.gridpulse.tools.report.AnomalyTopic;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * One fixed input for the fault tests (60 households, 10 days of 5-minute readings with injected
 * anomalies) and the means to compare what two runs of the monitor job over it wrote: every
 * InfluxDB point and every anomaly event.
 */
final class FaultScenario {

    static final String READINGS = "meter-readings";
    static final List<String> MEASUREMENTS =
            List.of(
                    "meter_energy",
                    "feeder_energy",
                    "district_energy",
                    "data_quality",
                    "data_gap",
                    "anomaly");
    static final Duration WARM_UP = Duration.ofDays(7);

    private final Supplier<String> bootstrapServers;
    private final InfluxServer influx;
    private final Path checkpoints;

    /**
     * @param bootstrapServers the brokers, asked each time (a restarted broker keeps its address)
     */
    FaultScenario(Supplier<String> bootstrapServers, InfluxServer influx, Path checkpoints) {
        this.bootstrapServers = bootstrapServers;
        this.influx = influx;
        this.checkpoints = checkpoints;
    }

    void produceReadings() throws Exception {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers.get()))) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(READINGS, 2, (short) 1)
                                            .configs(Map.of("retention.ms", "-1"))))
                    .all()
                    .get(1, TimeUnit.MINUTES);
        }
        SimulationConfig simulation =
                SimulationConfig.defaults()
                        .withHouseholds(60)
                        .withFeeders(4)
                        .withDistricts(2)
                        .withDuration(Duration.ofDays(10))
                        .withInterval(Duration.ofMinutes(5))
                        .withMeterTruth(false);
        AnomalyInjector anomalies =
                AnomalyInjector.of(
                        AnomalyConfig.defaults(simulation)
                                .withMetersPerType(2)
                                .withWarmUp(WARM_UP)
                                .requireFitsRun());
        try (KafkaReadingSink sink =
                KafkaReadingSink.create(bootstrapServers.get(), READINGS, "lz4", Map.of())) {
            new Simulation(simulation).run(sink, anomalies);
        }
    }

    /**
     * The options of a bounded run of deployment {@code name}, writing to its own database and
     * topics.
     */
    List<String> jobOptions(String name) {
        influx.createDatabase(name);
        return List.of(
                "--kafka.bootstrap-servers",
                bootstrapServers.get(),
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
                influx.url(),
                "--influx.database",
                name,
                "--reading.interval",
                "5min",
                "--anomaly.warm-up",
                WARM_UP.toDays() + "d",
                "--execution.checkpointing.dir",
                checkpoints.toUri().toString(),
                "--execution.checkpointing.interval",
                "1s",
                "--execution.checkpointing.min-pause",
                "0s");
    }

    /**
     * Waits until a run has written its first meter points, so a fault injected next cuts the run
     * in the middle.
     *
     * @param running whether the run is still going; it must not end before the fault
     * @return how many points it had written
     */
    long awaitFirstPoints(String database, BooleanSupplier running, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        long points;
        while ((points = meterPoints(database)) == 0) {
            if (!running.getAsBoolean()) {
                throw new AssertionError(
                        database + ": the run ended before the fault could be injected");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(database + ": no meter points within " + timeout);
            }
            Thread.sleep(50);
        }
        return points;
    }

    long meterPoints(String database) {
        return influx.query(database, "SELECT count(energy_kwh) FROM meter_energy").stream()
                .mapToLong(row -> ((Number) row.get("count")).longValue())
                .sum();
    }

    /** Every point of a measurement, without the wall-clock decision time of anomalies, sorted. */
    List<String> points(String database, String measurement) {
        List<String> points = new ArrayList<>();
        for (Map<String, Object> row : influx.query(database, "SELECT * FROM " + measurement)) {
            Map<String, Object> point = new TreeMap<>(row);
            point.remove("detected_at");
            // Feeder and district sums add the meters' parts in arrival order, which differs
            // between any two runs in the
            // last bit: compare to 12 digits.
            point.replaceAll(
                    (field, value) -> value instanceof Double d ? roundTo12Digits(d) : value);
            points.add(point.toString());
        }
        points.sort(Comparator.naturalOrder());
        return points;
    }

    /**
     * Distinct events without their wall-clock decision time: at-least-once may send one again
     * after a crash.
     */
    Set<String> anomalyEvents(String deployment) throws IOException {
        Set<String> events = new TreeSet<>();
        for (Anomaly event :
                AnomalyTopic.readAll(bootstrapServers.get(), deployment + "-anomalies")) {
            events.add(Anomaly.newBuilder(event).setDetectedAt(Instant.EPOCH).build().toString());
        }
        return events;
    }

    private static double roundTo12Digits(double value) {
        return value == 0 || !Double.isFinite(value)
                ? value
                : new BigDecimal(value).round(new MathContext(12)).doubleValue();
    }
}
