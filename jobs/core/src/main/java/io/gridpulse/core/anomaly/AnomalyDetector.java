package io.gridpulse.core.anomaly;

import io.gridpulse.core.config.DistrictZones;
import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyType;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.Severity;
import java.util.Locale;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The per-meter anomaly detectors, fed with the meter's quarter hours as the watermark closes them
 * (so a SPIKE or VOLTAGE event leaves when its quarter hour closes). Each quarter hour is judged
 * against the meter's {@link MeterProfile} and then, if normal, learned by it: anomalies never
 * teach the profile that they are normal.
 *
 * <ul>
 *   <li>SPIKE: one quarter hour far above the profile and above the household's usual peak;
 *   <li>SUSTAINED_HIGH: hours of quarter hours well above the profile;
 *   <li>ZERO_CONSUMPTION: hours of zero energy where the profile expects use;
 *   <li>HIGH_BASE_LOAD: a night's lowest quarter hour well above the usual one, judged when the
 *       night ends;
 *   <li>VOLTAGE: quarter hours whose every reading is outside the band;
 *   <li>silence: an event-time timer per meter; silences go to the feeder stage as {@link
 *       SilenceSignal}s, which tells single silent meters from a feeder outage.
 * </ul>
 *
 * Every anomaly is one OPEN event and one RESOLVED event; the open ones live in Flink state, so a
 * restored job neither opens them again nor forgets them.
 */
public final class AnomalyDetector extends KeyedProcessFunction<String, MeterAggregate, Anomaly> {

    public static final OutputTag<SilenceSignal> SILENCE =
            new OutputTag<>("silence", TypeInformation.of(SilenceSignal.class));

    private final AnomalySettings settings;
    private final DistrictZones zones;
    private final long warmUpMillis;
    private final long silentAfterMillis;

    /** A meter silent this long is forgotten, and its feeder told so. */
    private final long retentionMillis;

    private final int nightQuartersNeeded;

    /** A sustained high this long is an always-on load. */
    private final long alwaysOnMillis;

    private transient ValueState<MeterWatch> state;
    private transient QuarterClock clock;
    private transient AnomalyCounters counters;

    public AnomalyDetector(AnomalySettings settings, DistrictZones zones) {
        this.settings = settings;
        this.zones = zones;
        this.warmUpMillis = settings.warmUp().toMillis();
        this.silentAfterMillis = settings.silentAfter().toMillis();
        this.retentionMillis = settings.retention().toMillis();
        this.nightQuartersNeeded =
                (int)
                        Math.round(
                                (settings.nightEndHour() - settings.nightStartHour())
                                        * 4
                                        * settings.nightMinCoverage());
        this.alwaysOnMillis = settings.alwaysOnAfter().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        state =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "anomaly-watch", TypeInformation.of(MeterWatch.class)));
        clock = new QuarterClock(zones);
        counters = new AnomalyCounters(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(MeterAggregate quarter, Context ctx, Collector<Anomaly> out)
            throws Exception {
        long end = quarter.getWindowEnd().toEpochMilli();
        long start = quarter.getWindowStart().toEpochMilli();
        String meterId = quarter.getMeterId();
        MeterWatch watch = state.value();
        if (watch == null) {
            watch = new MeterWatch();
            watch.feederId = quarter.getFeederId();
            watch.districtId = quarter.getDistrictId();
            ctx.output(
                    SILENCE,
                    new SilenceSignal(
                            SilenceSignal.Kind.SEEN,
                            meterId,
                            watch.feederId,
                            watch.districtId,
                            start,
                            start));
        } else if (end <= watch.lastQuarterEnd) {
            return; // a closed quarter rewritten by a late reading: judged and learned once already
        }
        watch.lastQuarterEnd = end;
        if (quarter.getSampleCount() > 0) {
            heard(watch, meterId, start, end, ctx);
            judge(watch, meterId, quarter, start, end, out);
        } // a quarter of interpolated energy only is no evidence either way
        state.update(watch);
    }

    private void judge(
            MeterWatch watch,
            String meterId,
            MeterAggregate quarter,
            long start,
            long end,
            Collector<Anomaly> out) {
        QuarterClock.Local at = clock.at(watch.districtId, start);
        MeterProfile profile = watch.profile;
        double energyWh = quarter.getEnergyKwh() * 1000.0;
        boolean measured = quarter.getEstimatedFraction() <= settings.maxEstimatedFraction();
        boolean warm = profile.isWarm(end, warmUpMillis) && measured;

        Finding spike = null;
        Finding high = null;
        Finding zero = null;
        boolean atPeak = false;
        if (warm) {
            double expected = profile.expectedWh(at);
            double spread = profile.spreadWh(at);
            double excess = energyWh - expected;
            double sigmas = excess / spread;
            // The usual peak was set under the weather of its day: compare it with the quarter net
            // of today's level.
            if (sigmas >= settings.spikeSigmas()
                    && excess >= settings.spikeMinExcessWh()
                    && energyWh - Math.max(0, profile.levelWh)
                            >= settings.spikePeakFactor() * profile.peakWh()) {
                spike = new Finding(sigmas, expected, energyWh);
            }
            // Within a run, measured against the level from before it: the level would soon learn
            // the extra load itself.
            double runExpected =
                    watch.sustained.isActive()
                            ? Math.max(
                                    0,
                                    expected
                                            - profile.levelWh
                                            + Math.min(profile.levelWh, watch.sustained.level))
                            : expected;
            double runExcess = energyWh - runExpected;
            double runSigmas = runExcess / spread;
            if (runSigmas >= settings.sustainedSigmas()
                    && runExcess
                            >= Math.max(
                                    settings.sustainedMinExcessWh(),
                                    settings.sustainedPeakShare() * profile.peakWh())) {
                high = new Finding(runSigmas, runExpected, energyWh);
                // At the household's own peak level it is its own big appliances (an evening of
                // sauna), not an extra
                // load: such a quarter hour neither counts towards the run nor breaks it.
                atPeak = energyWh - Math.max(0, profile.levelWh) >= profile.peakWh();
            }
            if (energyWh < settings.zeroMaxWh()) {
                zero = new Finding(0, expected, energyWh);
            }
        }
        step(watch.spike, spike, start, 1, 0, AnomalyType.SPIKE, watch, meterId, end, out);
        if (watch.baseLoad.open) {
            high = null; // the always-on load explains it
        }
        if (!atPeak) {
            boolean wasActive = watch.sustained.isActive();
            step(
                    watch.sustained,
                    high,
                    start,
                    settings.sustainedQuarters(),
                    0,
                    AnomalyType.SUSTAINED_HIGH,
                    watch,
                    meterId,
                    end,
                    out);
            if (!wasActive && watch.sustained.isActive()) {
                watch.sustained.level = profile.levelWh;
            }
        }
        if (watch.sustained.open && end - watch.sustained.start >= alwaysOnMillis) {
            alwaysOn(watch, meterId, end, out);
        }
        step(
                watch.zero,
                zero,
                start,
                settings.zeroQuarters(),
                settings.zeroMinExpectedWh(),
                AnomalyType.ZERO_CONSUMPTION,
                watch,
                meterId,
                end,
                out);
        step(
                watch.voltage,
                voltage(quarter),
                start,
                settings.voltageQuarters(),
                0,
                AnomalyType.VOLTAGE,
                watch,
                meterId,
                end,
                out);
        watchNight(watch, meterId, at, start, end, energyWh, measured, out);

        if (!measured) {
            return;
        }
        profile.notePeak(energyWh);
        if (!profile.isWarm(end, warmUpMillis) || (spike == null && high == null && zero == null)) {
            profile.learn(at, end, energyWh);
        } else if (spike == null && zero == null) {
            // Hours above profile may be the weather turning cold: only the level learns from them,
            // so a cold spell is
            // absorbed within hours while a sudden extra load stands out until it ends.
            profile.learnLevel(at, energyWh);
        }
    }

    /** Every reading of the quarter hour outside the voltage band, or null. */
    private Finding voltage(MeterAggregate quarter) {
        Double min = quarter.getMinVoltageV();
        Double max = quarter.getMaxVoltageV();
        if (min == null || max == null) {
            return null;
        }
        double nominal = settings.nominalV();
        if (min > settings.voltageHighV()) {
            return new Finding(100.0 * (min - nominal) / nominal, nominal, min);
        }
        if (max < settings.voltageLowV()) {
            return new Finding(100.0 * (nominal - max) / nominal, nominal, max);
        }
        return null;
    }

    /**
     * Tracks the lowest quarter hour of the local night and judges it when the night ends: the base
     * load is what a household draws when everyone sleeps, so an always-on load shows there first
     * and clearest.
     */
    private void watchNight(
            MeterWatch watch,
            String meterId,
            QuarterClock.Local at,
            long start,
            long end,
            double energyWh,
            boolean measured,
            Collector<Anomaly> out) {
        boolean night =
                at.hour() >= settings.nightStartHour() && at.hour() < settings.nightEndHour();
        if (night) {
            if (watch.nightDay != at.epochDay()) {
                watch.nightDay = at.epochDay();
                watch.nightStart = start;
                watch.nightMinWh = Float.MAX_VALUE;
                watch.nightQuarters = 0;
            }
            if (measured) {
                watch.nightMinWh = (float) Math.min(watch.nightMinWh, energyWh);
                watch.nightQuarters++;
            }
            return;
        }
        if (watch.nightDay < 0) {
            return;
        }
        watch.nightDay = -1;
        if (watch.nightQuarters < nightQuartersNeeded) {
            return; // too little of the night seen to know its minimum
        }
        double min = watch.nightMinWh;
        double usual = watch.usualNightMinWh;
        Finding finding = null;
        if (watch.profile.isWarm(end, warmUpMillis)
                && !Float.isNaN(watch.usualNightMinWh)
                && min >= settings.baseLoadRatio() * usual
                && min - usual >= settings.baseLoadMinExcessWh()) {
            finding = new Finding(min / Math.max(usual, 1.0), usual, min);
        }
        if (watch.sustained.isActive() && watch.sustained.start <= watch.nightStart) {
            // An extra load ran all night: if it lifted the night's minimum it is always on, else
            // the night says nothing.
            if (finding != null && watch.sustained.open) {
                alwaysOn(watch, meterId, end, out);
            }
            return;
        }
        step(
                watch.baseLoad,
                finding,
                watch.nightStart,
                1,
                0,
                AnomalyType.HIGH_BASE_LOAD,
                watch,
                meterId,
                end,
                out);
        if (finding == null) {
            watch.nightsLearned++;
            double rate = Math.max(0.1, 1.0 / watch.nightsLearned);
            watch.usualNightMinWh =
                    Float.isNaN(watch.usualNightMinWh)
                            ? (float) min
                            : (float) (usual + rate * (min - usual));
        }
    }

    /**
     * A sustained high that has lasted a whole day, or a whole night at a raised minimum, is an
     * always-on load: it is resolved and a HIGH_BASE_LOAD opens from its start, which the nights
     * then keep open or resolve.
     */
    private void alwaysOn(MeterWatch watch, String meterId, long now, Collector<Anomaly> out) {
        long since = watch.sustained.start;
        resolve(watch.sustained, AnomalyType.SUSTAINED_HIGH, watch, meterId, now, now, out);
        double usual = Float.isNaN(watch.usualNightMinWh) ? 0 : watch.usualNightMinWh;
        double min =
                Math.max(usual, watch.nightMinWh == Float.MAX_VALUE ? usual : watch.nightMinWh);
        step(
                watch.baseLoad,
                new Finding(min / Math.max(usual, 1.0), usual, min),
                since,
                1,
                0,
                AnomalyType.HIGH_BASE_LOAD,
                watch,
                meterId,
                now,
                out);
    }

    private void step(
            Run run,
            Finding finding,
            long unitStart,
            int minUnits,
            double minExpectedSum,
            AnomalyType type,
            MeterWatch watch,
            String meterId,
            long now,
            Collector<Anomaly> out) {
        switch (run.next(finding, unitStart, minUnits, minExpectedSum)) {
            case OPENED -> {
                out.collect(
                        describe(
                                        run,
                                        type,
                                        AnomalyEvents.open(
                                                type,
                                                severityOf(type, run.score),
                                                meterId,
                                                watch.feederId,
                                                watch.districtId,
                                                run.start,
                                                now))
                                .build());
                counters.opened(type);
            }
            case RESOLVED -> resolve(run, type, watch, meterId, unitStart, now, out);
            case NONE -> {}
        }
    }

    /** Sends the run's RESOLVED event, ending at {@code end}, and forgets the run. */
    private void resolve(
            Run run,
            AnomalyType type,
            MeterWatch watch,
            String meterId,
            long end,
            long now,
            Collector<Anomaly> out) {
        out.collect(
                describe(
                                run,
                                type,
                                AnomalyEvents.resolved(
                                        type,
                                        severityOf(type, run.score),
                                        meterId,
                                        watch.feederId,
                                        watch.districtId,
                                        run.start,
                                        end,
                                        now))
                        .build());
        run.reset();
    }

    private Anomaly.Builder describe(Run run, AnomalyType type, Anomaly.Builder event) {
        return switch (type) {
            case ZERO_CONSUMPTION ->
                    event.setScore(run.units / 4.0)
                            .setExpected(run.expectedSum / 1000.0)
                            .setActual(run.actualSum / 1000.0)
                            .setUnit("kWh")
                            .setMessage(
                                    String.format(
                                            Locale.ROOT,
                                            "%.2f h of zero use where the profile expected %.2f kWh",
                                            run.units / 4.0,
                                            run.expectedSum / 1000.0));
            case VOLTAGE ->
                    event.setScore(run.score)
                            .setExpected(run.expected)
                            .setActual(run.actual)
                            .setUnit("V")
                            .setMessage(
                                    String.format(
                                            Locale.ROOT,
                                            "every reading %s %.1f V for %d quarter hour(s), worst %.1f V",
                                            run.actual > run.expected ? "above" : "below",
                                            run.actual > run.expected
                                                    ? settings.voltageHighV()
                                                    : settings.voltageLowV(),
                                            run.units,
                                            run.actual));
            case HIGH_BASE_LOAD ->
                    event.setScore(run.score)
                            .setExpected(run.expected * 4)
                            .setActual(run.actual * 4)
                            .setUnit("W")
                            .setMessage(
                                    String.format(
                                            Locale.ROOT,
                                            "night minimum %.0f W, usually %.0f W (%.1f x) for %d night(s)",
                                            run.actual * 4,
                                            run.expected * 4,
                                            run.score,
                                            run.units));
            default ->
                    event.setScore(run.score)
                            .setExpected(run.expected / 1000.0)
                            .setActual(run.actual / 1000.0)
                            .setUnit("kWh")
                            .setMessage(
                                    String.format(
                                            Locale.ROOT,
                                            "quarter hour %.2f kWh, profile %.2f kWh (%.1f sigma), %d quarter hour(s) high",
                                            run.actual / 1000.0,
                                            run.expected / 1000.0,
                                            run.score,
                                            run.units));
        };
    }

    private static Severity severityOf(AnomalyType type, double score) {
        return switch (type) {
            case VOLTAGE -> score >= 15 ? Severity.CRITICAL : Severity.WARNING;
            case HIGH_BASE_LOAD -> Severity.INFO;
            default -> Severity.WARNING;
        };
    }

    /**
     * A quarter hour with readings: the meter speaks. Ends a silence, and keeps one timer waiting
     * for the next.
     */
    private void heard(MeterWatch watch, String meterId, long start, long end, Context ctx) {
        if (!watch.silent && watch.lastHeard > 0 && start - watch.lastHeard >= silentAfterMillis) {
            // Silent long enough, but the watermark jumped past the timer before this quarter came
            // (a fast replay):
            // the silence is reported now, and ended at once.
            ctx.output(
                    SILENCE,
                    new SilenceSignal(
                            SilenceSignal.Kind.SILENT,
                            meterId,
                            watch.feederId,
                            watch.districtId,
                            watch.lastHeard,
                            watch.lastHeard + silentAfterMillis));
            watch.silent = true;
        }
        if (watch.silent) {
            ctx.output(
                    SILENCE,
                    new SilenceSignal(
                            SilenceSignal.Kind.BACK,
                            meterId,
                            watch.feederId,
                            watch.districtId,
                            watch.lastHeard,
                            start));
            watch.silent = false;
            if (watch.forgetAt >= 0) {
                ctx.timerService().deleteEventTimeTimer(watch.forgetAt);
                watch.forgetAt = -1;
            }
        }
        watch.lastHeard = end;
        if (watch.timerAt < 0) {
            watch.timerAt = end + silentAfterMillis;
            ctx.timerService().registerEventTimeTimer(watch.timerAt);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out)
            throws Exception {
        MeterWatch watch = state.value();
        if (watch == null) {
            return;
        }
        if (timestamp == watch.forgetAt) {
            watch.forgetAt = -1;
            if (watch.silent && watch.lastHeard + retentionMillis <= timestamp) {
                forget(watch, timestamp, ctx);
                return;
            }
            if (timestamp != watch.timerAt) {
                state.update(watch); // heard since: falling silent again arms a new one
                return;
            }
        }
        watch.timerAt = -1;
        if (ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            state.update(watch);
            return; // the input ended: that is not the meter falling silent
        }
        long due = watch.lastHeard + silentAfterMillis;
        if (due <= timestamp) {
            if (!watch.silent) {
                watch.silent = true;
                ctx.output(
                        SILENCE,
                        new SilenceSignal(
                                SilenceSignal.Kind.SILENT,
                                ctx.getCurrentKey(),
                                watch.feederId,
                                watch.districtId,
                                watch.lastHeard,
                                timestamp));
                watch.forgetAt = watch.lastHeard + retentionMillis;
                ctx.timerService().registerEventTimeTimer(watch.forgetAt);
            }
        } else {
            watch.timerAt =
                    due; // heard since: one timer per silence period, not one per quarter hour
            ctx.timerService().registerEventTimeTimer(due);
        }
        state.update(watch);
    }

    /**
     * A meter silent for the retention: its state goes, and its feeder stops counting it. Its
     * silence was reported long before and stays open.
     */
    private void forget(MeterWatch watch, long timestamp, OnTimerContext ctx) {
        if (watch.timerAt >= 0) {
            ctx.timerService().deleteEventTimeTimer(watch.timerAt);
        }
        ctx.output(
                SILENCE,
                new SilenceSignal(
                        SilenceSignal.Kind.FORGOTTEN,
                        ctx.getCurrentKey(),
                        watch.feederId,
                        watch.districtId,
                        watch.lastHeard,
                        timestamp));
        state.clear();
    }
}
