package io.gridpulse.core.meter;

import io.gridpulse.core.quality.QualityEvent;
import io.gridpulse.core.vee.RegisterDelta;
import java.util.function.Consumer;

/** What happened to one quarter hour's readings, reported once per quarter. */
final class RepairCounts {
    long accepted;
    long rollovers;
    long newEpochs;
    long frozenRegisters;
    long estimated;
    long missing;
    long lateAccepted;

    void count(RegisterDelta.Kind kind) {
        switch (kind) {
            case ROLLOVER -> rollovers++;
            case NEW_EPOCH -> newEpochs++;
            default -> {}
        }
    }

    /**
     * Adds the counts to the stage's metrics and sends one quality event per outcome that happened.
     */
    void report(
            MeterCounters counters,
            String meterId,
            MeterState meter,
            long quarterEnd,
            Consumer<QualityEvent> events) {
        counters.accepted().inc(accepted);
        counters.rollovers().inc(rollovers);
        counters.newEpochs().inc(newEpochs);
        counters.frozenRegisters().inc(frozenRegisters);
        counters.estimated().inc(estimated);
        counters.missing().inc(missing);
        String[] outcomes = {
            QualityEvent.ROLLOVER,
            QualityEvent.NEW_EPOCH,
            QualityEvent.FROZEN_REGISTER,
            QualityEvent.ESTIMATED,
            QualityEvent.MISSING,
            QualityEvent.LATE_ACCEPTED
        };
        long[] counts = {rollovers, newEpochs, frozenRegisters, estimated, missing, lateAccepted};
        for (int i = 0; i < outcomes.length; i++) {
            if (counts[i] > 0) {
                events.accept(
                        new QualityEvent(
                                meterId,
                                meter.feederId,
                                meter.districtId,
                                outcomes[i],
                                quarterEnd,
                                counts[i]));
            }
        }
    }
}
