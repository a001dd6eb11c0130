package io.gridpulse.simulator.fault;

import static io.gridpulse.simulator.fault.FaultLedgerCsv.plain;

import io.gridpulse.schema.MeterReading;

/**
 * From the planned step on, the meter is a new one: it reports {@code true - trueAtSwap + 10 Wh}, a
 * register that starts near zero. The job cannot measure the swap interval across two meters,
 * starts a new epoch and estimates that interval from its average power; every later interval is
 * measured again.
 */
final class MeterSwapFault extends MeterFault {

    /** The new meter's register at its first reading. */
    static final double NEW_METER_START_WH = 10.0;

    private double trueAtSwapWh;

    MeterSwapFault(PlannedFault plan, Timeline timeline) {
        super(plan, timeline);
    }

    @Override
    void accept(MeterReading reading, Forwarder out) {
        long step = stepOf(reading);
        if (step == plan.step()) {
            trueAtSwapWh = reading.getActiveEnergyWh();
            recordSwap(out, reading);
        }
        if (step >= plan.step()) {
            reading.setActiveEnergyWh(
                    reading.getActiveEnergyWh() - trueAtSwapWh + NEW_METER_START_WH);
        }
        out.reading(reading);
    }

    private void recordSwap(Forwarder out, MeterReading reading) {
        // A drop to 10 Wh is a rollover only from the top tenth of the register; simulated
        // registers stay below
        // 1e8 Wh, a tenth of the default width, so the job always sees a reset here.
        ExpectedOutcome expected = new ExpectedOutcome(null, 0, 1, 0, EnergyEffect.ESTIMATED, 0.0);
        record(
                out,
                reading.getTimestamp(),
                reading.getTimestamp(),
                expected,
                "new meter: register "
                        + plain(NEW_METER_START_WH)
                        + " Wh instead of "
                        + plain(trueAtSwapWh)
                        + " Wh, counting on from there");
    }
}
