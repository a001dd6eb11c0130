package io.gridpulse.core.anomaly;

import io.gridpulse.schema.AnomalyType;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Anomalies opened (OPEN events sent), per type and in total, as Flink counters under the metric
 * group {@code anomalies.opened}. Every type is registered, also those an operator never opens, so
 * a dashboard's query finds a series (at 0) from the job's start on. Beside them, {@code
 * anomalies.meters.seen} and {@code anomalies.meters.warm} count the meters the detectors know (met
 * and not forgotten; after a restore, those heard since) and those whose warm-up is over: their
 * difference is how many are still learning, not judged.
 */
final class AnomalyCounters {

    private final Counter total;
    private final Map<AnomalyType, Counter> byType = new EnumMap<>(AnomalyType.class);
    private final Counter metersSeen;
    private final Counter metersWarm;

    AnomalyCounters(MetricGroup parent) {
        MetricGroup group = parent.addGroup("anomalies").addGroup("opened");
        total = group.counter("total");
        for (AnomalyType type : AnomalyType.values()) {
            byType.put(type, group.counter(type.name()));
        }
        MetricGroup meters = parent.addGroup("anomalies").addGroup("meters");
        metersSeen = meters.counter("seen");
        metersWarm = meters.counter("warm");
    }

    void meterSeen() {
        metersSeen.inc();
    }

    void meterWarm() {
        metersWarm.inc();
    }

    /** A meter counted by this run is forgotten: it leaves the counts. */
    void meterForgotten(boolean wasWarm) {
        metersSeen.dec();
        if (wasWarm) {
            metersWarm.dec();
        }
    }

    void opened(AnomalyType type) {
        total.inc();
        byType.get(type).inc();
    }
}
