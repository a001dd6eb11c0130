package io.gridpulse.simulator;

/**
 * One household's load: its fixed {@link HouseholdProfile} plus its planned appliance events.
 *
 * <p>Load = everyday shape (base + morning, daytime and evening bumps on the local clock, weekday
 * or weekend variant) with a little smooth and white noise, + heating or cooling driven by the
 * outdoor temperature, + appliance events. The bumps use a compact polynomial kernel instead of a
 * Gaussian: just as smooth to the eye, no {@code exp} per reading, and exactly zero far from the
 * peak.
 */
public final class HouseholdModel {

    // Weekend mornings: people get up later and less in step with each other, so the peak is later,
    // wider, lower.
    static final double WEEKEND_MORNING_WIDTH_FACTOR = 1.6;
    static final double WEEKEND_MORNING_HEIGHT_FACTOR = 0.65;
    // Weekend days: more people at home.
    static final double WEEKEND_DAYTIME_FACTOR = 2.5;
    static final double DAYTIME_HOUR = 13.0;
    static final double DAYTIME_HALF_WIDTH_H = 5.0;

    private static final double SMOOTH_NOISE = 0.12;
    private static final double SMOOTH_NOISE_KNOT_MILLIS = 20 * 60_000.0;
    private static final double WHITE_NOISE = 0.04;
    private static final double HEATING_NOISE = 0.08;
    private static final double HEATING_NOISE_KNOT_MILLIS = 60 * 60_000.0;

    private static final double NOMINAL_VOLTAGE_V = 230.0;
    private static final double VOLTAGE_WANDER_V = 1.5;
    private static final double VOLTAGE_KNOT_MILLIS = 30 * 60_000.0;
    private static final double VOLTAGE_JITTER_V = 0.3;

    /** The household's own load pulls its voltage down a little along the service cable. */
    private static final double VOLTAGE_DROP_V_PER_W = 0.0004;

    private final HouseholdProfile profile;
    private final ApplianceSchedule appliances = new ApplianceSchedule();
    private final long whiteSeed;
    private final long heatingSeed;
    private final long voltageSeed;
    private final long jitterSeed;
    private final double smoothNoise;
    private final double whiteNoise;
    private final double heatingNoise;

    public HouseholdModel(HouseholdProfile profile) {
        this(profile, 1.0);
    }

    /**
     * @param noiseScale multiplies the load noise (see {@link SimulationConfig#noiseScale()}); at 1
     *     the amplitudes are the modelled constants exactly, so the readings do not change
     */
    public HouseholdModel(HouseholdProfile profile, double noiseScale) {
        this.profile = profile;
        this.smoothNoise = SMOOTH_NOISE * noiseScale;
        this.whiteNoise = WHITE_NOISE * noiseScale;
        this.heatingNoise = HEATING_NOISE * noiseScale;
        long seed = profile.noiseSeed();
        this.whiteSeed = Noise.mix(seed + 1);
        this.heatingSeed = Noise.mix(seed + 2);
        this.voltageSeed = Noise.mix(seed + 3);
        this.jitterSeed = Noise.mix(seed + 4);
    }

    public HouseholdProfile profile() {
        return profile;
    }

    ApplianceSchedule appliances() {
        return appliances;
    }

    /**
     * Plans the appliance events of a local day and forgets those that ended before {@code
     * nowMillis}.
     */
    void planDay(long localEpochDay, long dayStartMillis, long nowMillis) {
        appliances.dropEndedBy(nowMillis);
        appliances.planDay(profile, localEpochDay, dayStartMillis);
    }

    /** Average power over the step's interval, in watts, at the given outdoor temperature. */
    double averagePowerW(TimeStep step, double temperatureC) {
        double mid = step.midMillis();
        double noise =
                1.0
                        + smoothNoise
                                * Noise.smooth(profile.noiseSeed(), mid / SMOOTH_NOISE_KNOT_MILLIS)
                        + whiteNoise * Noise.signedUnit(whiteSeed, step.endMillis());
        double everyday = everydayPowerW(profile, step.localHour(), step.weekend()) * noise;
        double climate = climatePowerW(profile, temperatureC);
        if (climate > 0) {
            climate *=
                    1.0 + heatingNoise * Noise.smooth(heatingSeed, mid / HEATING_NOISE_KNOT_MILLIS);
        }
        return everyday + climate + appliances.averagePowerW(step.startMillis(), step.endMillis());
    }

    /**
     * RMS voltage at the end of the step, given the household's own load; rounded to 0.1 V like a
     * meter display.
     */
    double voltageV(TimeStep step, double powerW) {
        double v =
                NOMINAL_VOLTAGE_V
                        + profile.voltageOffsetV()
                        + VOLTAGE_WANDER_V
                                * Noise.smooth(voltageSeed, step.endMillis() / VOLTAGE_KNOT_MILLIS)
                        + VOLTAGE_JITTER_V * Noise.signedUnit(jitterSeed, step.endMillis())
                        - VOLTAGE_DROP_V_PER_W * powerW;
        return Math.rint(v * 10.0) / 10.0;
    }

    /**
     * The smooth daily shape without noise, appliances or climate: what the household draws at a
     * local clock hour. Public so tests and notebooks can look at the shape itself.
     */
    public static double everydayPowerW(HouseholdProfile p, double localHour, boolean weekend) {
        double morningCentre = p.morningHour();
        double morningHalfWidth = p.morningHalfWidthH();
        double morningHeight = p.morningW();
        double daytimeHeight = p.daytimeW();
        if (weekend) {
            morningCentre += p.weekendMorningDelayH();
            morningHalfWidth *= WEEKEND_MORNING_WIDTH_FACTOR;
            morningHeight *= WEEKEND_MORNING_HEIGHT_FACTOR;
            daytimeHeight *= WEEKEND_DAYTIME_FACTOR;
        }
        return p.baseW()
                + morningHeight * bump(localHour, morningCentre, morningHalfWidth)
                + daytimeHeight * bump(localHour, DAYTIME_HOUR, DAYTIME_HALF_WIDTH_H)
                + p.eveningW() * bump(localHour, p.eveningHour(), p.eveningHalfWidthH());
    }

    /**
     * Heating below the heating balance point (up to the heating capacity) plus cooling above the
     * cooling one.
     */
    public static double climatePowerW(HouseholdProfile p, double temperatureC) {
        double heating =
                Math.min(
                        p.heatingMaxW(),
                        p.heatingWPerC() * Math.max(0.0, p.heatingBalanceC() - temperatureC));
        double cooling = p.coolingWPerC() * Math.max(0.0, temperatureC - p.coolingBalanceC());
        return heating + cooling;
    }

    /**
     * A smooth bump on the 24-hour clock: 1 at the centre, falling to 0 at {@code halfWidth} hours
     * either side (triweight kernel (1 - x^2)^3: continuous up to its second derivative). Distances
     * wrap around midnight.
     */
    static double bump(double hour, double centre, double halfWidth) {
        double d = hour - centre;
        if (d > 12.0) {
            d -= 24.0;
        } else if (d < -12.0) {
            d += 24.0;
        }
        double x = d / halfWidth;
        if (x >= 1.0 || x <= -1.0) {
            return 0.0;
        }
        double y = 1.0 - x * x;
        return y * y * y;
    }
}
