package io.gridpulse.dashboard.it;

import io.gridpulse.core.config.PipelineOptions;
import io.gridpulse.core.influx.InfluxOptions;
import io.gridpulse.core.io.KafkaOptions;
import io.gridpulse.core.pipeline.LiveSettings;
import io.gridpulse.core.pipeline.ProductionInputs;
import io.gridpulse.core.pipeline.ProductionOutputs;
import io.gridpulse.core.pipeline.Workflow;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.simulator.CollectingSink;
import io.gridpulse.simulator.GroundTruth;
import io.gridpulse.simulator.KafkaReadingSink;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.anomaly.AnomalyConfig;
import io.gridpulse.simulator.anomaly.AnomalyInjector;
import io.gridpulse.simulator.anomaly.AnomalyKind;
import io.gridpulse.simulator.anomaly.InjectedAnomaly;
import io.gridpulse.testkit.EmbeddedKafka;
import io.gridpulse.testkit.InfluxServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A known simulation run through the monitor job as production wires it (Kafka source, reading
 * rules, meter stage, roll-ups, detectors, InfluxDB sinks), against a real broker and a real
 * influxd, in two parts as a live feed delivers them: first up to the middle of an injected feeder
 * outage, then the rest. The job keeps running in between, so whatever looks at InfluxDB sees the
 * outage open and then resolved.
 *
 * <p>40 households on 4 feeders in 2 districts, two local days (Europe/Helsinki) of 5-minute
 * readings from Monday 12 January 2026, one FEEDER_OUTAGE and one VOLTAGE anomaly after the first
 * day, and one undecodable record.
 */
final class SimulatedGrid {

    static final ZoneId ZONE = SimulationConfig.DEFAULT_ZONE;
    static final LocalDate FIRST_DAY = SimulationConfig.DEFAULT_START_DATE;
    static final String READINGS = "meter-readings";
    static final Duration QUARTER = Duration.ofMinutes(15);

    /**
     * How long after an outage starts the first part stops: past the silence (1 h) and its grace
     * (15 min).
     */
    private static final Duration INTO_OUTAGE = Duration.ofMinutes(105);

    /**
     * Seed of the anomaly plan: one whose outage lasts long enough to be seen open (checked in
     * {@link #create}).
     */
    private static final long ANOMALY_SEED = 7;

    final SimulationConfig config;
    final GroundTruth truth;
    final InjectedAnomaly outage;
    final InjectedAnomaly voltage;
    final Instant cutoff;
    private final List<MeterReading> readings;
    private JobClient job;

    private SimulatedGrid(
            SimulationConfig config,
            GroundTruth truth,
            InjectedAnomaly outage,
            InjectedAnomaly voltage,
            List<MeterReading> readings) {
        this.config = config;
        this.truth = truth;
        this.outage = outage;
        this.voltage = voltage;
        this.readings = readings;
        this.cutoff = outage.start().plus(INTO_OUTAGE);
        if (!outage.end().isAfter(cutoff.plus(QUARTER))) {
            throw new IllegalStateException(
                    "the simulated outage ("
                            + outage
                            + ") is too short to be seen open: choose"
                            + " another ANOMALY_SEED");
        }
    }

    static SimulatedGrid create() {
        SimulationConfig config =
                SimulationConfig.defaults()
                        .withHouseholds(40)
                        .withFeeders(4)
                        .withDistricts(2)
                        .withDuration(Duration.ofDays(2))
                        .withInterval(Duration.ofMinutes(5))
                        .withMeterTruth(true);
        AnomalyInjector anomalies =
                AnomalyInjector.of(
                        AnomalyConfig.defaults(config)
                                .withSeed(ANOMALY_SEED)
                                .withMetersPerType(1)
                                .withWarmUp(Duration.ofDays(1))
                                .withKinds(
                                        EnumSet.of(
                                                AnomalyKind.FEEDER_OUTAGE, AnomalyKind.VOLTAGE)));
        CollectingSink sink = new CollectingSink();
        GroundTruth truth = new Simulation(config).run(sink, anomalies);
        return new SimulatedGrid(
                config,
                truth,
                anomalies.ledger().anomalies(AnomalyKind.FEEDER_OUTAGE).get(0),
                anomalies.ledger().anomalies(AnomalyKind.VOLTAGE).get(0),
                sink.readings());
    }

    static Instant dayStart(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /**
     * The end of the newest quarter hour the job has closed once its input ends at {@code
     * lastReading}.
     */
    static Instant newestClosedQuarterEnd(Instant lastReading) {
        long quarter = QUARTER.toMillis();
        // The watermark trails the newest reading by the allowed disorder, so the quarter ending
        // with it waits.
        long watermark =
                lastReading.toEpochMilli()
                        - PipelineOptions.OUT_OF_ORDERNESS.defaultValue().toMillis()
                        - 1;
        return Instant.ofEpochMilli(watermark / quarter * quarter);
    }

    /** The truth's energy of a district over a local day. */
    double districtDayKwh(String district, LocalDate day) {
        return sumHours(day, hour -> truth.districtHourKwh(district, hour));
    }

    double meterDayKwh(String meter, LocalDate day) {
        return sumHours(day, hour -> truth.meterHourKwh(meter, hour));
    }

    private double sumHours(LocalDate day, java.util.function.ToDoubleFunction<Instant> hourKwh) {
        double sum = 0;
        for (Instant hour = dayStart(day);
                hour.isBefore(dayStart(day.plusDays(1)));
                hour = hour.plus(Duration.ofHours(1))) {
            sum += hourKwh.applyAsDouble(hour);
        }
        return sum;
    }

    /** Readings of the outage feeder's meters that the outage kept from being sent. */
    long outageMissingReadings() {
        long perMeter = Duration.between(outage.start(), outage.end()).dividedBy(config.interval());
        return perMeter * truth.feederMeters(outage.feederId());
    }

    /**
     * Starts the monitor job (unbounded, as live) reading the topic into the database, in an
     * embedded MiniCluster as {@code scripts/run-monitor} runs it: Flink's REST API on a loopback
     * port, returned here.
     */
    URI startJob(EmbeddedKafka kafka, InfluxServer influx, String database) throws Exception {
        kafka.createTopic(READINGS, 2);
        influx.createDatabase(database);
        Configuration options = new Configuration();
        options.set(KafkaOptions.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        options.set(KafkaOptions.GROUP_ID, "dashboard-it");
        options.set(InfluxOptions.URL, influx.url());
        options.set(InfluxOptions.DATABASE, database);
        options.set(InfluxOptions.BATCH_SIZE, 500);
        options.set(
                PipelineOptions.READING_INTERVAL, config.interval()); // as scripts/demo passes it
        LiveSettings settings = LiveSettings.from(options);
        int restPort = freeLoopbackPort();
        Configuration cluster = new Configuration();
        cluster.set(RestOptions.ADDRESS, "127.0.0.1");
        cluster.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        cluster.set(RestOptions.BIND_PORT, String.valueOf(restPort));
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(cluster);
        env.enableCheckpointing(1_000);
        env.getConfig().enableObjectReuse(); // as flink-conf/config.yaml runs it
        Workflow.define(
                env,
                ProductionInputs.readings(settings),
                ProductionOutputs.of(settings),
                settings.pipeline());
        job = env.executeAsync("GridPulse monitor (dashboard test)");
        return URI.create("http://127.0.0.1:" + restPort);
    }

    private static int freeLoopbackPort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * The first part: every reading up to the cutoff, in the middle of the outage, and the
     * undecodable record.
     */
    void sendFirstPart(EmbeddedKafka kafka) throws Exception {
        send(kafka, readings.stream().filter(r -> !r.getTimestamp().isAfter(cutoff)).toList());
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            // Stamped with today's wall clock, as a real producer stamps it, months ahead of the
            // simulated time.
            producer.send(
                            new ProducerRecord<>(
                                    READINGS,
                                    0,
                                    null,
                                    "{\"meter\": \"not avro\"}".getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
        awaitTheDeadLetter(kafka);
    }

    /**
     * Waits until the job has dead-lettered the undecodable record (its sink writes at a
     * checkpoint), so the record is counted while the job is still in the first part, as the test
     * expects, not raced by the second part.
     */
    private static void awaitTheDeadLetter(EmbeddedKafka kafka) throws InterruptedException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dashboard-it-dead-letters");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(KafkaOptions.DEAD_LETTER_TOPIC.defaultValue()));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
            while (consumer.poll(Duration.ofMillis(200)).isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(
                            "the undecodable record was not dead-lettered in 1 min");
                }
            }
        }
    }

    void sendSecondPart(EmbeddedKafka kafka) throws Exception {
        send(kafka, readings.stream().filter(r -> r.getTimestamp().isAfter(cutoff)).toList());
    }

    private static void send(EmbeddedKafka kafka, List<MeterReading> part) {
        try (KafkaReadingSink sink =
                KafkaReadingSink.create(kafka.bootstrapServers(), READINGS, "lz4", Map.of())) {
            part.forEach(sink::accept);
            sink.flush();
        }
    }

    void stopJob() throws Exception {
        if (job != null) {
            job.cancel().get();
        }
    }
}
