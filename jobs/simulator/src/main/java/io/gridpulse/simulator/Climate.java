package io.gridpulse.simulator;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The shape of a simulated outdoor temperature (see {@link Weather}): an annual cycle, a daily
 * swing that may widen in summer, multi-day spells and fronts shared by the region, a local wobble
 * and a fixed offset per district. Named climates let the households be tested under weather that
 * heats most of the year as well as weather that cools most of it.
 *
 * @param name the command line's name for it
 * @param annualMeanC mean of the annual cycle
 * @param annualAmplitudeC half the difference between the warmest and the coldest day of an average
 *     year
 * @param coldestDayOfYear epoch day (mod year) of the coldest day
 * @param dailySwingC half the daily range (warmest at 15:00 local, coldest at 03:00) at the
 *     equinoxes
 * @param dailySwingNarrowingC how much narrower that half range is in midwinter (and wider in
 *     midsummer)
 * @param spellAmplitudeC multi-day warm and cold spells (knots two days apart)
 * @param frontAmplitudeC passing fronts (knots nine hours apart)
 * @param localAmplitudeC each district's own wobble (knots four hours apart)
 * @param districtOffsetC at most this much warmer or colder, for good, per district
 */
public record Climate(
        String name,
        double annualMeanC,
        double annualAmplitudeC,
        double coldestDayOfYear,
        double dailySwingC,
        double dailySwingNarrowingC,
        double spellAmplitudeC,
        double frontAmplitudeC,
        double localAmplitudeC,
        double districtOffsetC) {

    /**
     * Southern Finland: coldest late January, about -6 C; warmest late July, about +16 C; a daily
     * swing of about 1.5 C each side in midwinter and 4.5 C in midsummer. Heating dominates.
     */
    public static final Climate NORDIC =
            new Climate("nordic", 5.0, 11.0, 20.0, 3.0, 1.5, 5.0, 2.0, 1.0, 0.8);

    /**
     * A desert city (Phoenix-like): mild winters (monthly means about 13 C, nights near 7 C),
     * summers with afternoons about 41 C and nights near 28 C, a wide daily swing all year (dry
     * air) and steadier weather than the north. Cooling dominates, and in winter and spring one day
     * can need heating at night and cooling in the afternoon.
     */
    public static final Climate HOT_SUMMER =
            new Climate("hot-summer", 23.5, 10.5, 15.0, 6.5, 0.5, 3.0, 1.5, 0.7, 0.8);

    public static List<Climate> all() {
        return List.of(NORDIC, HOT_SUMMER);
    }

    /** The climate of that name; the error names the valid ones. */
    public static Climate named(String name) {
        return all().stream()
                .filter(c -> c.name.equals(name))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "unknown climate '" + name + "'; one of " + names()));
    }

    public static String names() {
        return all().stream().map(Climate::name).collect(Collectors.joining(", "));
    }
}
