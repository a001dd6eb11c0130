package io.gridpulse.simulator;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Simulated outdoor temperature per district: a deterministic function of seed, district and time.
 *
 * <p>Shaped like southern Finland: an annual cycle (coldest late January, about -6 C; warmest late
 * July, about +16 C), a daily cycle peaking mid-afternoon local time that is wider in summer,
 * multi-day warm and cold spells shared by the whole region, and a smaller local wobble plus a
 * fixed offset per district. Being a pure function, it can be sampled at any instant, e.g. to
 * publish the weather the simulated households reacted to.
 */
public final class Weather {

    private static final long REGION_STREAM = 101;
    private static final long DISTRICT_STREAM = 102;
    private static final double MILLIS_PER_DAY = 86_400_000.0;
    private static final double DAYS_PER_YEAR = 365.2425;

    /** Epoch day (mod year) of the coldest day: January 21st. */
    private static final double COLDEST_DAY_OF_YEAR = 20.0;

    private static final double ANNUAL_MEAN_C = 5.0;
    private static final double ANNUAL_AMPLITUDE_C = 11.0;
    private static final double SPELL_AMPLITUDE_C = 5.0;
    private static final double SPELL_KNOT_DAYS = 2.0;
    private static final double FRONT_AMPLITUDE_C = 2.0;
    private static final double FRONT_KNOT_HOURS = 9.0;
    private static final double LOCAL_AMPLITUDE_C = 1.0;
    private static final double LOCAL_KNOT_HOURS = 4.0;
    private static final double DISTRICT_OFFSET_C = 0.8;

    private final ZoneRules rules;
    private final long regionSeed;
    private final long[] districtSeeds;
    private final double[] districtOffsetsC;

    public Weather(long seed, ZoneId zone, int districts) {
        this.rules = zone.getRules();
        this.regionSeed = Noise.seed(seed, REGION_STREAM, 0);
        this.districtSeeds = new long[districts];
        this.districtOffsetsC = new double[districts];
        for (int d = 0; d < districts; d++) {
            districtSeeds[d] = Noise.seed(seed, DISTRICT_STREAM, d);
            districtOffsetsC[d] = DISTRICT_OFFSET_C * Noise.signedUnit(districtSeeds[d], -1);
        }
    }

    public Weather(SimulationConfig config) {
        this(config.seed(), config.zone(), config.districts());
    }

    public int districts() {
        return districtSeeds.length;
    }

    /**
     * Outdoor temperature in degrees Celsius in a district (0-based index, as in {@link Topology})
     * at an instant.
     */
    public double temperatureC(int district, Instant time) {
        long millis = time.toEpochMilli();
        long offset = rules.getOffset(time).getTotalSeconds() * 1000L;
        double localHour = Math.floorMod(millis + offset, (long) MILLIS_PER_DAY) / 3_600_000.0;
        return temperatureC(district, millis, localHour);
    }

    /**
     * As {@link #temperatureC(int, Instant)}, with the local hour already known (the simulation's
     * per-step path).
     */
    double temperatureC(int district, long epochMillis, double localHour) {
        double days = epochMillis / MILLIS_PER_DAY;
        double season =
                Math.cos(
                        2
                                * Math.PI
                                * (days - COLDEST_DAY_OF_YEAR)
                                / DAYS_PER_YEAR); // 1 = midwinter
        double annual = ANNUAL_MEAN_C - ANNUAL_AMPLITUDE_C * season;
        // Daily swing: about 1.5 C each side in midwinter, 4.5 C in midsummer; warmest at 15:00
        // local.
        double dailyAmplitude = 3.0 - 1.5 * season;
        double daily = dailyAmplitude * Math.cos(2 * Math.PI * (localHour - 15.0) / 24.0);
        double spells =
                SPELL_AMPLITUDE_C * Noise.smooth(regionSeed, days / SPELL_KNOT_DAYS)
                        + FRONT_AMPLITUDE_C
                                * Noise.smooth(regionSeed + 1, days * 24.0 / FRONT_KNOT_HOURS);
        double local =
                LOCAL_AMPLITUDE_C
                        * Noise.smooth(districtSeeds[district], days * 24.0 / LOCAL_KNOT_HOURS);
        return annual + daily + spells + local + districtOffsetsC[district];
    }
}
