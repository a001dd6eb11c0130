package io.gridpulse.simulator;

/**
 * Appliances whose use shows up as discrete events in a household's load: short, high-power blocks
 * on top of the smooth daily shape. Each event's time of day follows one of two modes anchored to
 * the household's own routine (its morning or evening peak) or to midday, so events cluster where
 * that household is active.
 *
 * <p>Powers are averages over the event (an oven cycles on its thermostat; a washing machine heats,
 * then turns).
 */
public enum Appliance {
    //               own   minW  maxW  minMin maxMin wkday wkend  first mode                  second
    // mode
    KETTLE(
            0.90,
            1800,
            2400,
            2,
            5,
            2.0,
            2.5,
            Anchor.MORNING,
            0.0,
            0.5,
            0.5,
            Anchor.EVENING,
            -0.5,
            1.5),
    OVEN(
            0.85,
            1500,
            2500,
            30,
            75,
            0.40,
            0.70,
            Anchor.EVENING,
            -1.0,
            0.7,
            0.8,
            Anchor.MIDDAY,
            -0.5,
            1.0),
    WASHING_MACHINE(
            0.85,
            500,
            1000,
            60,
            120,
            0.35,
            0.60,
            Anchor.EVENING,
            0.0,
            1.5,
            0.5,
            Anchor.MIDDAY,
            -1.0,
            2.0),
    DISHWASHER(
            0.60,
            700,
            1200,
            60,
            100,
            0.60,
            0.70,
            Anchor.EVENING,
            2.0,
            1.0,
            0.9,
            Anchor.MIDDAY,
            1.0,
            1.0),
    // An electric sauna stove: rare on weekdays, the Saturday-evening ritual in many Finnish homes.
    SAUNA(
            0.35,
            6000,
            9000,
            60,
            100,
            0.10,
            0.60,
            Anchor.EVENING,
            1.0,
            1.0,
            0.8,
            Anchor.MIDDAY,
            4.0,
            1.0);

    /** What an event time is measured from. */
    enum Anchor {
        MORNING,
        MIDDAY,
        EVENING
    }

    final double ownership;
    final double minW;
    final double maxW;
    final double minMinutes;
    final double maxMinutes;
    final double weekdayRate;
    final double weekendRate;
    final Anchor firstAnchor;
    final double firstOffsetH;
    final double firstSigmaH;
    final double firstWeight;
    final Anchor secondAnchor;
    final double secondOffsetH;
    final double secondSigmaH;

    Appliance(
            double ownership,
            double minW,
            double maxW,
            double minMinutes,
            double maxMinutes,
            double weekdayRate,
            double weekendRate,
            Anchor firstAnchor,
            double firstOffsetH,
            double firstSigmaH,
            double firstWeight,
            Anchor secondAnchor,
            double secondOffsetH,
            double secondSigmaH) {
        this.ownership = ownership;
        this.minW = minW;
        this.maxW = maxW;
        this.minMinutes = minMinutes;
        this.maxMinutes = maxMinutes;
        this.weekdayRate = weekdayRate;
        this.weekendRate = weekendRate;
        this.firstAnchor = firstAnchor;
        this.firstOffsetH = firstOffsetH;
        this.firstSigmaH = firstSigmaH;
        this.firstWeight = firstWeight;
        this.secondAnchor = secondAnchor;
        this.secondOffsetH = secondOffsetH;
        this.secondSigmaH = secondSigmaH;
    }

    /** Expected uses per day for a household with usage multiplier 1. */
    public double dailyRate(boolean weekend) {
        return weekend ? weekendRate : weekdayRate;
    }

    private static final Appliance[] ALL = values();

    static Appliance[] all() {
        return ALL;
    }
}
