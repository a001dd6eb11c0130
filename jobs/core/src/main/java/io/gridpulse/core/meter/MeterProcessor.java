package io.gridpulse.core.meter;

import io.gridpulse.core.io.AvroSingleObjectSerializer;
import io.gridpulse.core.io.DeadLetters;
import io.gridpulse.core.io.ReadingTypes;
import io.gridpulse.core.quality.DataQuality;
import io.gridpulse.core.quality.QualityEvent;
import io.gridpulse.core.vee.DuplicateRule;
import io.gridpulse.core.vee.FrozenRegisterRule;
import io.gridpulse.core.vee.GapRule;
import io.gridpulse.core.vee.LatenessRule;
import io.gridpulse.core.vee.RegisterDelta;
import io.gridpulse.core.vee.RegisterRules;
import io.gridpulse.core.vee.Rejection;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.schema.QuarterHours;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The meter stage: each meter's state, timers and outputs, with one piece of state and one timer
 * per meter and quarter hour. Readings wait in the meter's state until the watermark passes the end
 * of their quarter hour, so they are processed sorted by time whatever order they arrived in; then
 * the reading rules of {@code vee/} (VEE: validation, estimation, editing) decide what each one
 * adds:
 *
 * <ul>
 *   <li>duplicates ({@link DuplicateRule}): kept out, to the dead-letter output, so nothing
 *       vanishes;
 *   <li>interval energy is the register delta to the previous accepted reading, rollovers repaired
 *       and resets starting a new epoch ({@link RegisterRules});
 *   <li>frozen registers are flagged ({@link FrozenRegisterRule});
 *   <li>gaps are filled or left missing and reported ({@link GapRule}, {@link #GAPS});
 *   <li>late readings are additions to their closed quarter or kept out as LATE ({@link
 *       LatenessRule}).
 * </ul>
 *
 * The output is {@link MeterQuarter} additions: each quarter hour once when the watermark closes
 * it, then whatever late readings and gap filling add to it. Roll-ups sum them, so every window
 * stays exact without retractions.
 */
public final class MeterProcessor extends KeyedProcessFunction<String, MeterReading, MeterQuarter> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> REJECTED =
            new OutputTag<>("meter-rejected", ReadingTypes.DEAD_LETTER);

    /** Per quarter hour, how many readings were repaired, flagged, estimated or left missing. */
    public static final OutputTag<QualityEvent> REPAIRS =
            new OutputTag<>("meter-repairs", DataQuality.EVENT);

    /**
     * Each meter's quarter hour as a whole: when the watermark closes it, and again with its new
     * totals after every later addition (the InfluxDB point is rewritten). Emitted here rather than
     * by a window, so a quarter's aggregate leaves as soon as its timer fires, and the recent
     * totals are a few arrays in the meter's state.
     */
    public static final OutputTag<MeterAggregate> QUARTERS =
            new OutputTag<>("meter-quarters", ReadingTypes.METER_AGGREGATE);

    /** Gaps longer than {@code vee.max-gap}. */
    public static final OutputTag<MeterGap> GAPS =
            new OutputTag<>("meter-gaps", TypeInformation.of(MeterGap.class));

    private final RegisterRules registers;
    private final DuplicateRule duplicates;
    private final GapRule gaps;
    private final FrozenRegisterRule frozen;
    private final LatenessRule lateness;
    private final int expectedSamples;

    /**
     * Quarters a late addition can reach back: the roll-ups' lateness, plus the open and the
     * closing quarter.
     */
    private final int recentCapacity;

    private final AvroSingleObjectSerializer<MeterReading> serializer =
            new AvroSingleObjectSerializer<>(MeterReading.class);

    /** A meter silent this long is forgotten (its state cleared). */
    private final long retentionMillis;

    private transient ValueState<MeterState> state;
    private transient MeterCounters counters;

    public MeterProcessor(MeterSettings settings) {
        this.registers = settings.registers();
        this.duplicates = settings.duplicates();
        this.gaps = settings.gaps();
        this.frozen = settings.frozen();
        this.lateness = settings.lateness();
        this.retentionMillis = settings.retention().toMillis();
        this.expectedSamples =
                (int) Math.max(1, QuarterHours.MILLIS / settings.readingInterval().toMillis());
        this.recentCapacity =
                (int) Math.ceil(settings.rollupLateness().toMillis() / (double) QuarterHours.MILLIS)
                        + 2;
    }

    @Override
    public void open(OpenContext openContext) {
        state =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "meter", TypeInformation.of(MeterState.class)));
        counters = MeterCounters.register(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(MeterReading reading, Context ctx, Collector<MeterQuarter> out)
            throws Exception {
        long quarterEnd = QuarterHours.endOf(reading.getTimestamp().toEpochMilli());
        switch (lateness.timing(quarterEnd, ctx.timerService().currentWatermark())) {
            case ON_TIME -> addPending(reading, quarterEnd, ctx);
            case LATE_ACCEPTED -> addLate(reading, quarterEnd, ctx, out);
            case TOO_LATE -> rejectLate(reading, quarterEnd, ctx, "after the allowed lateness");
        }
    }

    private void rejectLate(MeterReading reading, long quarterEnd, Context ctx, String why) {
        counters.late().inc();
        reject(LatenessRule.late(reading, quarterEnd, why), reading, ctx);
    }

    private void addPending(MeterReading reading, long quarterEnd, Context ctx) throws Exception {
        MeterState meter = stateOf(reading);
        PendingReadings pending = meter.pending;
        boolean timerAlreadySet =
                pending.size > 0
                        && QuarterHours.endOf(pending.timestamp(pending.size - 1)) == quarterEnd;
        pending.add(reading);
        if (!timerAlreadySet) {
            ctx.timerService().registerEventTimeTimer(quarterEnd);
        }
        state.update(meter);
    }

    /**
     * A reading for a quarter hour that has closed, within the allowed lateness: an addition to
     * that quarter.
     */
    private void addLate(
            MeterReading reading, long quarterEnd, Context ctx, Collector<MeterQuarter> out)
            throws Exception {
        MeterState meter = stateOf(reading);
        long timestamp = reading.getTimestamp().toEpochMilli();
        String meterId = reading.getMeterId();
        RepairCounts repairs = new RepairCounts();
        if (meter.hasAcceptedReading() && timestamp <= meter.lastTimestamp) {
            switch (duplicates.late(meter.lastTimestamp, meter.acceptedSlots, timestamp)) {
                case UNKNOWABLE -> {
                    rejectLate(
                            reading,
                            quarterEnd,
                            ctx,
                            "more than "
                                    + DuplicateRule.REMEMBERED_INTERVALS
                                    + " reading intervals behind the meter's latest");
                    return;
                }
                case COPY -> {
                    counters.duplicates().inc();
                    reject(DuplicateRule.lateCopy(meterId, reading.getTimestamp()), reading, ctx);
                    return;
                }
                case NEW -> {
                    // The register chain has moved past it: its energy is already in the delta
                    // around it; it adds its sample.
                    MeterQuarter addition =
                            new MeterQuarter(
                                    meterId,
                                    meter.feederId,
                                    meter.districtId,
                                    quarterEnd,
                                    !duplicates.anyIn(
                                            meter.lastTimestamp,
                                            meter.acceptedSlots | meter.estimatedSlots,
                                            quarterEnd));
                    addition.addSample(reading.getAveragePowerW(), voltageOf(reading));
                    int slot = duplicates.slotOf(meter.lastTimestamp, timestamp);
                    if (slot >= 0) {
                        meter.acceptedSlots |= 1L << slot;
                        meter.estimatedSlots &= ~(1L << slot);
                    }
                    repairs.accepted++;
                    emit(addition, meter, ctx, out);
                }
            }
        } else {
            // Newer than anything accepted: the next link of the register chain, in a quarter hour
            // that has closed.
            boolean first =
                    !(meter.hasAcceptedReading()
                            && QuarterHours.endOf(meter.lastTimestamp) == quarterEnd);
            MeterQuarter quarter =
                    new MeterQuarter(meterId, meter.feederId, meter.districtId, quarterEnd, first);
            accept(
                    meter,
                    timestamp,
                    reading.getActiveEnergyWh(),
                    reading.getAveragePowerW(),
                    voltageOf(reading),
                    reading.getEstimated(),
                    quarter,
                    repairs,
                    ctx,
                    out);
            emit(quarter, meter, ctx, out);
        }
        counters.lateAccepted().inc();
        repairs.lateAccepted++;
        state.update(meter);
        report(meterId, meter, quarterEnd, repairs, ctx);
    }

    @Override
    public void onTimer(long quarterEnd, OnTimerContext ctx, Collector<MeterQuarter> out)
            throws Exception {
        MeterState meter = state.value();
        if (meter == null) {
            return;
        }
        String meterId = ctx.getCurrentKey();
        PendingReadings pending = meter.pending;
        int due = pending.countUpTo(quarterEnd);
        MeterQuarter quarter =
                new MeterQuarter(meterId, meter.feederId, meter.districtId, quarterEnd, true);
        RepairCounts repairs = new RepairCounts();
        for (int i = 0; i < due; i++) {
            if (meter.hasAcceptedReading() && pending.timestamp(i) == meter.lastTimestamp) {
                rejectCopyOfLast(meter, meterId, pending, i, ctx);
            } else {
                accept(
                        meter,
                        pending.timestamp(i),
                        pending.registerWh(i),
                        pending.powerW(i),
                        pending.voltageV(i),
                        pending.estimated(i),
                        quarter,
                        repairs,
                        ctx,
                        out);
            }
        }
        pending.dropOldest(due);
        if (quarter.samples > 0) {
            emit(quarter, meter, ctx, out);
        }
        if (forgotten(meter, quarterEnd, ctx)) {
            state.clear();
            return;
        }
        state.update(meter); // after emit(), which keeps the quarter's totals in the meter's state
        report(meterId, meter, quarterEnd, repairs, ctx);
    }

    /**
     * Whether the meter has been silent for the retention at {@code time}; otherwise makes sure one
     * timer will ask again. One timer per meter, moved on only when it fires: a reading costs no
     * timer of its own.
     */
    private boolean forgotten(MeterState meter, long time, Context ctx) {
        if (meter.pending.size > 0) {
            return false; // their quarter's timer asks again
        }
        if (ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            return false; // the input has ended: the state ends with the job (BATCH takes no timer
            // now)
        }
        long last = meter.hasAcceptedReading() ? meter.lastTimestamp : time;
        long due = QuarterHours.endOf(last + retentionMillis);
        if (due <= time) {
            return true;
        }
        if (meter.forgetAt <= time) {
            meter.forgetAt = due;
            ctx.timerService().registerEventTimeTimer(due);
        }
        return false;
    }

    /**
     * Takes a reading newer than the meter's last accepted one into {@code quarter}, its own
     * quarter hour.
     */
    private void accept(
            MeterState meter,
            long timestamp,
            double registerWh,
            double powerW,
            double voltageV,
            boolean sentEstimated,
            MeterQuarter quarter,
            RepairCounts repairs,
            Context ctx,
            Collector<MeterQuarter> out) {
        int steps = 0;
        long interpolated = 0;
        if (meter.hasAcceptedReading()) {
            long previous = meter.lastTimestamp;
            RegisterDelta delta =
                    registers.between(
                            previous,
                            meter.lastRegisterWh,
                            timestamp,
                            registerWh,
                            powerW,
                            meter.registerMovedAt);
            repairs.count(delta.kind());
            // energy the sender estimated (an interval missing from an export) stays estimated
            boolean estimatedDelta = delta.estimated() || sentEstimated;
            steps = gaps.steps(previous, timestamp);
            long missing = gaps.missing(previous, timestamp);
            switch (gaps.kind(previous, timestamp)) {
                case NONE ->
                        quarter.addEnergy(delta.energyWh(), estimatedDelta ? delta.energyWh() : 0);
                case SPREAD -> {
                    spread(meter, previous, timestamp, delta, estimatedDelta, quarter, ctx, out);
                    interpolated = missing;
                }
                case TOO_LONG -> {
                    leaveMissing(meter, timestamp, delta, powerW, missing, quarter, ctx);
                    repairs.missing += missing;
                }
            }
            meter.frozenIntervals =
                    frozen.run(meter.frozenIntervals, meter.lastRegisterWh, registerWh, powerW);
            if (frozen.flags(meter.frozenIntervals)) {
                repairs.frozenRegisters++;
            }
        }
        quarter.addSample(powerW, voltageV);
        repairs.accepted++;
        repairs.estimated += interpolated;
        meter.acceptedSlots = DuplicateRule.shiftAccepted(meter.acceptedSlots, steps);
        meter.estimatedSlots = DuplicateRule.shiftOthers(meter.estimatedSlots, steps);
        for (int i = 1; i <= interpolated && i < DuplicateRule.REMEMBERED_INTERVALS; i++) {
            meter.estimatedSlots |= 1L << i;
        }
        if (!meter.hasAcceptedReading() || registerWh != meter.lastRegisterWh) {
            meter.registerMovedAt = timestamp;
        }
        meter.lastTimestamp = timestamp;
        meter.lastRegisterWh = registerWh;
        meter.lastPowerW = powerW;
        meter.lastVoltageV = voltageV;
    }

    /**
     * The register delta spread over the quarter hours from the last reading to this one ({@link
     * GapRule#spread}): quarters before the reading's own have closed already and get additions.
     */
    private void spread(
            MeterState meter,
            long previous,
            long timestamp,
            RegisterDelta delta,
            boolean estimated,
            MeterQuarter quarter,
            Context ctx,
            Collector<MeterQuarter> out) {
        long firstQuarterEnd = QuarterHours.endOf(previous);
        gaps.spread(
                previous,
                timestamp,
                delta.energyWh(),
                estimated,
                (end, wh, estimatedWh) -> {
                    if (end == quarter.end) {
                        quarter.addEnergy(wh, estimatedWh);
                    } else {
                        MeterQuarter addition =
                                new MeterQuarter(
                                        quarter.meterId,
                                        meter.feederId,
                                        meter.districtId,
                                        end,
                                        end != firstQuarterEnd);
                        addition.addEnergy(wh, estimatedWh);
                        emit(addition, meter, ctx, out);
                    }
                });
    }

    /**
     * A gap too long to fill: the reading's own interval is estimated from its power, the rest of
     * the register delta is reported with the gap instead of being invented into windows.
     */
    private void leaveMissing(
            MeterState meter,
            long timestamp,
            RegisterDelta delta,
            double powerW,
            long missing,
            MeterQuarter quarter,
            Context ctx) {
        double ownWh = gaps.ownIntervalWh(delta.energyWh(), powerW);
        quarter.addEnergy(ownWh, ownWh);
        ctx.output(
                GAPS,
                new MeterGap(
                        quarter.meterId,
                        meter.feederId,
                        meter.districtId,
                        gaps.firstMissing(meter.lastTimestamp),
                        gaps.lastMissing(timestamp),
                        missing,
                        delta.energyWh() - ownWh));
    }

    /** Sends an addition to the roll-ups, and its quarter's new totals to {@link #QUARTERS}. */
    private void emit(
            MeterQuarter addition, MeterState meter, Context ctx, Collector<MeterQuarter> out) {
        out.collect(addition);
        int i = meter.recent.add(addition, recentCapacity);
        if (i >= 0) { // older quarters: the roll-ups drop the addition as late too
            ctx.output(
                    QUARTERS, meter.recent.aggregate(i, addition.meterId, meter, expectedSamples));
        }
    }

    private MeterState stateOf(MeterReading reading) throws Exception {
        MeterState meter = state.value();
        if (meter == null) {
            meter = new MeterState();
        }
        meter.feederId = reading.getFeederId();
        meter.districtId = reading.getDistrictId();
        return meter;
    }

    private void rejectCopyOfLast(
            MeterState meter, String meterId, PendingReadings pending, int i, Context ctx) {
        MeterReading reading = pending.toReading(i, meterId, meter.feederId, meter.districtId);
        Rejection rejection =
                DuplicateRule.copyOfLast(
                        meterId,
                        reading.getTimestamp(),
                        pending.registerWh(i),
                        pending.powerW(i),
                        pending.voltageV(i),
                        meter.lastRegisterWh,
                        meter.lastPowerW,
                        meter.lastVoltageV);
        if (rejection.reason() == DeadLetterReason.DUPLICATE) {
            counters.duplicates().inc();
        } else {
            counters.conflictingDuplicates().inc();
        }
        reject(rejection, reading, ctx);
    }

    private void report(
            String meterId, MeterState meter, long quarterEnd, RepairCounts repairs, Context ctx) {
        repairs.report(counters, meterId, meter, quarterEnd, event -> ctx.output(REPAIRS, event));
    }

    private void reject(Rejection rejection, MeterReading reading, Context ctx) {
        ctx.output(
                REJECTED,
                DeadLetters.of(
                        rejection.reason(),
                        rejection.message(),
                        serializer.serialize(reading),
                        reading,
                        DeadLetters.UNKNOWN_TOPIC,
                        DeadLetters.UNKNOWN_PARTITION,
                        DeadLetters.UNKNOWN_OFFSET,
                        reading.getTimestamp().toEpochMilli()));
    }

    private static double voltageOf(MeterReading reading) {
        return reading.getVoltageV() == null ? Double.NaN : reading.getVoltageV();
    }
}
