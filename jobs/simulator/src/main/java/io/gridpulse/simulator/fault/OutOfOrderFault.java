package io.gridpulse.simulator.fault;

import io.gridpulse.schema.MeterReading;

/**
 * The meter's reading at the planned step is held back and sent right after its next one. The plan
 * only picks a reading that shares its quarter hour with the next (never one on a quarter hour), so
 * the job, which sorts a meter's readings until their quarter hour closes, takes it as if nothing
 * happened.
 */
final class OutOfOrderFault extends MeterFault {

    private MeterReading held;

    OutOfOrderFault(PlannedFault plan, Timeline timeline) {
        super(plan, timeline);
    }

    @Override
    void accept(MeterReading reading, Forwarder out) {
        if (stepOf(reading) == plan.step()) {
            held = reading;
            return;
        }
        out.reading(reading);
        if (held != null) {
            out.reading(held);
            record(
                    out,
                    held.getTimestamp(),
                    reading.getTimestamp(),
                    ExpectedOutcome.accepted(EnergyEffect.EXACT),
                    "the reading at "
                            + held.getTimestamp()
                            + " sent after the one at "
                            + reading.getTimestamp());
            held = null;
        }
    }

    @Override
    void finish(Forwarder out) {
        if (held != null) {
            out.reading(held);
            held = null;
            skip(
                    out,
                    "the run ended before the meter's next reading; the held reading went out last, in order");
        }
        super.finish(out);
    }
}
