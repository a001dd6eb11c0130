package io.gridpulse.monitor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.flink.metrics.CharacterFilter;
import org.apache.flink.metrics.LogicalScopeProvider;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

class LoopbackPrometheusReporterTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldServeFlinksMetricNamesOnLoopback() throws Exception {
        MetricConfig config = new MetricConfig();
        config.setProperty("port", "0");
        LoopbackPrometheusReporter reporter =
                new LoopbackPrometheusReporterFactory().createMetricReporter(config);
        try {
            SimpleCounter counter = new SimpleCounter();
            counter.inc(3);
            reporter.notifyOfAddedMetric(counter, "UNDECODABLE", new OperatorGroup());

            assertThat(reporter.host()).isEqualTo("127.0.0.1");
            assertThat(scrape(reporter.port()))
                    .contains(
                            "flink_taskmanager_job_task_operator_deadLetters_UNDECODABLE{operator_name=\"route\",} 3.0");
        } finally {
            reporter.close();
        }
    }

    @Test
    void shouldTakeTheNextPortOfTheRangeWhenOneIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            MetricConfig config = new MetricConfig();
            config.setProperty("port", taken.getLocalPort() + ",0");
            LoopbackPrometheusReporter reporter =
                    new LoopbackPrometheusReporterFactory().createMetricReporter(config);
            try {
                assertThat(reporter.port()).isNotEqualTo(taken.getLocalPort()).isPositive();
                assertThat(scrape(reporter.port())).isNotNull();
            } finally {
                reporter.close();
            }
        }
    }

    private String scrape(int port) throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** An operator's user group {@code deadLetters}, as Flink scopes it. */
    private static final class OperatorGroup extends UnregisteredMetricsGroup
            implements LogicalScopeProvider {

        @Override
        public String getLogicalScope(CharacterFilter filter) {
            return getLogicalScope(filter, '.');
        }

        @Override
        public String getLogicalScope(CharacterFilter filter, char delimiter) {
            return String.join(
                    String.valueOf(delimiter),
                    "taskmanager",
                    "job",
                    "task",
                    "operator",
                    "deadLetters");
        }

        @Override
        public MetricGroup getWrappedMetricGroup() {
            return this;
        }

        @Override
        public Map<String, String> getAllVariables() {
            return Map.of("<operator_name>", "route");
        }
    }
}
