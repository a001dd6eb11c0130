package io.gridpulse.simulator.fault;

import static io.gridpulse.simulator.fault.FaultLedgerCsv.plain;

import io.gridpulse.schema.MeterReading;
import java.time.Instant;

/**
 * From the meter's first reading on, the register is reported as {@code (true + offset) mod W} (W =
 * register width) with the offset chosen so that the first reading shows {@code W - 50 Wh}: the
 * register wraps to zero after the household's next 50 Wh, as an old meter's would. Registers and
 * the offset are whole multiples of 1/1024 Wh far below 2^43 Wh, so the shifted and wrapped values
 * are exact and the job's repair (new + W - previous) gives the true interval energy to the bit.
 */
final class RolloverFault extends MeterFault {

    /** Wh before the wrap: a few minutes of a household's consumption. */
    static final double HEADROOM_WH = 50.0;

    private final JobLimits limits;
    private final double widthWh;
    private double offsetWh;
    private Instant first;
    private long previousMillis;
    private double previousReportedWh;

    RolloverFault(PlannedFault plan, Timeline timeline, JobLimits limits) {
        super(plan, timeline);
        this.limits = limits;
        this.widthWh = limits.registerWidthWh();
    }

    @Override
    void accept(MeterReading reading, Forwarder out) {
        double trueWh = reading.getActiveEnergyWh();
        long millis = reading.getTimestamp().toEpochMilli();
        boolean isFirst = first == null;
        if (isFirst) {
            first = reading.getTimestamp();
            offsetWh = widthWh - trueWh - HEADROOM_WH;
        }
        double reported = trueWh + offsetWh;
        if (reported >= widthWh) {
            reported -= widthWh;
        }
        if (!isFirst && reported < previousReportedWh && !settled()) {
            recordWrap(out, reading.getTimestamp(), millis, reported);
        }
        reading.setActiveEnergyWh(reported);
        previousMillis = millis;
        previousReportedWh = reported;
        out.reading(reading);
    }

    private void recordWrap(Forwarder out, Instant at, long millis, double reported) {
        // The job should repair it; were the limits such that it cannot, it would start a new epoch
        // instead.
        boolean repaired =
                limits.classify(previousMillis, previousReportedWh, millis, reported)
                        == JobLimits.RegisterStep.ROLLOVER;
        ExpectedOutcome expected =
                repaired
                        ? new ExpectedOutcome(null, 1, 0, 0, EnergyEffect.EXACT, 0.0)
                        : new ExpectedOutcome(null, 0, 1, 0, EnergyEffect.ESTIMATED, 0.0);
        record(
                out,
                first,
                at,
                expected,
                "register shifted by "
                        + plain(offsetWh)
                        + " Wh to start at "
                        + plain(widthWh - HEADROOM_WH)
                        + " Wh; wrapped from "
                        + plain(previousReportedWh)
                        + " to "
                        + plain(reported)
                        + " Wh");
    }

    @Override
    void finish(Forwarder out) {
        if (!settled() && first != null) {
            record(
                    out,
                    first,
                    Instant.ofEpochMilli(previousMillis),
                    ExpectedOutcome.accepted(EnergyEffect.EXACT),
                    "register shifted by "
                            + plain(offsetWh)
                            + " Wh, but the household used less than "
                            + plain(HEADROOM_WH)
                            + " Wh during the run: it never wrapped");
        }
        super.finish(out);
    }
}
