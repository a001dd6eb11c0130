package io.gridpulse.simulator.fault;

import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.MeterReading;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * The meter's reading at the planned step goes out as it is, followed by a copy with one defect
 * that the job must reject (a bad id, value, timestamp or power, or a duplicate). The real reading
 * is untouched, so the meter's energy is exact.
 */
final class DefectiveCopyFault extends MeterFault {

    /** Stamp of ANCIENT_TIMESTAMP copies: far older than the job's ten-year retention horizon. */
    static final Instant ANCIENT = Instant.parse("1990-01-01T00:00:00Z");

    static final Duration FUTURE_OFFSET = Duration.ofDays(365);
    static final double NEGATIVE_POWER_W = -100.0;
    static final double TOO_HIGH_POWER_W = 50_000.0;

    private final Defect defect;

    private DefectiveCopyFault(PlannedFault plan, Timeline timeline, Defect defect) {
        super(plan, timeline);
        this.defect = defect;
    }

    static DefectiveCopyFault of(PlannedFault plan, Timeline timeline, FaultConfig config) {
        return new DefectiveCopyFault(plan, timeline, defect(plan.kind(), config));
    }

    @Override
    void accept(MeterReading reading, Forwarder out) {
        out.reading(reading);
        if (stepOf(reading) == plan.step()) {
            MeterReading copy = copyOf(reading);
            defect.spoil().accept(copy);
            out.extra(copy);
            record(
                    out,
                    reading.getTimestamp(),
                    reading.getTimestamp(),
                    ExpectedOutcome.rejected(defect.reason()),
                    defect.detail());
        }
    }

    private static Defect defect(FaultKind kind, FaultConfig config) {
        Clock clock = config.clock();
        // 50 kW is well above the job's default 30 kW; should the limit be raised that far, go
        // above it still.
        double maxPowerW = config.limits().maxPowerW();
        double tooHighW = maxPowerW < TOO_HIGH_POWER_W ? TOO_HIGH_POWER_W : 2 * maxPowerW;
        return switch (kind) {
            case MISSING_ID ->
                    new Defect(
                            r -> r.setMeterId(""),
                            DeadLetterReason.MISSING_ID,
                            "extra copy with an empty meter id");
            case MALFORMED_ID ->
                    new Defect(
                            r -> r.setMeterId(r.getMeterId() + " !"),
                            DeadLetterReason.MALFORMED_ID,
                            "extra copy with meter id '<id> !' (a space and a '!')");
            case MALFORMED_VALUE ->
                    new Defect(
                            r -> r.setActiveEnergyWh(Double.NaN),
                            DeadLetterReason.MALFORMED_VALUE,
                            "extra copy with register NaN");
            case FUTURE_TIMESTAMP ->
                    new Defect(
                            r ->
                                    r.setTimestamp(
                                            clock.instant()
                                                    .truncatedTo(ChronoUnit.MILLIS)
                                                    .plus(FUTURE_OFFSET)),
                            DeadLetterReason.FUTURE_TIMESTAMP,
                            "extra copy stamped "
                                    + FUTURE_OFFSET.toDays()
                                    + " days after the injector's clock");
            case ANCIENT_TIMESTAMP ->
                    new Defect(
                            r -> r.setTimestamp(ANCIENT),
                            DeadLetterReason.ANCIENT_TIMESTAMP,
                            "extra copy stamped " + ANCIENT);
            case NEGATIVE_POWER ->
                    new Defect(
                            r -> r.setAveragePowerW(NEGATIVE_POWER_W),
                            DeadLetterReason.NEGATIVE_POWER,
                            "extra copy with average power " + NEGATIVE_POWER_W + " W");
            case POWER_TOO_HIGH ->
                    new Defect(
                            r -> r.setAveragePowerW(tooHighW),
                            DeadLetterReason.POWER_TOO_HIGH,
                            "extra copy with average power " + tooHighW + " W");
            case DUPLICATE ->
                    new Defect(
                            r -> {}, DeadLetterReason.DUPLICATE, "the reading sent twice in a row");
            case CONFLICTING_DUPLICATE ->
                    new Defect(
                            r -> r.setActiveEnergyWh(r.getActiveEnergyWh() + 1),
                            DeadLetterReason.CONFLICTING_DUPLICATE,
                            "the reading, then a copy with the register 1 Wh higher"
                                    + " (the first is kept)");
            default -> throw new IllegalArgumentException(kind + " is not a defective-copy fault");
        };
    }

    /** How the copy is spoiled, the dead letter it earns, and the ledger's description. */
    private record Defect(Consumer<MeterReading> spoil, DeadLetterReason reason, String detail) {}
}
