package io.gridpulse.simulator;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Simulated outdoor temperature per district: a deterministic function of seed, district and time.
 *
 * <p>Shaped by a {@link Climate} (by default {@link Climate#NORDIC}, southern Finland): an annual
 * cycle, a daily cycle peaking mid-afternoon local time that is wider in summer, multi-day warm and
 * cold spells shared by the whole region, and a smaller local wobble plus a fixed offset per
 * district. Being a pure function, it can be sampled at any instant, e.g. to publish the weather
 * the simulated households reacted to.
 */
public final class Weather {

    private static final long REGION_STREAM = 101;
    private static final long DISTRICT_STREAM = 102;
    private static final double MILLIS_PER_DAY = 86_400_000.0;
    private static final double DAYS_PER_YEAR = 365.2425;

    private static final double SPELL_KNOT_DAYS = 2.0;
    private static final double FRONT_KNOT_HOURS = 9.0;
    private static final double LOCAL_KNOT_HOURS = 4.0;

    private final Climate climate;
    private final ZoneRules rules;
    private final long regionSeed;
    private final long[] districtSeeds;
    private final double[] districtOffsetsC;

    public Weather(long seed, ZoneId zone, int districts) {
        this(seed, zone, districts, Climate.NORDIC);
    }

    public Weather(long seed, ZoneId zone, int districts, Climate climate) {
        this.climate = climate;
        this.rules = zone.getRules();
        this.regionSeed = Noise.seed(seed, REGION_STREAM, 0);
        this.districtSeeds = new long[districts];
        this.districtOffsetsC = new double[districts];
        for (int d = 0; d < districts; d++) {
            districtSeeds[d] = Noise.seed(seed, DISTRICT_STREAM, d);
            districtOffsetsC[d] =
                    climate.districtOffsetC() * Noise.signedUnit(districtSeeds[d], -1);
        }
    }

    public Weather(SimulationConfig config) {
        this(config.seed(), config.zone(), config.districts(), config.climate());
    }

    public Climate climate() {
        return climate;
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
                                * (days - climate.coldestDayOfYear())
                                / DAYS_PER_YEAR); // 1 = midwinter
        double annual = climate.annualMeanC() - climate.annualAmplitudeC() * season;
        // Daily swing, narrower in winter; warmest at 15:00 local.
        double dailyAmplitude = climate.dailySwingC() - climate.dailySwingNarrowingC() * season;
        double daily = dailyAmplitude * Math.cos(2 * Math.PI * (localHour - 15.0) / 24.0);
        double spells =
                climate.spellAmplitudeC() * Noise.smooth(regionSeed, days / SPELL_KNOT_DAYS)
                        + climate.frontAmplitudeC()
                                * Noise.smooth(regionSeed + 1, days * 24.0 / FRONT_KNOT_HOURS);
        double local =
                climate.localAmplitudeC()
                        * Noise.smooth(districtSeeds[district], days * 24.0 / LOCAL_KNOT_HOURS);
        return annual + daily + spells + local + districtOffsetsC[district];
    }
}
