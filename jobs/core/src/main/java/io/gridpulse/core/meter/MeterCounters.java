package io.gridpulse.core.meter;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * What happened to each reading in the meter stage, as Flink counters under the metric group {@code
 * readings}.
 */
record MeterCounters(
        Counter accepted,
        Counter lateAccepted,
        Counter duplicates,
        Counter conflictingDuplicates,
        Counter late,
        Counter rollovers,
        Counter newEpochs,
        Counter frozenRegisters,
        Counter estimated,
        Counter missing) {

    static MeterCounters register(MetricGroup parent) {
        MetricGroup group = parent.addGroup("readings");
        return new MeterCounters(
                group.counter("accepted"),
                group.counter("lateAccepted"),
                group.counter("duplicate"),
                group.counter("conflictingDuplicate"),
                group.counter("late"),
                group.counter("registerRollover"),
                group.counter("registerNewEpoch"),
                group.counter("frozenRegister"),
                group.counter("estimated"),
                group.counter("missing"));
    }
}
