package io.gridpulse.simulator.fault;

import static io.gridpulse.simulator.fault.FaultLedgerCsv.plain;

import io.gridpulse.schema.MeterReading;
import java.time.Instant;

/**
 * From the planned step, the register sticks at its last value for {@link
 * FaultPlanner#FROZEN_READINGS} readings while the power stays true; then the true register is back
 * and catches up in one step.
 *
 * <p>What the job should make of it is only known afterwards, so the fault is recorded when the
 * register resumes:
 *
 * <ul>
 *   <li>a frozen flag if the power stayed at or above the job's frozen minimum for its
 *       frozen-intervals count in a row (with the defaults: 15 of the 20 stuck readings at 50 W or
 *       more, in a row);
 *   <li>the catch-up step covers the whole stuck stretch and the job judges it against that stretch
 *       (the time since the register last moved): within what the maximum power could deliver
 *       (times 1.5) the energy is exact over the run, deferred to the catch-up; beyond it the job
 *       starts a new epoch and the rest is lost.
 * </ul>
 */
final class FrozenFault extends MeterFault {

    private final JobLimits limits;
    private long previousMillis;
    private double previousWh;

    /** Time of the last reading before the freeze: the register last moved then. */
    private long movedMillis;

    private double stuckWh;
    private Instant firstStuck;
    private Instant lastStuck;
    private int stuckReadings;
    private int belowMinPower;
    private int powerRun;
    private int frozenFlags;

    FrozenFault(PlannedFault plan, Timeline timeline, JobLimits limits) {
        super(plan, timeline);
        this.limits = limits;
    }

    @Override
    void accept(MeterReading reading, Forwarder out) {
        long step = stepOf(reading);
        long millis = reading.getTimestamp().toEpochMilli();
        double trueWh = reading.getActiveEnergyWh();
        if (step >= plan.step() && step < plan.step() + plan.length()) {
            if (stuckReadings == 0) {
                stuckWh = previousWh;
                movedMillis = previousMillis;
                firstStuck = reading.getTimestamp();
            }
            countStuck(reading);
            reading.setActiveEnergyWh(stuckWh);
        } else if (step == plan.step() + plan.length() && stuckReadings > 0) {
            recordResume(out, reading, millis, trueWh);
        }
        previousMillis = millis;
        previousWh = trueWh;
        out.reading(reading);
    }

    /**
     * Mirrors the job's count: consecutive unchanged registers with enough power; a flag when it
     * reaches the limit.
     */
    private void countStuck(MeterReading reading) {
        stuckReadings++;
        lastStuck = reading.getTimestamp();
        if (reading.getAveragePowerW() >= limits.frozenMinPowerW()) {
            powerRun++;
            if (powerRun == limits.frozenIntervals()) {
                frozenFlags++;
            }
        } else {
            belowMinPower++;
            powerRun = 0;
        }
    }

    private void recordResume(Forwarder out, MeterReading reading, long millis, double trueWh) {
        double catchUpWh = trueWh - stuckWh;
        // The job judges a catch-up against the time since the register last moved, not one
        // interval.
        JobLimits.RegisterStep step = limits.classify(movedMillis, stuckWh, millis, trueWh);
        ExpectedOutcome expected;
        String judged;
        if (step == JobLimits.RegisterStep.MEASURED) {
            expected = new ExpectedOutcome(null, 0, 0, frozenFlags, EnergyEffect.DEFERRED, 0.0);
            judged = "measured";
        } else {
            double estimateWh =
                    limits.newEpochEstimateWh(previousMillis, millis, reading.getAveragePowerW());
            expected =
                    new ExpectedOutcome(
                            null, 0, 1, frozenFlags, EnergyEffect.LOST, catchUpWh - estimateWh);
            judged = "too large for one interval: a new epoch";
        }
        record(
                out,
                firstStuck,
                lastStuck,
                expected,
                describe()
                        + "; catch-up of "
                        + plain(catchUpWh)
                        + " Wh at "
                        + reading.getTimestamp()
                        + " "
                        + judged);
    }

    private String describe() {
        return "register stuck at "
                + plain(stuckWh)
                + " Wh for "
                + stuckReadings
                + " readings, "
                + belowMinPower
                + " of them below "
                + plain(limits.frozenMinPowerW())
                + " W";
    }

    @Override
    void finish(Forwarder out) {
        if (!settled() && stuckReadings > 0) {
            // The run ended while stuck: the job never sees the energy used since the register
            // froze.
            record(
                    out,
                    firstStuck,
                    lastStuck,
                    new ExpectedOutcome(
                            null, 0, 0, frozenFlags, EnergyEffect.LOST, previousWh - stuckWh),
                    describe() + "; the run ended before it resumed");
        }
        super.finish(out);
    }
}
