package io.gridpulse.core.meter;

import io.gridpulse.core.io.AvroSingleObjectSerializer;
import io.gridpulse.core.io.DeadLetters;
import io.gridpulse.core.io.ReadingTypes;
import io.gridpulse.core.quality.DataQuality;
import io.gridpulse.core.quality.QualityEvent;
import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.schema.QuarterHours;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Everything GridPulse does per meter, in event-time order, with one piece of state and one timer
 * per meter and quarter hour (VEE: validation, estimation, editing):
 *
 * <ul>
 *   <li>readings wait in the meter's state until the watermark passes the end of their quarter
 *       hour, so they are processed sorted by time whatever order they arrived in;
 *   <li>a reading with the timestamp of one already accepted is a duplicate: dropped if identical,
 *       kept out (the first one wins) and flagged if its values differ; both go to the dead-letter
 *       output, so nothing vanishes;
 *   <li>interval energy is the register delta to the previous accepted reading, with rollovers
 *       repaired and resets starting a new epoch ({@link RegisterRules}); a register that stays put
 *       while power flows is flagged;
 *   <li>an interval that spans several quarter hours (hourly meters) is spread over them in
 *       proportion to time;
 *   <li>missing readings up to {@code vee.max-gap} are filled by linear interpolation of the
 *       register across the gap, the energy spread over the quarter hours it spans and flagged as
 *       estimated; a longer gap stays missing and is reported ({@link #GAPS});
 *   <li>a reading whose quarter hour has closed is still used within {@code vee.allowed-lateness},
 *       as an addition to that quarter; later than that it goes to the dead-letter output as LATE.
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

    private static final int SLOTS = Long.SIZE;

    private final RegisterRules registers;
    private final long intervalMillis;
    private final int frozenIntervals;
    private final double frozenMinPowerW;
    private final long allowedLatenessMillis;
    private final long maxGapMillis;
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
        this.registers = new RegisterRules(settings.registerWidthWh(), settings.maxPowerW());
        this.intervalMillis = settings.readingInterval().toMillis();
        this.frozenIntervals = settings.frozenIntervals();
        this.frozenMinPowerW = settings.frozenMinPowerW();
        this.allowedLatenessMillis = settings.allowedLateness().toMillis();
        this.maxGapMillis = settings.maxGap().toMillis();
        this.retentionMillis = settings.retention().toMillis();
        this.expectedSamples = (int) Math.max(1, QuarterHours.MILLIS / intervalMillis);
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
        long watermark = ctx.timerService().currentWatermark();
        if (quarterEnd > watermark) {
            addPending(reading, quarterEnd, ctx);
        } else if (watermark - quarterEnd < allowedLatenessMillis) {
            addLate(reading, quarterEnd, ctx, out);
        } else {
            rejectLate(reading, quarterEnd, ctx, "after the allowed lateness");
        }
    }

    private void rejectLate(MeterReading reading, long quarterEnd, Context ctx, String why) {
        counters.late().inc();
        ctx.output(
                REJECTED,
                deadLetter(
                        DeadLetterReason.LATE,
                        reading,
                        "reading of meter "
                                + reading.getMeterId()
                                + " at "
                                + reading.getTimestamp()
                                + " arrived "
                                + why
                                + " (its quarter hour ending "
                                + Instant.ofEpochMilli(quarterEnd)
                                + " had closed)"));
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
            if ((meter.lastTimestamp - timestamp) / intervalMillis >= SLOTS) {
                // Too far behind to tell whether it repeats an accepted reading: kept out rather
                // than counted twice.
                rejectLate(
                        reading,
                        quarterEnd,
                        ctx,
                        "more than " + SLOTS + " reading intervals behind the meter's latest");
                return;
            }
            int slot = slotOf(meter, timestamp);
            if (timestamp == meter.lastTimestamp
                    || (slot >= 0 && (meter.acceptedSlots & (1L << slot)) != 0)) {
                counters.duplicates().inc();
                ctx.output(
                        REJECTED,
                        deadLetter(
                                DeadLetterReason.DUPLICATE,
                                reading,
                                "meter "
                                        + meterId
                                        + " sent the reading"
                                        + " at "
                                        + reading.getTimestamp()
                                        + " again, late; the copy was dropped"));
                return;
            }
            // The register chain has moved past it: its energy is already in the delta around it;
            // it adds its sample.
            MeterQuarter addition =
                    new MeterQuarter(
                            meterId,
                            meter.feederId,
                            meter.districtId,
                            quarterEnd,
                            !anySlotIn(meter, quarterEnd));
            addition.addSample(reading.getAveragePowerW(), voltageOf(reading));
            if (slot >= 0) {
                meter.acceptedSlots |= 1L << slot;
                meter.estimatedSlots &= ~(1L << slot);
            }
            repairs.accepted++;
            emit(addition, meter, ctx, out);
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
                rejectDuplicate(meter, meterId, pending, i, ctx);
            } else {
                accept(
                        meter,
                        pending.timestamp(i),
                        pending.registerWh(i),
                        pending.powerW(i),
                        pending.voltageV(i),
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
            MeterQuarter quarter,
            RepairCounts repairs,
            Context ctx,
            Collector<MeterQuarter> out) {
        int steps = 0;
        long interpolated = 0;
        if (meter.hasAcceptedReading()) {
            RegisterDelta delta =
                    registers.between(
                            meter.lastTimestamp,
                            meter.lastRegisterWh,
                            timestamp,
                            registerWh,
                            powerW,
                            meter.registerMovedAt);
            repairs.count(delta.kind());
            steps =
                    (int)
                            Math.min(
                                    Integer.MAX_VALUE,
                                    Math.round(
                                            (timestamp - meter.lastTimestamp)
                                                    / (double) intervalMillis));
            long missing = Math.max(0, steps - 1);
            boolean withinQuarter = QuarterHours.endOf(meter.lastTimestamp + 1) == quarter.end;
            if (missing == 0 && withinQuarter) {
                quarter.addEnergy(delta.energyWh(), delta.estimated() ? delta.energyWh() : 0);
            } else if (missing == 0
                    || timestamp - meter.lastTimestamp - intervalMillis <= maxGapMillis) {
                // A gap to fill, or one interval longer than a quarter hour (hourly data): spread
                // over the quarters it spans.
                interpolate(meter, timestamp, delta, quarter, ctx, out);
                interpolated = missing;
            } else {
                leaveMissing(
                        meter, quarter.meterId, timestamp, delta, powerW, missing, quarter, ctx);
                repairs.missing += missing;
            }
            trackFrozen(meter, registerWh, powerW, repairs);
        }
        quarter.addSample(powerW, voltageV);
        repairs.accepted++;
        repairs.estimated += interpolated;
        shiftSlots(meter, steps);
        for (int i = 1; i <= interpolated && i < SLOTS; i++) {
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
     * Spreads the register delta across a gap linearly in time over the quarter hours it spans.
     * Quarters before the reading's own have closed already and get additions; the part in the
     * missing readings' intervals is estimated.
     */
    private void interpolate(
            MeterState meter,
            long timestamp,
            RegisterDelta delta,
            MeterQuarter quarter,
            Context ctx,
            Collector<MeterQuarter> out) {
        long from = meter.lastTimestamp;
        double whPerMilli = delta.energyWh() / (timestamp - from);
        long measuredFrom = timestamp - intervalMillis; // the reading's own interval
        long firstQuarterEnd = QuarterHours.endOf(from);
        for (long end = QuarterHours.endOf(from + 1);
                end <= quarter.end;
                end += QuarterHours.MILLIS) {
            long start = Math.max(end - QuarterHours.MILLIS, from);
            long until = Math.min(end, timestamp);
            double wh = whPerMilli * (until - start);
            double estimatedWh =
                    delta.estimated()
                            ? wh
                            : whPerMilli * Math.max(0, Math.min(until, measuredFrom) - start);
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
        }
    }

    /**
     * A gap too long to fill: the reading's own interval is estimated from its power, the rest of
     * the register delta is reported with the gap instead of being invented into windows.
     */
    private void leaveMissing(
            MeterState meter,
            String meterId,
            long timestamp,
            RegisterDelta delta,
            double powerW,
            long missing,
            MeterQuarter quarter,
            Context ctx) {
        double ownWh =
                Math.min(delta.energyWh(), Math.max(0, powerW) * intervalMillis / 3_600_000.0);
        quarter.addEnergy(ownWh, ownWh);
        ctx.output(
                GAPS,
                new MeterGap(
                        meterId,
                        meter.feederId,
                        meter.districtId,
                        meter.lastTimestamp + intervalMillis,
                        timestamp - intervalMillis,
                        missing,
                        delta.energyWh() - ownWh));
    }

    /** Sends an addition to the roll-ups, and its quarter's new totals to {@link #QUARTERS}. */
    private void emit(
            MeterQuarter addition, MeterState meter, Context ctx, Collector<MeterQuarter> out) {
        out.collect(addition);
        RecentQuarters recent = meter.recent;
        int i = recent.add(addition, recentCapacity);
        if (i < 0) {
            return; // older than any quarter a late addition can reach: the roll-ups drop it as
            // late too
        }
        long end = recent.ends[i];
        int samples = recent.samples[i];
        double energyWh = recent.energyWh[i];
        ctx.output(
                QUARTERS,
                MeterAggregate.newBuilder()
                        .setMeterId(addition.meterId)
                        .setFeederId(meter.feederId)
                        .setDistrictId(meter.districtId)
                        .setWindow(AggregationWindow.QUARTER_HOUR)
                        .setWindowStart(Instant.ofEpochMilli(end - QuarterHours.MILLIS))
                        .setWindowEnd(Instant.ofEpochMilli(end))
                        .setEnergyKwh(energyWh / 1000.0)
                        .setAveragePowerW(samples == 0 ? 0.0 : recent.powerSumW[i] / samples)
                        .setMaxPowerW(samples == 0 ? 0.0 : recent.maxPowerW[i])
                        .setSampleCount(samples)
                        .setExpectedSamples(expectedSamples)
                        .setCompleteness(Math.min(1.0, (double) samples / expectedSamples))
                        .setEstimatedFraction(
                                energyWh > 0
                                        ? Math.min(1.0, recent.estimatedWh[i] / energyWh)
                                        : 0.0)
                        .setMinVoltageV(voltage(recent.minVoltageV[i]))
                        .setMaxVoltageV(voltage(recent.maxVoltageV[i]))
                        .build());
    }

    private static Double voltage(float v) {
        return Float.isNaN(v)
                ? null
                : Double.valueOf(Float.toString(v)); // 230.1f as 230.1, not 230.10000610351562
    }

    /**
     * Moves the slot bits along when a new reading becomes the last one, {@code steps} intervals
     * later.
     */
    private static void shiftSlots(MeterState meter, int steps) {
        if (steps >= SLOTS) {
            meter.acceptedSlots = 1;
            meter.estimatedSlots = 0;
        } else {
            meter.acceptedSlots = (meter.acceptedSlots << steps) | 1;
            meter.estimatedSlots <<= steps;
        }
    }

    /**
     * Bit index of {@code timestamp} behind the last accepted reading, or -1 if off the interval
     * grid or too old.
     */
    private int slotOf(MeterState meter, long timestamp) {
        long behind = meter.lastTimestamp - timestamp;
        if (behind % intervalMillis != 0 || behind / intervalMillis >= SLOTS) {
            return -1;
        }
        return (int) (behind / intervalMillis);
    }

    /**
     * Whether any reading of the quarter ending at {@code quarterEnd} was accepted or interpolated
     * already.
     */
    private boolean anySlotIn(MeterState meter, long quarterEnd) {
        long known = meter.acceptedSlots | meter.estimatedSlots;
        for (long t = quarterEnd; t > quarterEnd - QuarterHours.MILLIS; t -= intervalMillis) {
            int slot = slotOf(meter, t);
            if (slot >= 0 && (known & (1L << slot)) != 0) {
                return true;
            }
        }
        return false;
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

    private void rejectDuplicate(
            MeterState meter, String meterId, PendingReadings pending, int i, Context ctx) {
        boolean identical =
                pending.registerWh(i) == meter.lastRegisterWh
                        && pending.powerW(i) == meter.lastPowerW
                        && Double.compare(pending.voltageV(i), meter.lastVoltageV) == 0;
        MeterReading reading = pending.toReading(i, meterId, meter.feederId, meter.districtId);
        if (identical) {
            counters.duplicates().inc();
            ctx.output(
                    REJECTED,
                    deadLetter(
                            DeadLetterReason.DUPLICATE,
                            reading,
                            "meter "
                                    + meterId
                                    + " sent the reading at "
                                    + reading.getTimestamp()
                                    + " again; the copy was dropped"));
        } else {
            counters.conflictingDuplicates().inc();
            ctx.output(
                    REJECTED,
                    deadLetter(
                            DeadLetterReason.CONFLICTING_DUPLICATE,
                            reading,
                            "meter "
                                    + meterId
                                    + " sent a second, different reading at "
                                    + reading.getTimestamp()
                                    + " (register "
                                    + reading.getActiveEnergyWh()
                                    + " Wh vs "
                                    + meter.lastRegisterWh
                                    + " Wh); the first one was kept"));
        }
    }

    private void trackFrozen(
            MeterState meter, double registerWh, double powerW, RepairCounts repairs) {
        if (registerWh == meter.lastRegisterWh && powerW >= frozenMinPowerW) {
            meter.frozenIntervals++;
            if (meter.frozenIntervals == frozenIntervals) {
                repairs.frozenRegisters++;
            }
        } else {
            meter.frozenIntervals = 0;
        }
    }

    private void report(
            String meterId, MeterState meter, long quarterEnd, RepairCounts repairs, Context ctx) {
        counters.accepted().inc(repairs.accepted);
        counters.rollovers().inc(repairs.rollovers);
        counters.newEpochs().inc(repairs.newEpochs);
        counters.frozenRegisters().inc(repairs.frozenRegisters);
        counters.estimated().inc(repairs.estimated);
        counters.missing().inc(repairs.missing);
        event(QualityEvent.ROLLOVER, repairs.rollovers, meterId, meter, quarterEnd, ctx);
        event(QualityEvent.NEW_EPOCH, repairs.newEpochs, meterId, meter, quarterEnd, ctx);
        event(
                QualityEvent.FROZEN_REGISTER,
                repairs.frozenRegisters,
                meterId,
                meter,
                quarterEnd,
                ctx);
        event(QualityEvent.ESTIMATED, repairs.estimated, meterId, meter, quarterEnd, ctx);
        event(QualityEvent.MISSING, repairs.missing, meterId, meter, quarterEnd, ctx);
        event(QualityEvent.LATE_ACCEPTED, repairs.lateAccepted, meterId, meter, quarterEnd, ctx);
    }

    private static void event(
            String outcome,
            long count,
            String meterId,
            MeterState meter,
            long quarterEnd,
            Context ctx) {
        if (count > 0) {
            ctx.output(
                    REPAIRS,
                    new QualityEvent(
                            meterId, meter.feederId, meter.districtId, outcome, quarterEnd, count));
        }
    }

    private DeadLetter deadLetter(DeadLetterReason reason, MeterReading reading, String message) {
        return DeadLetters.of(
                reason,
                message,
                serializer.serialize(reading),
                reading,
                DeadLetters.UNKNOWN_TOPIC,
                DeadLetters.UNKNOWN_PARTITION,
                DeadLetters.UNKNOWN_OFFSET,
                reading.getTimestamp().toEpochMilli());
    }

    private static double voltageOf(MeterReading reading) {
        return reading.getVoltageV() == null ? Double.NaN : reading.getVoltageV();
    }

    /** What happened to one quarter hour's readings, reported once per quarter. */
    private static final class RepairCounts {
        long accepted;
        long rollovers;
        long newEpochs;
        long frozenRegisters;
        long estimated;
        long missing;
        long lateAccepted;

        void count(RegisterDelta.Kind kind) {
            switch (kind) {
                case ROLLOVER -> rollovers++;
                case NEW_EPOCH -> newEpochs++;
                default -> {}
            }
        }
    }
}
