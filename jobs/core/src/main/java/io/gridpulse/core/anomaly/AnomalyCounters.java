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
 * difference is how many are still learning, not judged. {@code
 * anomalies.quarters.withoutTemperature} counts quarter hours judged without their district's
 * temperature in a job that has a weather feed: rising, the feed is late or dead.
 */
final class AnomalyCounters {

    private final Counter total;
    private final Map<AnomalyType, Counter> byType = new EnumMap<>(AnomalyType.class);
    private final Counter metersSeen;
    private final Counter metersWarm;
    private final Counter withoutTemperature;

    AnomalyCounters(MetricGroup parent) {
        MetricGroup group = parent.addGroup("anomalies").addGroup("opened");
        total = group.counter("total");
        for (AnomalyType type : AnomalyType.values()) {
            byType.put(type, group.counter(type.name()));
        }
        MetricGroup meters = parent.addGroup("anomalies").addGroup("meters");
        metersSeen = meters.counter("seen");
        metersWarm = meters.counter("warm");
        withoutTemperature =
                parent.addGroup("anomalies").addGroup("quarters").counter("withoutTemperature");
    }

    void quarterWithoutTemperature() {
        withoutTemperature.inc();
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
