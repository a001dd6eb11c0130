package io.gridpulse.simulator.fault;

import io.gridpulse.schema.MeterReading;
import io.gridpulse.simulator.ReadingSink;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link ReadingSink} that injects defects into the clean readings on their way to the real sink,
 * and keeps the {@link FaultLedger} of what it did and what the job should make of it:
 *
 * <pre>
 * FaultInjector faults = FaultInjector.wrap(sink, FaultConfig.defaults(config));
 * GroundTruth truth = new Simulation(config).run(faults);   // energy truth, unchanged by the faults
 * FaultLedger ledger = faults.ledger();                     // defect truth
 * </pre>
 *
 * Readings of meters without a fault pass through untouched. Extra records (copies, garbage) go to
 * the same sink right after the reading they belong to, so on Kafka they are keyed like the meter's
 * readings and stay in order on its partition. One injector serves one run: {@link #flush()}, which
 * the simulation calls once at the end, releases anything held back and completes the ledger.
 */
public final class FaultInjector implements ReadingSink {

    private final ReadingSink delegate;
    private final FaultLedger ledger = new FaultLedger();
    private final Forwarder out;
    // In plan order, so that faults cut short by the end of the run enter the ledger in a fixed
    // order.
    private final Map<String, MeterFault> faultsByMeter = new LinkedHashMap<>();
    private boolean finished;

    private FaultInjector(ReadingSink delegate, FaultConfig config) {
        this.delegate = delegate;
        this.out = new Forwarder(delegate, ledger);
        Timeline timeline = Timeline.of(config.simulation());
        for (PlannedFault plan : FaultPlanner.plan(config)) {
            String unfit = unfitReason(plan, timeline);
            if (unfit == null) {
                faultsByMeter.put(plan.meterId(), create(plan, timeline, config));
            } else {
                ledger.skip(
                        new SkippedFault(
                                plan.kind(),
                                plan.meterId(),
                                plan.feederId(),
                                plan.districtId(),
                                unfit));
            }
        }
    }

    /** Puts the faults the config describes between the simulation and {@code delegate}. */
    public static FaultInjector wrap(ReadingSink delegate, FaultConfig config) {
        return new FaultInjector(delegate, config);
    }

    /** Why a planned fault cannot be injected into this run and sink, or null if it can. */
    private String unfitReason(PlannedFault plan, Timeline timeline) {
        if (plan.kind() == FaultKind.GARBAGE && !delegate.acceptsRaw()) {
            return "the sink cannot carry raw records (only Kafka can)";
        }
        if (!plan.placed()) {
            return "no reading shares its quarter hour with the next at a "
                    + timeline.intervalMillis() / 1000
                    + " s interval, so a reading sent after the next would always be late";
        }
        return null;
    }

    private static MeterFault create(PlannedFault plan, Timeline timeline, FaultConfig config) {
        JobLimits limits = config.limits();
        return switch (plan.kind()) {
            case GARBAGE -> new GarbageFault(plan, timeline);
            case MISSING_ID,
                    MALFORMED_ID,
                    MALFORMED_VALUE,
                    FUTURE_TIMESTAMP,
                    ANCIENT_TIMESTAMP,
                    NEGATIVE_POWER,
                    POWER_TOO_HIGH,
                    DUPLICATE,
                    CONFLICTING_DUPLICATE ->
                    DefectiveCopyFault.of(plan, timeline, config);
            case LATE -> new LateFault(plan, timeline);
            case OUT_OF_ORDER -> new OutOfOrderFault(plan, timeline);
            case ROLLOVER -> new RolloverFault(plan, timeline, limits);
            case METER_SWAP -> new MeterSwapFault(plan, timeline);
            case FROZEN -> new FrozenFault(plan, timeline, limits);
            case GAP_SHORT, GAP_LONG -> new GapFault(plan, timeline, limits);
        };
    }

    @Override
    public void accept(MeterReading reading) {
        MeterFault fault = faultsByMeter.get(reading.getMeterId());
        if (fault == null) {
            out.reading(reading);
        } else {
            fault.accept(reading, out);
        }
    }

    /** Ends the run's faults (first call only), then flushes the real sink. */
    @Override
    public void flush() {
        if (!finished) {
            finished = true;
            for (MeterFault fault : faultsByMeter.values()) {
                fault.finish(out);
            }
        }
        delegate.flush();
    }

    /** Closes the real sink. */
    @Override
    public void close() {
        delegate.close();
    }

    /** What was injected and expected; complete after the run (see {@link FaultLedger}). */
    public FaultLedger ledger() {
        return ledger;
    }
}
