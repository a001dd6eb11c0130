package io.gridpulse.monitor.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.HTTPServer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.util.Iterator;
import org.apache.flink.metrics.prometheus.AbstractPrometheusReporter;
import org.apache.flink.util.PortRange;

/**
 * Flink's Prometheus reporter (metric names, labels and types exactly as {@code
 * flink-metrics-prometheus} makes them), serving {@code /metrics} on one address instead of all of
 * them. Flink's own {@code PrometheusReporter} binds the wildcard address and has no option to
 * change that; metrics name hosts, jobs and operators, so GridPulse keeps them on loopback unless
 * an operator chooses otherwise.
 */
public final class LoopbackPrometheusReporter extends AbstractPrometheusReporter {

    private final HTTPServer server;
    private final String host;

    /**
     * Serves on the first free port of {@code ports}: a JobManager and TaskManagers on one host
     * each take one.
     */
    LoopbackPrometheusReporter(String host, PortRange ports) {
        this.host = host;
        CollectorRegistry registry = registryOf(this);
        HTTPServer started = null;
        IOException lastFailure = null;
        for (Iterator<Integer> it = ports.getPortsIterator(); it.hasNext() && started == null; ) {
            int port = it.next();
            try {
                // Daemon threads: a reporter Flink never closed (a crashed MiniCluster) must not
                // keep the JVM alive.
                started = new HTTPServer(new InetSocketAddress(host, port), registry, true);
            } catch (IOException e) {
                lastFailure = e;
            }
        }
        if (started == null) {
            // Flink logs this and runs on without the reporter; the job does not depend on it.
            throw new IllegalStateException(
                    "No free port for the Prometheus reporter on " + host + " in " + ports,
                    lastFailure);
        }
        server = started;
        log.info("Prometheus metrics on http://{}:{}/metrics", host, server.getPort());
    }

    /** The port it serves on. */
    public int port() {
        return server.getPort();
    }

    public String host() {
        return host;
    }

    @Override
    public void close() {
        server.stop();
        super.close();
    }

    /**
     * The registry Flink's reporter fills, package-private in {@code AbstractPrometheusReporter}:
     * read once, here, so the metrics themselves stay Flink's code. The unit test fails first if a
     * Flink upgrade renames it.
     */
    private static CollectorRegistry registryOf(AbstractPrometheusReporter reporter) {
        try {
            Field field = AbstractPrometheusReporter.class.getDeclaredField("registry");
            field.setAccessible(true);
            return (CollectorRegistry) field.get(reporter);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(
                    "This flink-metrics-prometheus has no CollectorRegistry field 'registry' in"
                            + " AbstractPrometheusReporter: LoopbackPrometheusReporter needs updating for it",
                    e);
        }
    }
}
