package io.gridpulse.simulator;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Which kinds of household a run draws, as shares of the households: how they heat, whether they
 * have air conditioning, whether someone is at home on weekdays. {@link HouseholdProfiles} draws
 * every household's kind from the same random numbers whatever the mix, so a mix changes the
 * households' kinds, never the rest of their parameters.
 *
 * @param name the command line's name for it
 * @param directHeatingShare share heating directly with electricity (most per degree)
 * @param heatPumpShare share heating with a heat pump (less per degree); the rest heat otherwise
 *     (district heating, gas), which does not show on the electricity meter
 * @param coolingShare share with air conditioning
 * @param homeByDayShare share with someone at home on weekdays (retired, working from home), whose
 *     daytime use is as much higher as others' is at weekends (and higher again at weekends)
 */
public record HouseholdMix(
        String name,
        double directHeatingShare,
        double heatPumpShare,
        double coolingShare,
        double homeByDayShare) {

    /** Finnish detached houses and flats as the simulator always had them. */
    public static final HouseholdMix DEFAULT = new HouseholdMix("default", 0.45, 0.20, 0.25, 0.0);

    /** Electrically heated homes, many occupied by day; little air conditioning. */
    public static final HouseholdMix ELECTRIC_HEATING =
            new HouseholdMix("electric-heating", 0.70, 0.25, 0.10, 0.30);

    /**
     * Nearly every home air-conditioned, heat pumps rather than resistance heating, many occupied
     * by day: a hot-climate suburb.
     */
    public static final HouseholdMix COOLING_HEAVY =
            new HouseholdMix("cooling-heavy", 0.05, 0.35, 0.90, 0.40);

    public HouseholdMix {
        if (!(directHeatingShare >= 0
                && heatPumpShare >= 0
                && directHeatingShare + heatPumpShare <= 1
                && coolingShare >= 0
                && coolingShare <= 1
                && homeByDayShare >= 0
                && homeByDayShare <= 1)) {
            throw new IllegalArgumentException("household mix shares out of [0, 1]: " + name);
        }
    }

    public static List<HouseholdMix> all() {
        return List.of(DEFAULT, ELECTRIC_HEATING, COOLING_HEAVY);
    }

    /** The mix of that name; the error names the valid ones. */
    public static HouseholdMix named(String name) {
        return all().stream()
                .filter(m -> m.name.equals(name))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "unknown household mix '" + name + "'; one of " + names()));
    }

    public static String names() {
        return all().stream().map(HouseholdMix::name).collect(Collectors.joining(", "));
    }
}
