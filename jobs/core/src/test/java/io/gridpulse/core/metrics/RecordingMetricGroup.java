package io.gridpulse.core.metrics;

import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

/**
 * A metric group that keeps what is registered in it and its subgroups, by dotted path ({@code
 * influx.pointsWritten}): the names a reporter builds its own from (Prometheus: {@code
 * ..._influx_pointsWritten}).
 */
public final class RecordingMetricGroup extends UnregisteredMetricsGroup {

    private final Map<String, Metric> metrics;
    private final String prefix;

    public RecordingMetricGroup() {
        this(new TreeMap<>(), "");
    }

    private RecordingMetricGroup(Map<String, Metric> metrics, String prefix) {
        this.metrics = metrics;
        this.prefix = prefix;
    }

    @Override
    public Counter counter(String name) {
        return counter(name, new SimpleCounter());
    }

    @Override
    public <C extends Counter> C counter(String name, C counter) {
        return record(name, counter);
    }

    @Override
    public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
        return record(name, gauge);
    }

    @Override
    public MetricGroup addGroup(String name) {
        return new RecordingMetricGroup(metrics, prefix + name + ".");
    }

    /** Every metric registered so far, by dotted path. */
    public Map<String, Metric> metrics() {
        return metrics;
    }

    public long count(String path) {
        return ((Counter) metric(path)).getCount();
    }

    public Object value(String path) {
        return ((Gauge<?>) metric(path)).getValue();
    }

    private Metric metric(String path) {
        Metric metric = metrics.get(path);
        if (metric == null) {
            throw new AssertionError("No metric " + path + " among " + metrics.keySet());
        }
        return metric;
    }

    private <M extends Metric> M record(String name, M metric) {
        if (metrics.putIfAbsent(prefix + name, metric) != null) {
            throw new AssertionError("Metric " + prefix + name + " registered twice");
        }
        return metric;
    }
}
