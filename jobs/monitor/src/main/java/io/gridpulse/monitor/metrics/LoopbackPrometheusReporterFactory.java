package io.gridpulse.monitor.metrics;

import java.util.Properties;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.reporter.MetricReporterFactory;
import org.apache.flink.util.PortRange;

/**
 * Creates the {@link LoopbackPrometheusReporter}; in the Flink configuration:
 *
 * <pre>
 * metrics.reporter.prom.factory.class: io.gridpulse.monitor.metrics.LoopbackPrometheusReporterFactory
 * metrics.reporter.prom.host: 127.0.0.1    # the default; 0.0.0.0 for every interface, as Flink's own reporter
 * metrics.reporter.prom.port: 9249-9259    # a port or a range, as Flink's own reporter
 * </pre>
 *
 * <p>Flink finds reporter factories with the {@link java.util.ServiceLoader} on its own classpath
 * when a process starts, not in a job jar: a cluster needs this class (the monitor module's {@code
 * -reporter.jar}) and {@code flink-metrics-prometheus} in its {@code lib/}.
 */
public final class LoopbackPrometheusReporterFactory implements MetricReporterFactory {

    static final String ARG_HOST = "host";
    static final String ARG_PORT = "port";
    static final String DEFAULT_HOST = "127.0.0.1";

    /** Flink's own reporter's default. */
    static final String DEFAULT_PORT = "9249";

    @Override
    public LoopbackPrometheusReporter createMetricReporter(Properties properties) {
        MetricConfig config = (MetricConfig) properties;
        return new LoopbackPrometheusReporter(
                config.getString(ARG_HOST, DEFAULT_HOST),
                new PortRange(config.getString(ARG_PORT, DEFAULT_PORT)));
    }
}
