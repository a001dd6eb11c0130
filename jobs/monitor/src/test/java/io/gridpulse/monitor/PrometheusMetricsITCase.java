package io.gridpulse.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.core.io.KafkaOptions;
import io.gridpulse.simulator.GroundTruth;
import io.gridpulse.simulator.KafkaReadingSink;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.testkit.EmbeddedKafka;
import io.gridpulse.testkit.InfluxServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The monitor job with the Prometheus reporter exactly as the shipped {@code
 * flink-conf/config.yaml} sets it up (only the port is a free one): GridPulse's counters and gauges
 * under their Prometheus names, scraped while the job runs, and the endpoint on loopback only.
 */
class PrometheusMetricsITCase {

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
    @RegisterExtension static final InfluxServer INFLUX = new InfluxServer();

    private static final Path FLINK_CONF =
            Path.of("").toAbsolutePath().getParent().getParent().resolve("flink-conf");
    private static final String READINGS = "meter-readings";
    private static final String OPERATOR = "flink_taskmanager_job_task_operator_";
    static final String UNDECODABLE = OPERATOR + "deadLetters_UNDECODABLE";
    static final String ACCEPTED = OPERATOR + "readings_accepted";
    static final String POINTS_WRITTEN = OPERATOR + "influx_pointsWritten";
    static final String RETRIES = OPERATOR + "influx_writeRetries";
    static final String BACKLOG = OPERATOR + "influx_pointsBacklog";
    static final String ANOMALIES_OPENED = OPERATOR + "anomalies_opened_total";
    static final String SPIKES_OPENED = OPERATOR + "anomalies_opened_SPIKE";
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldServeGridPulsesMetricsOnLoopbackWhileTheJobRuns() throws Exception {
        KAFKA.createTopic(READINGS, 2);
        KAFKA.createTopic("dead-letters", 1);
        SimulationConfig simulation =
                SimulationConfig.defaults()
                        .withHouseholds(8)
                        .withDistricts(1)
                        .withFeeders(2)
                        .withDuration(Duration.ofHours(3));
        GroundTruth truth;
        try (KafkaReadingSink sink =
                KafkaReadingSink.create(KAFKA.bootstrapServers(), READINGS, "lz4", Map.of())) {
            truth = new Simulation(simulation).run(sink);
        }
        // Within the simulated hours: the record's time must not move the watermark past the
        // readings.
        produceUndecodable(truth.hourStarts().get(1).toEpochMilli());

        int port = freeLoopbackPort();
        Configuration options = new Configuration();
        options.set(
                KafkaOptions.BOUNDED,
                false); // the reporter lives as long as the job's MiniCluster: scrape it running
        JobClient job =
                BoundedMonitorRun.start(
                        KAFKA,
                        INFLUX,
                        "gridpulse_prometheus_it",
                        "prometheus-it",
                        options,
                        shippedReporter(port));
        String metrics;
        try {
            metrics = scrapeUntilWritten(port);
            assertNoAnswerOffLoopback(port);
        } finally {
            job.cancel().get();
        }

        assertThat(sum(metrics, UNDECODABLE)).as(UNDECODABLE).hasValue(1.0);
        assertThat(sum(metrics, ACCEPTED).orElse(0)).as(ACCEPTED).isPositive();
        assertThat(sum(metrics, POINTS_WRITTEN).orElse(0)).as(POINTS_WRITTEN).isPositive();
        assertThat(sum(metrics, RETRIES)).as(RETRIES).isPresent();
        assertThat(sum(metrics, BACKLOG)).as(BACKLOG).isPresent();
        assertThat(sum(metrics, ANOMALIES_OPENED)).as(ANOMALIES_OPENED).isPresent();
        assertThat(sum(metrics, SPIKES_OPENED)).as(SPIKES_OPENED).isPresent();
        assertThat(metrics)
                .as("labels name the operator")
                .containsPattern(Pattern.quote(UNDECODABLE) + "\\{[^}]*operator_name=\"[^\"]+\"");
    }

    /** The {@code metrics.*} settings of the shipped configuration, on {@code port}. */
    private static Configuration shippedReporter(int port) {
        Configuration shipped = GlobalConfiguration.loadConfiguration(FLINK_CONF.toString());
        Configuration cluster = new Configuration();
        shipped.toMap()
                .forEach(
                        (key, value) -> {
                            if (key.startsWith("metrics.")) {
                                cluster.setString(key, value);
                            }
                        });
        assertThat(cluster.toMap())
                .as("the reporter in flink-conf/config.yaml")
                .containsEntry("metrics.reporter.prom.host", "127.0.0.1")
                .containsKey("metrics.reporter.prom.factory.class");
        cluster.setString("metrics.reporter.prom.port", String.valueOf(port));
        cluster.setString("rest.bind-address", "127.0.0.1");
        return cluster;
    }

    /**
     * Scrapes until the undecodable record and some written points show, then returns that scrape.
     */
    private String scrapeUntilWritten(int port) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = scrape(port);
                if (sum(last, UNDECODABLE).orElse(0) >= 1
                        && sum(last, POINTS_WRITTEN).orElse(0) > 0) {
                    return last;
                }
            } catch (IOException e) {
                // the MiniCluster and its reporter are still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError(
                "Within "
                        + PATIENCE
                        + " the metrics never showed the dead letter and written points;"
                        + " GridPulse's lines of the last scrape:\n"
                        + gridPulseLines(last));
    }

    private String scrape(int port) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /**
     * Connects to the port on each of this machine's own non-loopback addresses (traffic that never
     * leaves it): the reporter must not be there. Nothing to check on a machine with loopback only.
     */
    private static void assertNoAnswerOffLoopback(int port) throws IOException {
        List<InetAddress> own =
                NetworkInterface.networkInterfaces()
                        .flatMap(NetworkInterface::inetAddresses)
                        .filter(
                                address ->
                                        !address.isLoopbackAddress()
                                                && !address.isLinkLocalAddress()
                                                && !address.isAnyLocalAddress())
                        .toList();
        for (InetAddress address : own) {
            boolean answered;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), 1_000);
                answered = true;
            } catch (IOException refused) {
                answered = false;
            }
            assertThat(answered)
                    .as("the reporter answers on " + address.getHostAddress() + ":" + port)
                    .isFalse();
        }
    }

    /**
     * The sum of a metric over all its series (one per operator and subtask), empty when it has
     * none.
     */
    static OptionalDouble sum(String scrape, String name) {
        Matcher line =
                Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? (\\S+)$")
                        .matcher(scrape);
        double total = 0;
        boolean found = false;
        while (line.find()) {
            total += Double.parseDouble(line.group(1));
            found = true;
        }
        return found ? OptionalDouble.of(total) : OptionalDouble.empty();
    }

    private static String gridPulseLines(String scrape) {
        return scrape.lines()
                .filter(
                        line ->
                                line.matches(
                                        "^"
                                                + OPERATOR
                                                + "(deadLetters|readings|influx|anomalies)_.*"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    private static void produceUndecodable(long timestamp) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            byte[] garbage = "not a reading".getBytes(StandardCharsets.UTF_8);
            producer.send(new ProducerRecord<>(READINGS, 0, timestamp, null, garbage)).get();
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }
}
