package io.gridpulse.simulator;

/**
 * The fixed parameters of one simulated household, drawn once from the seed (see {@link
 * HouseholdProfiles}). Hours are local clock hours; powers are in watts; temperatures in degrees
 * Celsius.
 *
 * @param index position in the topology (0-based)
 * @param meterId meter identifier, e.g. {@code M000001}
 * @param feederId feeder identifier, e.g. {@code D01-F01}
 * @param districtId district identifier, e.g. {@code D01}
 * @param districtIndex index of the district (selects the district's weather)
 * @param scale size of the household's everyday load relative to a typical one
 * @param baseW night and standby load (fridge, freezer, routers), always on
 * @param morningW height of the weekday morning peak above the base
 * @param morningHour centre of the weekday morning peak
 * @param morningHalfWidthH half-width of the morning peak (it falls to zero this many hours from
 *     its centre)
 * @param weekendMorningDelayH how much later the (flatter) weekend morning peak is centred
 * @param daytimeW weekday daytime presence load (higher at weekends, when people are home)
 * @param eveningW height of the evening peak above the base
 * @param eveningHour centre of the evening peak
 * @param eveningHalfWidthH half-width of the evening peak
 * @param heatingWPerC electric heating per degree below the heating balance point; 0 = no electric
 *     heating
 * @param heatingBalanceC outdoor temperature below which the household heats
 * @param heatingMaxW heating capacity: the heating load never exceeds it
 * @param coolingWPerC cooling per degree above the cooling balance point; 0 = no air conditioning
 * @param coolingBalanceC outdoor temperature above which the household cools
 * @param applianceUsage multiplier on the typical daily use of appliances
 * @param appliancePowerW rated power per {@link Appliance} (indexed by ordinal); 0 = not owned
 * @param startRegisterWh energy register at the first reading
 * @param voltageOffsetV the meter's steady deviation from 230 V (its place along the feeder)
 * @param noiseSeed seed of this household's load and voltage noise
 */
public record HouseholdProfile(
        int index,
        String meterId,
        String feederId,
        String districtId,
        int districtIndex,
        double scale,
        double baseW,
        double morningW,
        double morningHour,
        double morningHalfWidthH,
        double weekendMorningDelayH,
        double daytimeW,
        double eveningW,
        double eveningHour,
        double eveningHalfWidthH,
        double heatingWPerC,
        double heatingBalanceC,
        double heatingMaxW,
        double coolingWPerC,
        double coolingBalanceC,
        double applianceUsage,
        double[] appliancePowerW,
        double startRegisterWh,
        double voltageOffsetV,
        long noiseSeed) {

    public boolean hasHeating() {
        return heatingWPerC > 0;
    }

    public boolean hasCooling() {
        return coolingWPerC > 0;
    }

    public boolean owns(Appliance appliance) {
        return appliancePowerW[appliance.ordinal()] > 0;
    }

    /** Rated power of an appliance, 0 when the household does not own it. */
    public double appliancePowerW(Appliance appliance) {
        return appliancePowerW[appliance.ordinal()];
    }
}
