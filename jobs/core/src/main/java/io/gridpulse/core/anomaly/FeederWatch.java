package io.gridpulse.core.anomaly;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyType;
import io.gridpulse.schema.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per feeder: turns its meters' silences into anomalies. When a meter falls silent the feeder waits
 * a grace period for the others; if by then enough of its meters are silent together it opens one
 * FEEDER_OUTAGE and the meters' own METER_SILENT alerts are suppressed (an operator wants one call,
 * not fifty). Otherwise each silent meter gets its METER_SILENT. The outage resolves when the share
 * of silent meters falls below the threshold; a meter still silent a grace period later gets its
 * own METER_SILENT.
 *
 * <p>In a BATCH run timers fire only after all of a feeder's signals, so with {@code sortedInput}
 * the decisions are taken as the signals pass their time instead: signals arrive sorted by event
 * time (the time of the silence, see {@link SilenceSignalTime}), and before each one every decision
 * due earlier is taken, as the watermark would have taken it live.
 */
public final class FeederWatch extends KeyedProcessFunction<String, SilenceSignal, Anomaly> {

    private final AnomalySettings settings;
    private final long graceMillis;
    private final boolean sortedInput;
    private transient MapState<String, MeterVoice> meters;
    private transient ValueState<FeederState> feeder;
    private transient AnomalyCounters counters;

    /** Live: decisions on event-time timers. */
    public FeederWatch(AnomalySettings settings) {
        this(settings, false);
    }

    /**
     * {@code sortedInput}: each feeder's signals arrive sorted by event time, before its timers
     * fire (BATCH).
     */
    public FeederWatch(AnomalySettings settings, boolean sortedInput) {
        this.settings = settings;
        this.graceMillis = settings.outageGrace().toMillis();
        this.sortedInput = sortedInput;
    }

    @Override
    public void open(OpenContext openContext) {
        meters =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "meters",
                                        Types.STRING,
                                        TypeInformation.of(MeterVoice.class)));
        feeder =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "feeder", TypeInformation.of(FeederState.class)));
        counters = new AnomalyCounters(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(SilenceSignal signal, Context ctx, Collector<Anomaly> out)
            throws Exception {
        if (sortedInput) {
            decideBefore(ctx.timestamp(), ctx.getCurrentKey(), ctx.timerService(), out);
        }
        if (signal.kind == SilenceSignal.Kind.FORGOTTEN) {
            forget(signal, ctx, out);
            return;
        }
        MeterVoice voice = meters.get(signal.meterId);
        if (voice == null) {
            voice = new MeterVoice();
        }
        FeederState state = feeder.value();
        if (state == null) {
            state = new FeederState();
            state.districtId = signal.districtId;
            feeder.update(state);
        }
        switch (signal.kind) {
            case SEEN -> {}
            case SILENT -> {
                voice.since = signal.silentSince;
                voice.back = -1;
                if (state.hasOutage()) {
                    voice.status = MeterVoice.EXPLAINED;
                } else {
                    voice.status = MeterVoice.PENDING;
                    voice.decideAt = signal.at + graceMillis;
                    ctx.timerService().registerEventTimeTimer(voice.decideAt);
                }
            }
            case BACK -> {
                voice.back = signal.at;
                switch (voice.status) {
                    case MeterVoice.PENDING -> voice.status = MeterVoice.PENDING_ENDED;
                    case MeterVoice.AFTER_OUTAGE -> voice.status = MeterVoice.REPORTING;
                    case MeterVoice.REPORTED -> {
                        out.collect(
                                silent(
                                        true,
                                        signal.meterId,
                                        ctx.getCurrentKey(),
                                        state.districtId,
                                        voice,
                                        signal.at));
                        voice.status = MeterVoice.REPORTING;
                    }
                    default -> {} // EXPLAINED: the outage decides below
                }
            }
        }
        meters.put(signal.meterId, voice);
        if (state.hasOutage() && signal.kind == SilenceSignal.Kind.BACK) {
            resolveIfOver(state, ctx.getCurrentKey(), signal.at, ctx.timerService(), out);
        }
    }

    /**
     * A meter silent for the retention leaves the feeder's count, once every decision about its
     * silence has been taken; a feeder without meters is forgotten too (an outage still open then
     * stays open: its feeder is gone).
     */
    private void forget(SilenceSignal signal, Context ctx, Collector<Anomaly> out)
            throws Exception {
        decideBefore(signal.at + 1, ctx.getCurrentKey(), ctx.timerService(), out);
        meters.remove(signal.meterId);
        if (meters.isEmpty()) {
            feeder.clear();
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out)
            throws Exception {
        decide(timestamp, ctx.getCurrentKey(), ctx.timerService(), out);
    }

    /** Takes, in time order, every decision due before {@code time}. */
    private void decideBefore(
            long time, String feederId, TimerService timers, Collector<Anomaly> out)
            throws Exception {
        while (true) {
            long next = Long.MAX_VALUE;
            for (MeterVoice voice : meters.values()) {
                if (isWaiting(voice) && voice.decideAt < time) {
                    next = Math.min(next, voice.decideAt);
                }
            }
            if (next == Long.MAX_VALUE) {
                return;
            }
            decide(next, feederId, timers, out);
        }
    }

    private static boolean isWaiting(MeterVoice voice) {
        return voice.status == MeterVoice.PENDING
                || voice.status == MeterVoice.PENDING_ENDED
                || voice.status == MeterVoice.AFTER_OUTAGE;
    }

    private void decide(
            long timestamp, String feederId, TimerService timers, Collector<Anomaly> out)
            throws Exception {
        long decision = timestamp - graceMillis;
        int total = 0;
        int silentNow = 0;
        long earliest = Long.MAX_VALUE;
        List<Map.Entry<String, MeterVoice>> due = new ArrayList<>();
        for (Map.Entry<String, MeterVoice> e : meters.entries()) {
            MeterVoice voice = e.getValue();
            total++;
            if (voice.isSilentAt(decision)) {
                silentNow++;
                earliest = Math.min(earliest, voice.since);
            }
            if (isWaiting(voice) && voice.decideAt <= timestamp) {
                due.add(e);
            }
        }
        if (due.isEmpty()) {
            return;
        }
        FeederState state = feeder.value();
        if (!state.hasOutage()
                && silentNow >= settings.outageMinMeters()
                && silentNow >= settings.outageShare() * total) {
            openOutage(state, feederId, earliest, silentNow, total, timestamp, out);
        }
        for (Map.Entry<String, MeterVoice> e : due) {
            MeterVoice voice = e.getValue();
            if (state.hasOutage() && voice.isSilentAt(decision)) {
                voice.status = MeterVoice.EXPLAINED;
            } else if (voice.status == MeterVoice.AFTER_OUTAGE) {
                voice.status =
                        MeterVoice.REPORTED; // not back with the rest of its feeder: silent on its
                // own
                out.collect(
                        silent(false, e.getKey(), feederId, state.districtId, voice, timestamp));
            } else {
                out.collect(
                        silent(false, e.getKey(), feederId, state.districtId, voice, timestamp));
                if (voice.status == MeterVoice.PENDING_ENDED) {
                    out.collect(
                            silent(true, e.getKey(), feederId, state.districtId, voice, timestamp));
                    voice.status = MeterVoice.REPORTING;
                } else {
                    voice.status = MeterVoice.REPORTED;
                }
            }
            meters.put(e.getKey(), voice);
        }
        if (state.hasOutage()) {
            resolveIfOver(state, feederId, timestamp, timers, out);
        }
    }

    private void openOutage(
            FeederState state,
            String feederId,
            long start,
            int silent,
            int total,
            long now,
            Collector<Anomaly> out)
            throws Exception {
        state.outageStart = start;
        state.silentMeters = silent;
        state.meters = total;
        feeder.update(state);
        out.collect(
                describe(
                                AnomalyEvents.open(
                                        AnomalyType.FEEDER_OUTAGE,
                                        Severity.CRITICAL,
                                        null,
                                        feederId,
                                        state.districtId,
                                        start,
                                        now),
                                state)
                        .build());
        counters.opened(AnomalyType.FEEDER_OUTAGE);
    }

    /**
     * Closes the outage once fewer than the threshold share of meters are still silent: at the
     * return that brought the share below it (returns are replayed in time order, so this also
     * works when they all came before the decision). A meter silent a grace period after the outage
     * gets its own METER_SILENT.
     */
    private void resolveIfOver(
            FeederState state,
            String feederId,
            long now,
            TimerService timers,
            Collector<Anomaly> out)
            throws Exception {
        int total = 0;
        int stillSilent = 0;
        List<Long> backs = new ArrayList<>();
        for (MeterVoice voice : meters.values()) {
            total++;
            if (voice.status == MeterVoice.EXPLAINED) {
                if (voice.back < 0) {
                    stillSilent++;
                } else {
                    backs.add(voice.back);
                }
            }
        }
        backs.sort(null);
        int silent = stillSilent + backs.size();
        long end = -1;
        for (long back : backs) {
            silent--;
            if (silent < settings.outageShare() * total) {
                end = back;
                break;
            }
        }
        if (end < 0) {
            return;
        }
        out.collect(
                describe(
                                AnomalyEvents.resolved(
                                        AnomalyType.FEEDER_OUTAGE,
                                        Severity.CRITICAL,
                                        null,
                                        feederId,
                                        state.districtId,
                                        state.outageStart,
                                        end,
                                        now),
                                state)
                        .build());
        for (Map.Entry<String, MeterVoice> e : meters.entries()) {
            MeterVoice voice = e.getValue();
            if (voice.status != MeterVoice.EXPLAINED) {
                continue;
            }
            if (voice.back < 0) {
                // Its return may just not have arrived yet (meters come back together): wait a
                // grace period.
                voice.status = MeterVoice.AFTER_OUTAGE;
                voice.decideAt =
                        end + graceMillis; // from the outage's end: in a fast replay "now" may
                // be long before it
                timers.registerEventTimeTimer(voice.decideAt);
            } else {
                voice.status = MeterVoice.REPORTING;
            }
            e.setValue(voice);
        }
        state.outageStart = -1;
        feeder.update(state);
    }

    private Anomaly silent(
            boolean resolved,
            String meterId,
            String feederId,
            String districtId,
            MeterVoice voice,
            long now) {
        if (!resolved) {
            counters.opened(AnomalyType.METER_SILENT);
        }
        Anomaly.Builder event =
                resolved
                        ? AnomalyEvents.resolved(
                                AnomalyType.METER_SILENT,
                                Severity.WARNING,
                                meterId,
                                feederId,
                                districtId,
                                voice.since,
                                voice.back,
                                now)
                        : AnomalyEvents.open(
                                AnomalyType.METER_SILENT,
                                Severity.WARNING,
                                meterId,
                                feederId,
                                districtId,
                                voice.since,
                                now);
        double hours = ((resolved ? voice.back : now) - voice.since) / 3_600_000.0;
        return event.setScore(hours)
                .setExpected(0)
                .setActual(hours)
                .setUnit("h")
                .setMessage(String.format(Locale.ROOT, "no reading for %.1f h", hours))
                .build();
    }

    private static Anomaly.Builder describe(Anomaly.Builder event, FeederState state) {
        double share = state.meters == 0 ? 0 : (double) state.silentMeters / state.meters;
        return event.setScore(share)
                .setExpected(state.meters)
                .setActual(state.meters - state.silentMeters)
                .setUnit("meters")
                .setMessage(
                        String.format(
                                Locale.ROOT,
                                "%d of %d meters silent at once",
                                state.silentMeters,
                                state.meters));
    }
}
