package io.gridpulse.core.anomaly;

import io.gridpulse.schema.AnomalyType;

/**
 * SUSTAINED_HIGH: {@code anomaly.sustained.min-duration} of quarter hours well above the profile
 * ({@code anomaly.sustained.sigmas}, at least {@code anomaly.sustained.min-excess-kwh} and {@code
 * anomaly.sustained.peak-share} of the usual peak). Within a run each quarter is measured against
 * the level from before the run: the level would soon learn the extra load itself.
 *
 * <p>A run already going is carried on by weaker quarter hours while the run as a whole stays well
 * above profile ({@code anomaly.sustained.run-sigmas}, and the energy bars on average): under an
 * extra load the household's own use still varies, and over an evening that varies widely (a spread
 * three times the afternoon's) the extra load alone is often under the sigma bar. Judging each
 * quarter hour alone broke such a load into pieces too short to report, and the level learned it in
 * between.
 */
final class SustainedHighDetector implements Detector {

    private static final long serialVersionUID = 1L;

    /** A quarter hour carries a run only if it is above the profile by its usual spread. */
    static final double CARRY_SIGMAS = 1.0;

    /** Quarter hours in a row that may hold a run without carrying it. */
    static final int MAX_LULLS = 1;

    /**
     * A quarter hour that carries or holds a run keeps at least this share of the run's average
     * excess: one that drops most of it is the load switched off (between two saunas), not a
     * smaller dinner under it.
     */
    static final double LOAD_SHARE = 0.25;

    private final double sigmas;
    private final double minExcessWh;
    private final double peakShare;
    private final double holdShare;
    private final double runSigmas;
    private final int quarters;

    SustainedHighDetector(AnomalySettings settings) {
        this.sigmas = settings.sustainedSigmas();
        this.minExcessWh = settings.sustainedMinExcessWh();
        this.peakShare = settings.sustainedPeakShare();
        this.holdShare = settings.sustainedHoldShare();
        this.runSigmas = settings.sustainedRunSigmas();
        this.quarters = settings.sustainedQuarters();
    }

    @Override
    public AnomalyType type() {
        return AnomalyType.SUSTAINED_HIGH;
    }

    @Override
    public int minUnits() {
        return quarters;
    }

    /**
     * The quarter hour's finding against the level before {@code run}, or null: it is high, or it
     * carries the run going ({@link #carries}).
     */
    Finding judge(
            double energyWh, double expectedWh, double spreadWh, MeterProfile profile, Run run) {
        double excess = energyWh - runExpectedWh(expectedWh, profile, run);
        double score = excess / spreadWh;
        boolean high = score >= sigmas && excess >= minExcessWh(profile);
        return high || carries(run, score, excess, profile)
                ? new Finding(score, energyWh - excess, energyWh)
                : null;
    }

    /**
     * Whether a quarter hour below the bars still lengthens {@code run}: it is above profile by
     * {@link #CARRY_SIGMAS}, by {@code anomaly.sustained.hold-share} of the energy bars and by
     * {@link #LOAD_SHARE} of the run's average excess, and the run with it still averages {@code
     * anomaly.sustained.run-sigmas} and the energy bars. Counting each quarter hour at most twice
     * the sigma bar keeps one huge quarter hour from carrying an evening of small ones; the energy
     * average keeps a household back from a few days away (its level low) from carrying a run on
     * its usual use.
     */
    private boolean carries(Run run, double score, double excess, MeterProfile profile) {
        int units = run.units + 1;
        return run.isActive()
                && holdShare < 1.0
                && score >= CARRY_SIGMAS
                && excess >= holdShare * minExcessWh(profile)
                && keepsLoad(run, excess)
                && (run.evidence + weight(score)) / units >= runSigmas
                && (run.excessSum() + excess) / units >= minExcessWh(profile);
    }

    /**
     * Whether a quarter hour that neither is high nor carries {@code run} still holds it, neither
     * lengthening nor ending it: the run has lasted half its minimum duration, and the quarter hour
     * reaches half the carrying bars and is the only one in a row ({@link #MAX_LULLS}; a dinner
     * much smaller than usual under a heater left on). Younger runs, or two such quarter hours,
     * end: an afternoon of a household's own loads with breaks between is not one long load.
     */
    boolean holds(
            double energyWh, double expectedWh, double spreadWh, MeterProfile profile, Run run) {
        double excess = energyWh - runExpectedWh(expectedWh, profile, run);
        return run.isActive()
                && holdShare < 1.0
                && run.lulls < MAX_LULLS
                && run.units >= quarters / 2
                && excess >= CARRY_SIGMAS / 2 * spreadWh
                && excess >= holdShare / 2 * minExcessWh(profile)
                && keepsLoad(run, excess);
    }

    /** Whether {@code excess} keeps {@link #LOAD_SHARE} of the active run's average excess. */
    private static boolean keepsLoad(Run run, double excess) {
        return excess >= LOAD_SHARE * run.excessSum() / run.units;
    }

    /** Adds a finding that lengthened {@code run} to the run's evidence. */
    void note(Run run, Finding finding) {
        run.evidence += (float) weight(finding.score());
    }

    private double weight(double score) {
        return Math.min(score, 2 * sigmas);
    }

    /** What the profile expected at the level from before the run, if one is going. */
    private static double runExpectedWh(double expectedWh, MeterProfile profile, Run run) {
        return run.isActive()
                ? Math.max(0, expectedWh - profile.levelWh + Math.min(profile.levelWh, run.level))
                : expectedWh;
    }

    private double minExcessWh(MeterProfile profile) {
        return Math.max(minExcessWh, peakShare * profile.peakWh());
    }

    /**
     * A high quarter hour at the household's own peak level within a run going is its own big
     * appliance (saunas one after another), not the extra load: it neither counts towards the run
     * nor breaks it. It may still start a run: an extra load on a household that already draws much
     * (electric heating on a cold night) sets a new peak in its first quarter hour.
     */
    static boolean atOwnPeak(double energyWh, double shiftWh, MeterProfile profile) {
        return energyWh - shiftWh >= profile.peakWh();
    }
}
