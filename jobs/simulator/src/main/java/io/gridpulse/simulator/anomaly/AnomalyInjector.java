package io.gridpulse.simulator.anomaly;

import io.gridpulse.schema.QuarterHours;
import io.gridpulse.simulator.HouseholdEffects;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Injects labelled anomalies into a run from inside the simulation loop, and keeps the {@link
 * AnomalyLedger} of what it did:
 *
 * <pre>
 * AnomalyInjector anomalies = AnomalyInjector.of(AnomalyConfig.defaults(config).withMetersPerType(3));
 * GroundTruth truth = new Simulation(config).run(sink, anomalies);  // energy truth, anomalies included
 * AnomalyLedger ledger = anomalies.ledger();                        // anomaly truth
 * </pre>
 *
 * Anomalies change what the households really use (the register counts it, so the ground truth has
 * it), except METER_SILENT, a communication failure: the register counts on and only the readings
 * are missing. During the warm-up the injector watches the quarter-hour average power of the
 * households that get a SPIKE, SUSTAINED_HIGH or HIGH_BASE_LOAD (three doubles each; other
 * households cost nothing) and sizes their extra load when it ends. One injector can serve several
 * runs of its simulation one after the other; each run starts afresh.
 */
public final class AnomalyInjector implements HouseholdEffects {

    private static final double MILLIS_PER_HOUR = 3_600_000.0;
    private static final double NIGHT_END_HOUR = 6.0;

    private final AnomalyConfig config;
    private final List<PlannedAnomaly> plan;
    private final Topology topology;
    private final long startMillis;
    private final long intervalMillis;
    private final long warmUpSteps;

    // Per run.
    private Active[] actives;
    private Active[] byHousehold;
    private Active[] observed;
    private long[] firstSteps;
    private long[] lastSteps;
    private int started;
    private int ended;
    private long step;
    private boolean observing;
    private boolean sized;
    private long quarterEnd;
    private int quarterReadings;
    private boolean quarterAtNight;
    private AnomalyLedger ledger;

    private AnomalyInjector(AnomalyConfig config) {
        this.config = config.requireFitsRun();
        this.plan = AnomalyPlanner.plan(config);
        this.topology = Topology.of(config.simulation());
        this.startMillis = config.simulation().start().toEpochMilli();
        this.intervalMillis = config.simulation().interval().toMillis();
        this.warmUpSteps = config.warmUpSteps();
    }

    /**
     * An injector for the anomalies the config describes; pass it to {@link
     * io.gridpulse.simulator.Simulation#run(io.gridpulse.simulator.ReadingSink, HouseholdEffects)}.
     *
     * @throws IllegalArgumentException if the run has no room for them (see {@link
     *     AnomalyConfig#requireFitsRun})
     */
    public static AnomalyInjector of(AnomalyConfig config) {
        return new AnomalyInjector(config);
    }

    public AnomalyConfig config() {
        return config;
    }

    /**
     * The meters the plan gives an anomaly, their own or their feeder's outage, in meter order:
     * known before the run, so that other defects (faults) can be kept off them.
     */
    public Set<String> affectedMeters() {
        Set<Integer> outageFeeders = new HashSet<>();
        Set<Integer> meters = new HashSet<>();
        for (PlannedAnomaly p : plan) {
            if (p.meter() >= 0) {
                meters.add(p.meter());
            } else {
                outageFeeders.add(p.feeder());
            }
        }
        Set<String> affected = new LinkedHashSet<>();
        for (int m = 0; m < topology.households(); m++) {
            if (meters.contains(m) || outageFeeders.contains(topology.feederOfMeter(m))) {
                affected.add(topology.meterId(m));
            }
        }
        return affected;
    }

    /**
     * What was injected; complete after a run.
     *
     * @throws IllegalStateException before the first run has ended
     */
    public AnomalyLedger ledger() {
        if (ledger == null) {
            throw new IllegalStateException(
                    "no run has ended yet: run the simulation with this injector first");
        }
        return ledger;
    }

    @Override
    public void begin(SimulationConfig run) {
        if (!sameRun(run, config.simulation())) {
            throw new IllegalArgumentException(
                    "the anomalies were planned for another run: "
                            + config.simulation()
                            + ", not "
                            + run);
        }
        actives = new Active[plan.size()];
        byHousehold = new Active[topology.households()];
        Active[] outageOfFeeder = new Active[topology.feeders()];
        List<Active> watch = new ArrayList<>();
        for (int i = 0; i < actives.length; i++) {
            Active a = new Active(plan.get(i));
            actives[i] = a;
            if (a.plan.meter() >= 0) {
                byHousehold[a.plan.meter()] = a;
            } else {
                outageOfFeeder[a.plan.feeder()] = a;
            }
            if (a.plan.kind() == AnomalyKind.SPIKE
                    || a.plan.kind() == AnomalyKind.SUSTAINED_HIGH
                    || a.plan.kind() == AnomalyKind.HIGH_BASE_LOAD) {
                watch.add(a);
            }
        }
        for (int m = 0; m < byHousehold.length; m++) {
            Active outage = outageOfFeeder[topology.feederOfMeter(m)];
            if (outage
                    != null) { // the planner leaves the meters of outage feeders without anomalies
                // of their own
                byHousehold[m] = outage;
                outage.meters++;
            }
        }
        observed = watch.toArray(new Active[0]);
        firstSteps = plan.stream().mapToLong(PlannedAnomaly::firstStep).sorted().toArray();
        lastSteps = plan.stream().mapToLong(PlannedAnomaly::lastStep).sorted().toArray();
        started = 0;
        ended = 0;
        step = 0;
        observing = false;
        sized = false;
        quarterEnd = Long.MIN_VALUE;
        quarterReadings = 0;
        ledger = null;
    }

    @Override
    public boolean beforeStep(long step, long endMillis, double localHour) {
        this.step = step;
        if (actives.length == 0) {
            return false;
        }
        if (step <= warmUpSteps) {
            observing = true;
            long quarter = QuarterHours.endOf(endMillis);
            if (quarter != quarterEnd) {
                closeQuarter();
                quarterEnd = quarter;
                quarterAtNight = localHour < NIGHT_END_HOUR;
            }
            quarterReadings++;
            return observed.length > 0;
        }
        if (!sized) {
            closeQuarter();
            size();
        }
        observing = false;
        while (started < firstSteps.length && firstSteps[started] <= step) {
            started++;
        }
        while (ended < lastSteps.length && lastSteps[ended] < step) {
            ended++;
        }
        return started > ended;
    }

    @Override
    public boolean touches(int household) {
        return byHousehold[household] != null;
    }

    @Override
    public double energyWh(int household, double naturalWh) {
        Active a = byHousehold[household];
        if (a == null) {
            return naturalWh;
        }
        if (observing) {
            a.quarterWh += naturalWh;
            return naturalWh;
        }
        if (step < a.plan.firstStep() || step > a.plan.lastStep()) {
            return naturalWh;
        }
        return switch (a.plan.kind()) {
            case SPIKE, SUSTAINED_HIGH, HIGH_BASE_LOAD -> naturalWh + a.extraWhPerStep;
            case ZERO_CONSUMPTION, FEEDER_OUTAGE -> {
                a.affectedWh += naturalWh;
                yield 0.0;
            }
            case METER_SILENT -> {
                a.affectedWh += naturalWh;
                yield naturalWh;
            }
            case VOLTAGE -> naturalWh;
        };
    }

    @Override
    public boolean sends(int household) {
        Active a = active(household);
        return a == null || !a.plan.kind().silences();
    }

    @Override
    public double voltageV(int household, double modelledV) {
        Active a = active(household);
        if (a == null || a.plan.kind() != AnomalyKind.VOLTAGE) {
            return modelledV;
        }
        double v =
                a.plan.voltageV()
                        + AnomalyPlanner.VOLTAGE_JITTER_V * signedUnit(a.plan.seed(), step);
        return Math.rint(v * 10.0) / 10.0;
    }

    @Override
    public void end(long lastStep) {
        List<InjectedAnomaly> injected = new ArrayList<>();
        if (sized) {
            for (Active a : actives) {
                if (a.plan.firstStep() <= lastStep) {
                    injected.add(record(a, Math.min(a.plan.lastStep(), lastStep)));
                }
            }
        }
        ledger = new AnomalyLedger(config, injected);
    }

    /** The household's anomaly if it is in effect at this step (after the warm-up). */
    private Active active(int household) {
        Active a = byHousehold[household];
        if (a == null || observing || step < a.plan.firstStep() || step > a.plan.lastStep()) {
            return null;
        }
        return a;
    }

    /** Ends the quarter hour being watched: each watched household's average power in it. */
    private void closeQuarter() {
        if (quarterReadings == 0) {
            return;
        }
        double toWatts = MILLIS_PER_HOUR / ((double) quarterReadings * intervalMillis);
        for (Active a : observed) {
            double watts = a.quarterWh * toWatts;
            a.peakW = Math.max(a.peakW, watts);
            if (quarterAtNight) {
                a.nightMinW = Math.min(a.nightMinW, watts);
            }
            a.quarterWh = 0;
        }
        quarterReadings = 0;
    }

    /**
     * Natural peak plus spike stay below this, well under a household's plausible maximum power.
     */
    static final double SPIKE_CEILING_W = 26_000.0;

    /** The end of the warm-up: sizes the extra loads from what the households did in it. */
    private void size() {
        double scale = config.sizeScale(); // 1 by default: then the sizes below are as documented
        for (Active a : observed) {
            double peak = a.peakW == Double.NEGATIVE_INFINITY ? 0 : a.peakW;
            double nightMin = a.nightMinW == Double.POSITIVE_INFINITY ? 0 : a.nightMinW;
            a.extraW =
                    Math.ceil(
                            switch (a.plan.kind()) {
                                // What a household connection can carry caps it: beyond the job's
                                // plausible maximum (30 kW) the
                                // readings would be rejected as POWER_TOO_HIGH instead of showing a
                                // spike.
                                case SPIKE ->
                                        Math.max(
                                                4000.0 * scale,
                                                Math.min(
                                                        1.5 * peak * scale,
                                                        SPIKE_CEILING_W - peak));
                                case SUSTAINED_HIGH ->
                                        Math.max(1500.0 * scale, 0.35 * peak * scale);
                                case HIGH_BASE_LOAD ->
                                        Math.max(500.0 * scale, 0.8 * nightMin * scale);
                                default -> 0.0;
                            });
            a.extraWhPerStep = a.extraW * intervalMillis / MILLIS_PER_HOUR;
        }
        sized = true;
    }

    private InjectedAnomaly record(Active a, long lastStep) {
        PlannedAnomaly p = a.plan;
        Instant start = Instant.ofEpochMilli(startMillis + (p.firstStep() - 1) * intervalMillis);
        Instant end = Instant.ofEpochMilli(startMillis + lastStep * intervalMillis);
        double hours = (lastStep - p.firstStep() + 1) * intervalMillis / MILLIS_PER_HOUR;
        boolean toEnd = lastStep == config.simulation().steps() && p.toEnd();
        double extraW = 0.0;
        String detail;
        switch (p.kind()) {
            case SPIKE -> {
                extraW = a.extraW;
                detail =
                        format(
                                "%.2f h of +%.0f W: 1.5 x the natural peak quarter-hour average %.1f W, at least 4000 W,"
                                        + " at most %.0f W minus that peak",
                                hours, a.extraW, a.peakW, SPIKE_CEILING_W);
            }
            case SUSTAINED_HIGH -> {
                extraW = a.extraW;
                detail =
                        format(
                                "%.2f h of +%.0f W: 0.35 x the natural peak quarter-hour average %.1f W, at least"
                                        + " 1500 W",
                                hours, a.extraW, a.peakW);
            }
            case HIGH_BASE_LOAD -> {
                extraW = a.extraW;
                detail =
                        format(
                                "+%.0f W always on for %.2f days%s: 0.8 x the natural night minimum quarter-hour"
                                        + " average %.1f W, at least 500 W",
                                a.extraW,
                                hours / 24,
                                toEnd ? " (to the end of the run)" : "",
                                a.nightMinW == Double.POSITIVE_INFINITY ? 0.0 : a.nightMinW);
            }
            case ZERO_CONSUMPTION -> {
                extraW = averageRemovedW(a, hours);
                detail = format("no consumption for %.2f h: %.3f Wh not used", hours, a.affectedWh);
            }
            case METER_SILENT ->
                    detail =
                            toEnd
                                    ? format(
                                            "no readings from then to the end of the run (%.2f h): the %.3f Wh used meanwhile are"
                                                    + " never reported",
                                            hours, a.affectedWh)
                                    : format(
                                            "no readings for %.2f h: the %.3f Wh used meanwhile arrive with the reading at %s",
                                            hours, a.affectedWh, end.plusMillis(intervalMillis));
            case FEEDER_OUTAGE -> {
                extraW = averageRemovedW(a, hours);
                detail =
                        format(
                                "power cut of %d meters for %.2f h: no readings, %.3f Wh not used",
                                a.meters, hours, a.affectedWh);
            }
            case VOLTAGE ->
                    detail =
                            format(
                                    "%s voltage %.1f V +/- %.1f V for %.0f min",
                                    p.voltageV() > 230 ? "high" : "low",
                                    p.voltageV(),
                                    AnomalyPlanner.VOLTAGE_JITTER_V,
                                    hours * 60);
            default -> throw new IllegalStateException(p.kind().name());
        }
        String meterId = p.meter() >= 0 ? topology.meterId(p.meter()) : null;
        return new InjectedAnomaly(
                p.kind(),
                meterId,
                topology.feederId(p.feeder()),
                topology.districtId(topology.districtOfFeeder(p.feeder())),
                start,
                end,
                extraW,
                detail);
    }

    /** Minus the average power the anomaly took away, to 0.1 W. */
    private static double averageRemovedW(Active a, double hours) {
        return 0.0 - Math.rint(a.affectedWh / hours * 10.0) / 10.0;
    }

    private static String format(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /**
     * A uniform value in [-1, 1) for a seed and an index (SplitMix64's finalizer, as the
     * simulator's noise).
     */
    private static double signedUnit(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53 * 2.0 - 1.0;
    }

    /**
     * Whether two configs produce the same households and reading times (speed and meter truth do
     * not matter).
     */
    private static boolean sameRun(SimulationConfig a, SimulationConfig b) {
        return a.withSpeed(0).withMeterTruth(true).equals(b.withSpeed(0).withMeterTruth(true));
    }

    /** One planned anomaly during a run: its magnitude and what it did so far. */
    private static final class Active {

        final PlannedAnomaly plan;
        int meters;
        // Warm-up watch (SPIKE, SUSTAINED_HIGH, HIGH_BASE_LOAD).
        double quarterWh;
        double peakW = Double.NEGATIVE_INFINITY;
        double nightMinW = Double.POSITIVE_INFINITY;
        // Decided at the end of the warm-up.
        double extraW;
        double extraWhPerStep;
        // Energy the household(s) would have used (ZERO_CONSUMPTION, FEEDER_OUTAGE) or used unseen
        // (METER_SILENT).
        double affectedWh;

        Active(PlannedAnomaly plan) {
            this.plan = plan;
            this.meters = plan.meter() < 0 ? 0 : 1;
        }
    }
}
