package io.gridpulse.core.anomaly;

import io.gridpulse.schema.AnomalyType;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Anomalies opened (OPEN events sent), per type and in total, as Flink counters under the metric
 * group {@code anomalies.opened}. Every type is registered, also those an operator never opens, so
 * a dashboard's query finds a series (at 0) from the job's start on.
 */
final class AnomalyCounters {

    private final Counter total;
    private final Map<AnomalyType, Counter> byType = new EnumMap<>(AnomalyType.class);

    AnomalyCounters(MetricGroup parent) {
        MetricGroup group = parent.addGroup("anomalies").addGroup("opened");
        total = group.counter("total");
        for (AnomalyType type : AnomalyType.values()) {
            byType.put(type, group.counter(type.name()));
        }
    }

    void opened(AnomalyType type) {
        total.inc();
        byType.get(type).inc();
    }
}
