package io.gridpulse.simulator.fault;

import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.MeterReading;

/**
 * At the planned step, after the meter's reading, an identical copy of its reading from (up to) two
 * hours of stream time earlier: by then the job has closed that reading's quarter hour, so the copy
 * is late (or, if the job's watermark lags in a fast replay, a duplicate: one dead letter either
 * way). The copied reading went out normally an hour before, so the meter's energy is exact.
 */
final class LateFault extends MeterFault {

    private final long originalStep;
    private MeterReading original;

    LateFault(PlannedFault plan, Timeline timeline) {
        super(plan, timeline);
        // Two hours back where the run allows (the job's default allowed lateness is one hour),
        // else the first reading.
        this.originalStep = Math.max(0, plan.step() - 2 * timeline.stepsPerHourRoundedUp());
    }

    @Override
    void accept(MeterReading reading, Forwarder out) {
        out.reading(reading);
        long step = stepOf(reading);
        if (step == originalStep) {
            original = copyOf(reading);
        } else if (step == plan.step() && original != null) {
            out.extra(original);
            record(
                    out,
                    original.getTimestamp(),
                    reading.getTimestamp(),
                    ExpectedOutcome.rejected(DeadLetterReason.LATE),
                    "identical copy of the reading at "
                            + original.getTimestamp()
                            + " sent again after the one at "
                            + reading.getTimestamp());
            original = null;
        }
    }
}
