package io.gridpulse.simulator.fault;

import io.gridpulse.schema.MeterReading;
import java.time.Instant;

/**
 * What happens to the readings of one faulty meter. The injector hands it each of the meter's
 * readings in time order; it forwards what the meter "sends" and records the fault in the ledger
 * once its outcome is known.
 */
abstract class MeterFault {

    protected final PlannedFault plan;
    protected final Timeline timeline;
    private boolean settled;

    MeterFault(PlannedFault plan, Timeline timeline) {
        this.plan = plan;
        this.timeline = timeline;
    }

    /** Takes the meter's next clean reading (the fault may change, hold, drop or add to it). */
    abstract void accept(MeterReading reading, Forwarder out);

    /**
     * The run has ended: release what is held and record a fault cut short. Called once. Subclasses
     * that hold something release it and then call this, which marks a fault the run never reached
     * as skipped.
     */
    void finish(Forwarder out) {
        if (!settled) {
            skip(out, "the run ended before the fault was due");
        }
    }

    /** Whether the fault is in the ledger (injected or skipped). */
    protected final boolean settled() {
        return settled;
    }

    protected final long stepOf(MeterReading reading) {
        return timeline.stepOf(reading.getTimestamp());
    }

    protected final void record(
            Forwarder out, Instant from, Instant to, ExpectedOutcome expected, String detail) {
        settled = true;
        out.ledger()
                .record(
                        new InjectedFault(
                                plan.kind(),
                                plan.meterId(),
                                plan.feederId(),
                                plan.districtId(),
                                from,
                                to,
                                expected,
                                detail));
    }

    protected final void skip(Forwarder out, String reason) {
        settled = true;
        out.ledger()
                .skip(
                        new SkippedFault(
                                plan.kind(),
                                plan.meterId(),
                                plan.feederId(),
                                plan.districtId(),
                                reason));
    }

    /**
     * A copy the sink may keep: the original goes out too, and the sinks keep what they are given.
     */
    protected static MeterReading copyOf(MeterReading reading) {
        return MeterReading.newBuilder(reading).build();
    }
}
