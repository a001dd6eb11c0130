package io.gridpulse.simulator;

import io.gridpulse.schema.MeterReading;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Runs the simulated meter fleet: for each reading time from the start to start + duration, every
 * household's reading in meter order, then the next time. Returns the ground truth computed from
 * the registers it emitted.
 *
 * <p>The readings are a pure function of the {@link SimulationConfig}: households, appliance plans,
 * noise and weather all derive from the seed, so running the same config twice (or on another
 * machine) gives the same readings. The first reading, at the start instant, anchors each register;
 * every later one adds exactly its interval's energy (see {@link EnergyQuantum}).
 *
 * <p>Hot path: per reading one household model evaluation (a few multiplications, hash-based noise,
 * no allocation) plus the {@link MeterReading} and its boxed voltage. Per-step work (local clock,
 * weather) is done once per step; per-day work (appliance plans) once per day. {@link
 * HouseholdEffects} (anomalies) add a flag test per reading, one call per step and, in steps where
 * some household is affected, one cheap call per reading.
 */
public final class Simulation {

    private final SimulationConfig config;
    private final Topology topology;
    private final HouseholdProfile[] profiles;
    private final Weather weather;
    private volatile boolean stopRequested;

    public Simulation(SimulationConfig config) {
        this.config = config;
        this.topology = Topology.of(config);
        this.profiles = HouseholdProfiles.generate(topology, config.seed(), config.householdMix());
        this.weather = new Weather(config);
    }

    public SimulationConfig config() {
        return config;
    }

    public Topology topology() {
        return topology;
    }

    /** The district weather the households react to (publishable alongside the readings). */
    public Weather weather() {
        return weather;
    }

    /**
     * Outdoor temperature in a district (by id, e.g. {@code D01}) at an instant, as the households
     * felt it.
     */
    public double temperatureC(String districtId, Instant time) {
        int district = topology.districtIndex(districtId);
        if (district < 0) {
            throw new IllegalArgumentException("unknown district: " + districtId);
        }
        return weather.temperatureC(district, time);
    }

    /** Every household's parameters, in meter order. */
    public List<HouseholdProfile> households() {
        return Collections.unmodifiableList(Arrays.asList(profiles));
    }

    /**
     * Asks a running {@link #run} to stop after the current step (e.g. from a shutdown hook). The
     * ground truth it returns then covers the readings emitted so far.
     */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Emits all readings into the sink (flushing it at the end, not closing it) and returns the
     * ground truth. Each call starts from scratch and emits the same readings.
     */
    public GroundTruth run(ReadingSink sink) {
        return run(sink, null);
    }

    /**
     * Like {@link #run(ReadingSink)}, with effects that change what the households use and what
     * their meters send (e.g. {@code io.gridpulse.simulator.anomaly.AnomalyInjector}); {@code null}
     * = none, the readings are then exactly those of {@link #run(ReadingSink)}. The ground truth
     * includes the effects' energy changes, and its reading count is the readings actually emitted.
     */
    public GroundTruth run(ReadingSink sink, HouseholdEffects effects) {
        int n = profiles.length;
        long interval = config.interval().toMillis();
        long start = config.start().toEpochMilli();
        long steps = config.steps();
        ZoneId zone = config.zone();

        HouseholdModel[] models = new HouseholdModel[n];
        double[] registers = new double[n];
        for (int h = 0; h < n; h++) {
            models[h] = new HouseholdModel(profiles[h], config.noiseScale());
            registers[h] = profiles[h].startRegisterWh();
        }
        double[] temperatures = new double[topology.districts()];
        TimeStep step = new TimeStep(zone, interval);
        GroundTruthRecorder truth =
                new GroundTruthRecorder(topology, profiles, config.meterTruth());
        Pacer pacer = new Pacer(config.speed());
        long plannedThroughDay = Long.MIN_VALUE;

        if (effects != null) {
            effects.begin(config);
        }
        long lastStep = -1;
        pacer.start();
        for (long k = 0; k <= steps && !stopRequested; k++) {
            long end = start + k * interval;
            step.moveTo(end);
            plannedThroughDay = planDays(models, step, zone, plannedThroughDay);
            for (int d = 0; d < temperatures.length; d++) {
                temperatures[d] = weather.temperatureC(d, step.midMillis(), step.localHour());
            }
            if (!pacer.awaitSimulated(k * interval)) {
                break;
            }
            if (k > 0) {
                truth.beforeStep(end, registers);
            }
            Instant timestamp = Instant.ofEpochMilli(end);
            // Effects never touch the start reading, which only anchors the registers.
            boolean affected =
                    effects != null && k > 0 && effects.beforeStep(k, end, step.localHour());
            int emitted = 0;
            for (int h = 0; h < n; h++) {
                HouseholdModel model = models[h];
                HouseholdProfile p = profiles[h];
                double wh =
                        EnergyQuantum.intervalWh(
                                model.averagePowerW(step, temperatures[p.districtIndex()]),
                                interval);
                boolean touched = affected && effects.touches(h);
                if (touched) {
                    wh = EnergyQuantum.quantizeWh(effects.energyWh(h, wh));
                }
                double power = EnergyQuantum.averagePowerW(wh, interval);
                if (k > 0) {
                    registers[h] += wh; // the start reading only anchors the register
                }
                if (touched && !effects.sends(h)) {
                    continue; // the register counted on: the truth has the energy, the readings do
                    // not (yet)
                }
                double voltage = model.voltageV(step, power);
                MeterReading reading = new MeterReading();
                reading.setMeterId(p.meterId());
                reading.setFeederId(p.feederId());
                reading.setDistrictId(p.districtId());
                reading.setTimestamp(timestamp);
                reading.setActiveEnergyWh(registers[h]);
                reading.setAveragePowerW(power);
                reading.setVoltageV(touched ? effects.voltageV(h, voltage) : voltage);
                sink.accept(reading);
                emitted++;
            }
            truth.countReadings(emitted);
            if (k == 0) {
                truth.anchor(registers);
            }
            lastStep = k;
        }
        if (effects != null) {
            effects.end(lastStep);
        }
        sink.flush();
        return truth.finish(registers);
    }

    /**
     * Makes sure every local day the step touches has its appliance plan. At the first step the day
     * before is planned too, since its late events can run past midnight into the simulated period.
     */
    private static long planDays(
            HouseholdModel[] models, TimeStep step, ZoneId zone, long plannedThroughDay) {
        long latest = step.latestLocalDay();
        if (latest <= plannedThroughDay) {
            return plannedThroughDay;
        }
        long from = plannedThroughDay == Long.MIN_VALUE ? latest - 1 : plannedThroughDay + 1;
        for (long day = from; day <= latest; day++) {
            long dayStart = LocalDate.ofEpochDay(day).atStartOfDay(zone).toInstant().toEpochMilli();
            for (HouseholdModel model : models) {
                model.planDay(day, dayStart, step.startMillis());
            }
        }
        return latest;
    }
}
