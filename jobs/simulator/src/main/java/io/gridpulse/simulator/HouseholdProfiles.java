package io.gridpulse.simulator;

import java.util.SplittableRandom;

/**
 * Draws each household's {@link HouseholdProfile} from the seed.
 *
 * <p>Each household has its own random stream derived from (seed, index), so a household's
 * parameters do not depend on how many households are simulated: household 7 is the same in a run
 * of 10 and a run of 10,000. Every draw happens unconditionally and in a fixed order, so a branch
 * (has heating or not) never shifts the draws that follow it, and a {@link HouseholdMix} only moves
 * the thresholds its kinds are drawn against: the same household in another mix differs in its
 * kind, not in its size, habits or appliances. Draws added later go after all earlier ones, so the
 * households of a seed stay as they were.
 */
public final class HouseholdProfiles {

    static final long PROFILE_STREAM = 1;
    static final long NOISE_STREAM = 2;

    /**
     * Register resolution: 1/1024 Wh, so register arithmetic in doubles is exact (see {@link
     * EnergyQuantum}).
     */
    private static final double MIN_START_REGISTER_WH = 1_000_000;

    private static final double MAX_START_REGISTER_WH = 50_000_000;

    private HouseholdProfiles() {}

    /**
     * Daytime use of a household with someone at home by day, relative to one without: as much more
     * as everyone's is at weekends.
     */
    static final double HOME_BY_DAY_FACTOR = HouseholdModel.WEEKEND_DAYTIME_FACTOR;

    public static HouseholdProfile[] generate(Topology topology, long seed) {
        return generate(topology, seed, HouseholdMix.DEFAULT);
    }

    public static HouseholdProfile[] generate(Topology topology, long seed, HouseholdMix mix) {
        HouseholdProfile[] profiles = new HouseholdProfile[topology.households()];
        for (int i = 0; i < profiles.length; i++) {
            profiles[i] = create(topology, i, seed, mix);
        }
        return profiles;
    }

    public static HouseholdProfile create(Topology topology, int index, long seed) {
        return create(topology, index, seed, HouseholdMix.DEFAULT);
    }

    public static HouseholdProfile create(
            Topology topology, int index, long seed, HouseholdMix mix) {
        SplittableRandom r = new SplittableRandom(Noise.seed(seed, PROFILE_STREAM, index));

        // Household size: log-normal-ish, so a few large households and many near typical.
        double scale = clamp(Math.exp(0.3 * r.nextGaussian()), 0.5, 2.0);
        double baseW = uniform(r, 120, 350) * scale;
        double morningW = uniform(r, 250, 900) * scale;
        double morningHour = uniform(r, 6.3, 8.0);
        double morningHalfWidth = uniform(r, 1.2, 2.0);
        double weekendDelay = uniform(r, 1.5, 2.5);
        double daytimeW = uniform(r, 50, 200) * scale;
        double eveningW = uniform(r, 500, 1500) * scale;
        double eveningHour = uniform(r, 17.5, 20.0);
        double eveningHalfWidth = uniform(r, 2.5, 3.5);

        // Heating: direct electric (common in Finnish detached houses), a heat pump (less per
        // degree), or none (district heating, so no heating shows on the electricity meter); the
        // mix says how common each is.
        double heatingKind = r.nextDouble();
        double directWPerC = uniform(r, 100, 250);
        double heatPumpWPerC = uniform(r, 40, 90);
        double heatingBalance = uniform(r, 14, 17);
        double directMaxW = uniform(r, 6000, 15000);
        double heatPumpMaxW = uniform(r, 3000, 6000);
        boolean direct = heatingKind < mix.directHeatingShare();
        boolean heatPump = !direct && heatingKind < mix.directHeatingShare() + mix.heatPumpShare();
        double heatingWPerC = direct ? directWPerC : heatPump ? heatPumpWPerC : 0.0;
        double heatingMaxW = direct ? directMaxW : heatPump ? heatPumpMaxW : 0.0;

        boolean cools = r.nextDouble() < mix.coolingShare();
        double coolingWPerC = uniform(r, 60, 200);
        double coolingBalance = uniform(r, 21, 24);

        double usage = uniform(r, 0.6, 1.4);
        Appliance[] appliances = Appliance.all();
        double[] appliancePowerW = new double[appliances.length];
        for (Appliance a : appliances) {
            boolean owned = r.nextDouble() < a.ownership;
            double power = uniform(r, a.minW, a.maxW);
            appliancePowerW[a.ordinal()] = owned ? power : 0.0;
        }

        double startRegister =
                EnergyQuantum.quantizeWh(uniform(r, MIN_START_REGISTER_WH, MAX_START_REGISTER_WH));
        double voltageOffset = clamp(2.0 * r.nextGaussian(), -5, 5);
        boolean homeByDay = r.nextDouble() < mix.homeByDayShare();

        int feeder = topology.feederOfMeter(index);
        int district = topology.districtOfFeeder(feeder);
        return new HouseholdProfile(
                index,
                topology.meterId(index),
                topology.feederId(feeder),
                topology.districtId(district),
                district,
                scale,
                baseW,
                morningW,
                morningHour,
                morningHalfWidth,
                weekendDelay,
                homeByDay ? daytimeW * HOME_BY_DAY_FACTOR : daytimeW,
                eveningW,
                eveningHour,
                eveningHalfWidth,
                heatingWPerC,
                heatingBalance,
                heatingMaxW,
                cools ? coolingWPerC : 0.0,
                coolingBalance,
                usage,
                appliancePowerW,
                startRegister,
                voltageOffset,
                Noise.seed(seed, NOISE_STREAM, index));
    }

    private static double uniform(SplittableRandom r, double min, double max) {
        return min + (max - min) * r.nextDouble();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
