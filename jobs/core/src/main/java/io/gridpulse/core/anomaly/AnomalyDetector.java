package io.gridpulse.core.anomaly;

import io.gridpulse.core.config.DistrictZones;
import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyType;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.QuarterHours;
import io.gridpulse.schema.WeatherObservation;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The per-meter anomaly stage, fed with the meter's quarter hours as the watermark closes them (so
 * a SPIKE or VOLTAGE event leaves when its quarter hour closes). Each quarter hour is judged
 * against the meter's {@link MeterProfile} and then, if normal, learned by it: anomalies never
 * teach the profile that they are normal.
 *
 * <ul>
 *   <li>{@link SpikeDetector}, {@link SustainedHighDetector}, {@link ZeroUseDetector}, {@link
 *       VoltageDetector} judge each quarter hour, {@link BaseLoadDetector} each night; this class
 *       keeps their runs in state, turns a sustained high that lasts into an always-on load and
 *       sends the events;
 *   <li>silence: an event-time timer per meter; silences go to the feeder stage as {@link
 *       SilenceSignal}s, which tells single silent meters from a feeder outage;
 *   <li>weather: the districts' temperatures come in on the broadcast side ({@link #TEMPERATURES}).
 *       A quarter hour whose district has a temperature is judged and learned at that temperature
 *       ({@link WeatherResponse}); one without (no weather, or not here yet) by the profile's level
 *       alone.
 * </ul>
 *
 * Every anomaly is one OPEN event and one RESOLVED event; the open ones live in Flink state, so a
 * restored job neither opens them again nor forgets them.
 */
public final class AnomalyDetector
        extends KeyedBroadcastProcessFunction<String, MeterAggregate, WeatherObservation, Anomaly> {

    public static final OutputTag<SilenceSignal> SILENCE =
            new OutputTag<>("silence", TypeInformation.of(SilenceSignal.class));

    /** The districts' hourly temperatures, by district. */
    public static final MapStateDescriptor<String, DistrictHours> TEMPERATURES =
            new MapStateDescriptor<>(
                    "district-temperatures", Types.STRING, TypeInformation.of(DistrictHours.class));

    /**
     * Hours this far behind the watermark are forgotten: a quarter hour reaches the detectors
     * within minutes of its end.
     */
    private static final long TEMPERATURE_RETENTION_MILLIS = 86_400_000L;

    private final AnomalySettings settings;
    private final DistrictZones zones;
    private final long warmUpMillis;
    private final int warmQuarters;
    private final long silentAfterMillis;
    private final long inputEndMillis;

    /** The meters' reading interval, at most a quarter hour: places readings within a quarter. */
    private final long readingIntervalMillis;

    /** A meter silent this long is forgotten, and its feeder told so. */
    private final long retentionMillis;

    private final SpikeDetector spikes;
    private final SustainedHighDetector sustainedHighs;
    private final ZeroUseDetector zeroUse;
    private final VoltageDetector voltages;
    private final BaseLoadDetector baseLoads;

    /** A sustained high this long is an always-on load. */
    private final long alwaysOnMillis;

    private final boolean weatherAware;
    private final double heatingBaseC;
    private final double coolingBaseC;

    /**
     * Whether a quarter hour whose hour's temperature has not arrived waits for it (see {@link
     * #processElement}); false in BATCH mode, where the broadcast side is read first.
     */
    private final boolean holdForWeather;

    private transient ValueState<MeterWatch> state;

    /** Quarter hours waiting for their hour's temperature, in the order they came. */
    private transient ListState<MeterAggregate> waiting;

    private transient QuarterClock clock;
    private transient AnomalyCounters counters;

    /** This run of the task: meters are counted in its metrics once each ({@link MeterWatch}). */
    private transient long run;

    public AnomalyDetector(AnomalySettings settings, DistrictZones zones) {
        this(settings, zones, false);
    }

    /**
     * @param holdForWeather a quarter hour whose hour's temperature has not arrived waits until the
     *     weather's watermark says it will not (for a weather input read alongside the readings, in
     *     STREAMING mode)
     */
    public AnomalyDetector(AnomalySettings settings, DistrictZones zones, boolean holdForWeather) {
        this.holdForWeather = holdForWeather;
        this.settings = settings;
        this.zones = zones;
        this.warmUpMillis = settings.warmUp().toMillis();
        this.warmQuarters = settings.warmQuartersPerHourOfWeek();
        this.silentAfterMillis = settings.silentAfter().toMillis();
        this.inputEndMillis = settings.inputEndMillis();
        this.readingIntervalMillis =
                Math.min(QuarterHours.MILLIS, settings.readingInterval().toMillis());
        this.retentionMillis = settings.retention().toMillis();
        this.spikes = new SpikeDetector(settings);
        this.sustainedHighs = new SustainedHighDetector(settings);
        this.zeroUse = new ZeroUseDetector(settings);
        this.voltages = new VoltageDetector(settings);
        this.baseLoads = new BaseLoadDetector(settings);
        this.alwaysOnMillis = settings.alwaysOnAfter().toMillis();
        this.weatherAware = settings.weatherAware();
        this.heatingBaseC = settings.heatingBaseC();
        this.coolingBaseC = settings.coolingBaseC();
    }

    @Override
    public void open(OpenContext openContext) {
        state =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "anomaly-watch", TypeInformation.of(MeterWatch.class)));
        waiting =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "quarters-waiting-for-weather",
                                        new AvroTypeInfo<>(MeterAggregate.class)));
        clock = new QuarterClock(zones);
        counters = new AnomalyCounters(getRuntimeContext().getMetricGroup());
        run = java.util.concurrent.ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }

    /** A temperature observation: kept for its district's quarter hours. */
    @Override
    public void processBroadcastElement(
            WeatherObservation observation, Context ctx, Collector<Anomaly> out) throws Exception {
        if (!weatherAware) {
            return;
        }
        BroadcastState<String, DistrictHours> temperatures = ctx.getBroadcastState(TEMPERATURES);
        String district = observation.getDistrictId();
        DistrictHours hours = temperatures.get(district);
        if (hours == null) {
            hours = new DistrictHours();
        }
        hours.put(observation.getTime().toEpochMilli(), observation.getTemperatureC());
        long watermark = ctx.currentWatermark();
        if (watermark > Long.MIN_VALUE + TEMPERATURE_RETENTION_MILLIS) {
            hours.dropBefore(watermark - TEMPERATURE_RETENTION_MILLIS);
        }
        temperatures.put(district, hours);
    }

    /**
     * A quarter hour, judged at once if its hour's temperature is here. Otherwise, with {@link
     * #holdForWeather}, it waits until the watermark passes its start: the weather's watermark
     * follows the observations, so by then its hour's observation has come or never will (a station
     * that skipped a report). Without this, a replay's readings that outrun the weather at its
     * start were judged and learned without it, and a run's results depended on thread timing.
     */
    @Override
    public void processElement(MeterAggregate quarter, ReadOnlyContext ctx, Collector<Anomaly> out)
            throws Exception {
        long start = quarter.getWindowStart().toEpochMilli();
        if (holdForWeather
                && ((start > ctx.currentWatermark()
                                && !observed(ctx, quarter.getDistrictId(), start))
                        || isWaiting())) {
            waiting.add(quarter);
            ctx.timerService().registerEventTimeTimer(start);
            return;
        }
        accept(quarter, ctx, out);
    }

    private boolean isWaiting() throws Exception {
        Iterable<MeterAggregate> quarters = waiting.get();
        return quarters != null && quarters.iterator().hasNext();
    }

    private boolean observed(ReadOnlyContext ctx, String districtId, long start) throws Exception {
        DistrictHours hours = ctx.getBroadcastState(TEMPERATURES).get(districtId);
        return hours != null && hours.observed(start);
    }

    /** Judges, in order, the waiting quarter hours that start at or before {@code time}. */
    private void release(long time, ReadOnlyContext ctx, Collector<Anomaly> out) throws Exception {
        if (!isWaiting()) {
            return;
        }
        List<MeterAggregate> still = new ArrayList<>();
        for (MeterAggregate quarter : waiting.get()) {
            if (still.isEmpty() && quarter.getWindowStart().toEpochMilli() <= time) {
                accept(quarter, ctx, out);
            } else {
                still.add(quarter);
            }
        }
        waiting.update(still);
    }

    private void accept(MeterAggregate quarter, ReadOnlyContext ctx, Collector<Anomaly> out)
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
        if (watch.countedInRun != run) {
            counters.meterSeen();
            if (watch.warm) {
                counters.meterWarm();
            }
            watch.countedInRun = run;
        }
        watch.lastQuarterEnd = end;
        if (quarter.getSampleCount() > 0) {
            // A quarter's readings, at the meter's interval, tell which part of it they cover: a
            // quarter hour before a silence holds its first intervals, one after it its last, so a
            // silence is measured to the reading and not to whole quarter hours.
            long covered = quarter.getSampleCount() * readingIntervalMillis;
            heard(
                    watch,
                    meterId,
                    Math.max(start, end - covered),
                    Math.min(end, start + covered),
                    ctx);
            Degrees degrees = degrees(ctx, watch.districtId, start, end);
            if (degrees == null && holdForWeather && weatherAware) {
                counters.quarterWithoutTemperature();
            }
            judge(watch, meterId, quarter, start, end, degrees, out);
        } // a quarter of interpolated energy only is no evidence either way
        state.update(watch);
    }

    /**
     * The district's temperature in the quarter hour {@code [start, end)}, or null if not known.
     */
    private Degrees degrees(ReadOnlyContext ctx, String districtId, long start, long end)
            throws Exception {
        if (!weatherAware) {
            return null;
        }
        DistrictHours hours = ctx.getBroadcastState(TEMPERATURES).get(districtId);
        double celsius = hours == null ? Double.NaN : hours.during(start, end);
        return Double.isNaN(celsius) ? null : Degrees.of(celsius, heatingBaseC, coolingBaseC);
    }

    private void judge(
            MeterWatch watch,
            String meterId,
            MeterAggregate quarter,
            long start,
            long end,
            Degrees degrees,
            Collector<Anomaly> out) {
        QuarterClock.Local at = clock.at(watch.districtId, start);
        MeterProfile profile = watch.profile;
        double energyWh = quarter.getEnergyKwh() * 1000.0;
        boolean measured = quarter.getEstimatedFraction() <= settings.maxEstimatedFraction();
        if (!watch.warm && profile.isWarm(end, warmUpMillis)) {
            watch.warm = true;
            counters.meterWarm();
        }
        boolean warm =
                watch.warm && measured && profile.isWarmAt(at, end, warmUpMillis, warmQuarters);

        Finding spike = null;
        Finding high = null;
        Finding zero = null;
        boolean lull = false;
        boolean atPeak = false;
        double expected = profile.expectedWh(at, degrees);
        if (warm) {
            double spread = profile.spreadWh(at);
            double shift = profile.shiftWh(at, degrees);
            if (!watch.spike.isActive()) {
                watch.spikeFromWh = watch.lastQuarterWh;
                watch.spikePeakWh = (float) profile.peakWh();
            }
            spike =
                    spikes.judge(
                            energyWh,
                            expected,
                            spread,
                            watch.spikeFromWh,
                            watch.spikePeakWh,
                            profile.riseWh,
                            watch.spike);
            high = sustainedHighs.judge(energyWh, expected, spread, profile, watch.sustained);
            lull =
                    high == null
                            && sustainedHighs.holds(
                                    energyWh, expected, spread, profile, watch.sustained);
            atPeak =
                    high != null
                            && watch.sustained.isActive()
                            && SustainedHighDetector.atOwnPeak(energyWh, shift, profile);
            zero = zeroUse.judge(energyWh, expected);
        }
        if (spike == null && watch.spike.isActive()) {
            Run run = watch.spike;
            profile.noteRise(SpikeDetector.rise(run.actual, run.expected, watch.spikeFromWh));
        }
        report(
                watch.spike.nextBurst(spike, start, spikes.maxQuarters()),
                watch.spike,
                start,
                spikes,
                watch,
                meterId,
                end,
                out);
        if (watch.baseLoad.open) {
            high = null; // the always-on load explains it
            lull = false;
        }
        if (lull) {
            watch.sustained.hold();
        } else if (!atPeak) {
            boolean wasActive = watch.sustained.isActive();
            step(
                    watch.sustained,
                    high,
                    high == null ? watch.sustained.endBefore(start, end - start) : start,
                    sustainedHighs,
                    watch,
                    meterId,
                    end,
                    out);
            if (!wasActive && watch.sustained.isActive()) {
                watch.sustained.level = profile.levelWh;
            }
            if (high != null && watch.sustained.isActive()) {
                sustainedHighs.note(watch.sustained, high);
            }
        }
        if (watch.sustained.open && end - watch.sustained.start >= alwaysOnMillis) {
            alwaysOn(watch, meterId, end, out);
        }
        step(watch.zero, zero, start, zeroUse, watch, meterId, end, out);
        step(watch.voltage, voltages.judge(quarter), start, voltages, watch, meterId, end, out);
        // The base load is what a household draws with neither heating nor cooling. (Not as at
        // each hour of the week's usual temperature: Monday nights of a cold warm-up would then
        // set a higher bar than Sunday nights.)
        watchNight(watch, meterId, at, start, end, energyWh, degrees, measured, out);

        if (!measured) {
            return;
        }
        if (spike == null) {
            profile.noteRise(SpikeDetector.rise(energyWh, expected, watch.lastQuarterWh));
        }
        watch.lastQuarterWh = (float) energyWh;
        profile.notePeak(energyWh);
        if (!profile.isWarm(end, warmUpMillis)
                || (spike == null && high == null && !lull && zero == null)) {
            profile.learn(at, end, energyWh, degrees);
        } else if (spike == null && zero == null) {
            // Hours above profile may be the weather turning cold: only the level learns from
            // them, so a cold spell is absorbed within hours while a sudden extra load stands out
            // until it ends.
            profile.learnLevel(at, energyWh, degrees);
        }
    }

    /** The night's lowest quarter hour, judged when the night ends ({@link BaseLoadDetector}). */
    private void watchNight(
            MeterWatch watch,
            String meterId,
            QuarterClock.Local at,
            long start,
            long end,
            double energyWh,
            Degrees degrees,
            boolean measured,
            Collector<Anomaly> out) {
        if (baseLoads.isNight(at)) {
            baseLoads.note(watch, at, start, energyWh, degrees, measured);
            return;
        }
        if (!baseLoads.nightEnded(watch)) {
            return; // no night just ended, or too little of it seen to know its minimum
        }
        Finding finding = baseLoads.judge(watch, watch.profile.isWarm(end, warmUpMillis));
        if (watch.sustained.isActive() && watch.sustained.start <= watch.nightStart) {
            // An extra load ran all night: if it lifted the night's minimum it is always on, else
            // the night says nothing.
            if (finding != null && watch.sustained.open) {
                alwaysOn(watch, meterId, end, out);
            }
            return;
        }
        step(watch.baseLoad, finding, watch.nightStart, baseLoads, watch, meterId, end, out);
        if (finding == null) {
            baseLoads.learn(watch);
        }
    }

    /**
     * A sustained high that has lasted a whole day, or a whole night at a raised minimum, is an
     * always-on load: it is resolved and a HIGH_BASE_LOAD opens from its start, which the nights
     * then keep open or resolve.
     */
    private void alwaysOn(MeterWatch watch, String meterId, long now, Collector<Anomaly> out) {
        long since = watch.sustained.start;
        resolve(watch.sustained, sustainedHighs, watch, meterId, now, now, out);
        step(watch.baseLoad, baseLoads.alwaysOn(watch), since, baseLoads, watch, meterId, now, out);
    }

    /** Adds one unit to {@code run}: opens or resolves its anomaly when the run says so. */
    private void step(
            Run run,
            Finding finding,
            long unitStart,
            Detector detector,
            MeterWatch watch,
            String meterId,
            long now,
            Collector<Anomaly> out) {
        report(
                run.next(finding, unitStart, detector.minUnits(), detector.minExpectedSum()),
                run,
                unitStart,
                detector,
                watch,
                meterId,
                now,
                out);
    }

    /** Sends what a unit did to {@code run}: its OPEN, its RESOLVED, or both for a burst. */
    private void report(
            Run.Step step,
            Run run,
            long unitStart,
            Detector detector,
            MeterWatch watch,
            String meterId,
            long now,
            Collector<Anomaly> out) {
        switch (step) {
            case OPENED -> open(run, detector, watch, meterId, now, out);
            case RESOLVED -> resolve(run, detector, watch, meterId, unitStart, now, out);
            case BURST -> {
                open(run, detector, watch, meterId, now, out);
                resolve(run, detector, watch, meterId, unitStart, now, out);
            }
            case NONE -> {}
        }
    }

    /** Sends the run's OPEN event. */
    private void open(
            Run run,
            Detector detector,
            MeterWatch watch,
            String meterId,
            long now,
            Collector<Anomaly> out) {
        AnomalyType type = detector.type();
        out.collect(
                detector.describe(
                                run,
                                AnomalyEvents.open(
                                        type,
                                        detector.severity(run.score),
                                        meterId,
                                        watch.feederId,
                                        watch.districtId,
                                        run.start,
                                        now))
                        .build());
        counters.opened(type);
    }

    /** Sends the run's RESOLVED event, ending at {@code end}, and forgets the run. */
    private void resolve(
            Run run,
            Detector detector,
            MeterWatch watch,
            String meterId,
            long end,
            long now,
            Collector<Anomaly> out) {
        out.collect(
                detector.describe(
                                run,
                                AnomalyEvents.resolved(
                                        detector.type(),
                                        detector.severity(run.score),
                                        meterId,
                                        watch.feederId,
                                        watch.districtId,
                                        run.start,
                                        end,
                                        now))
                        .build());
        run.reset();
    }

    /**
     * A quarter hour with readings: the meter speaks. Ends a silence, and keeps one timer waiting
     * for the next.
     */
    private void heard(
            MeterWatch watch,
            String meterId,
            long coveredFrom,
            long coveredUntil,
            ReadOnlyContext ctx) {
        long start = coveredFrom;
        long end = coveredUntil;
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
        if (holdForWeather) {
            // At the input's end every waiting quarter hour comes first: the silence logic below
            // takes the meter's last quarter as heard.
            long watermark = ctx.timerService().currentWatermark();
            release(watermark == Long.MAX_VALUE ? watermark : timestamp, ctx, out);
        }
        MeterWatch watch = state.value();
        if (watch == null || (timestamp != watch.timerAt && timestamp != watch.forgetAt)) {
            return; // only a waiting quarter hour's timer
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
            // The input ended: that is not the meter falling silent, unless it was silent long
            // enough before the end (a bounded run that knows its end).
            if (!watch.silent
                    && inputEndMillis != AnomalySettings.NO_INPUT_END
                    && watch.lastHeard + silentAfterMillis <= inputEndMillis) {
                fallSilent(watch, watch.lastHeard + silentAfterMillis, ctx);
            }
            if (watch.spike.isBurst(spikes.maxQuarters()) && !watch.spike.open) {
                // A spike still going when the input ended: reported, and left open like any
                // other run at the end.
                watch.spike.open = true;
                open(watch.spike, spikes, watch, ctx.getCurrentKey(), watch.lastHeard, out);
            }
            state.update(watch);
            return;
        }
        long due = watch.lastHeard + silentAfterMillis;
        if (due <= timestamp) {
            if (!watch.silent) {
                fallSilent(watch, timestamp, ctx);
            }
        } else {
            watch.timerAt =
                    due; // heard since: one timer per silence period, not one per quarter hour
            ctx.timerService().registerEventTimeTimer(due);
        }
        state.update(watch);
    }

    /** The meter has been silent since it was last heard: its feeder is told at {@code at}. */
    private void fallSilent(MeterWatch watch, long at, OnTimerContext ctx) {
        watch.silent = true;
        ctx.output(
                SILENCE,
                new SilenceSignal(
                        SilenceSignal.Kind.SILENT,
                        ctx.getCurrentKey(),
                        watch.feederId,
                        watch.districtId,
                        watch.lastHeard,
                        at));
        watch.forgetAt = watch.lastHeard + retentionMillis;
        ctx.timerService().registerEventTimeTimer(watch.forgetAt);
    }

    /**
     * A meter silent for the retention: its state goes, and its feeder stops counting it. Its
     * silence was reported long before and stays open.
     */
    private void forget(MeterWatch watch, long timestamp, OnTimerContext ctx) {
        if (watch.countedInRun == run) {
            counters.meterForgotten(watch.warm);
        }
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
