package io.gridpulse.simulator.fault;

import static io.gridpulse.simulator.fault.FaultLedgerCsv.plain;

import io.gridpulse.schema.MeterReading;
import java.time.Instant;

/**
 * The meter's readings from the planned step on are not sent for the planned number of readings (10
 * to 60 minutes for GAP_SHORT, 90 to 180 for GAP_LONG). The first reading after the gap measures
 * the whole gap's energy in one step, which the job accepts (it is plausible over the gap's
 * length), so the energy over the run is exact but counted in the quarter hour after the gap.
 */
final class GapFault extends MeterFault {

    private final JobLimits limits;
    private long previousMillis;
    private double previousWh;
    private double lastMissingWh;
    private Instant firstMissing;
    private Instant lastMissing;
    private long missing;

    GapFault(PlannedFault plan, Timeline timeline, JobLimits limits) {
        super(plan, timeline);
        this.limits = limits;
    }

    @Override
    void accept(MeterReading reading, Forwarder out) {
        long step = stepOf(reading);
        if (step >= plan.step() && step < plan.step() + plan.length()) {
            if (missing == 0) {
                firstMissing = reading.getTimestamp();
            }
            missing++;
            lastMissing = reading.getTimestamp();
            lastMissingWh = reading.getActiveEnergyWh();
            return; // not sent
        }
        if (missing > 0 && !settled()) {
            recordGap(out, reading);
        }
        previousMillis = reading.getTimestamp().toEpochMilli();
        previousWh = reading.getActiveEnergyWh();
        out.reading(reading);
    }

    private void recordGap(Forwarder out, MeterReading resume) {
        long millis = resume.getTimestamp().toEpochMilli();
        double wh = resume.getActiveEnergyWh();
        ExpectedOutcome expected =
                switch (limits.classify(previousMillis, previousWh, millis, wh)) {
                    case MEASURED -> ExpectedOutcome.accepted(EnergyEffect.DEFERRED);
                    // Not with the default limits: the household's average power is far below the
                    // job's maximum.
                    case ROLLOVER, NEW_EPOCH ->
                            new ExpectedOutcome(
                                    null,
                                    0,
                                    1,
                                    0,
                                    EnergyEffect.LOST,
                                    wh
                                            - previousWh
                                            - limits.newEpochEstimateWh(
                                                    previousMillis,
                                                    millis,
                                                    resume.getAveragePowerW()));
                };
        record(
                out,
                expected,
                "; the reading at "
                        + resume.getTimestamp()
                        + " measures "
                        + plain(wh - previousWh)
                        + " Wh across it");
    }

    private void record(Forwarder out, ExpectedOutcome expected, String resumeDetail) {
        out.ledger()
                .recordGap(
                        new Gap(plan.kind(), plan.meterId(), firstMissing, lastMissing, missing));
        record(
                out,
                firstMissing,
                lastMissing,
                expected,
                missing + " readings not sent" + resumeDetail);
    }

    @Override
    void finish(Forwarder out) {
        if (!settled() && missing > 0) {
            // The run ended inside the gap: the job never sees the energy used since the last
            // reading sent.
            record(
                    out,
                    new ExpectedOutcome(
                            null, 0, 0, 0, EnergyEffect.LOST, lastMissingWh - previousWh),
                    "; the run ended before the meter sent again");
        }
        super.finish(out);
    }
}
