package io.gridpulse.core.anomaly;

import io.gridpulse.schema.AnomalyType;

/**
 * SUSTAINED_HIGH: {@code anomaly.sustained.min-duration} of quarter hours well above the profile
 * ({@code anomaly.sustained.sigmas}, at least {@code anomaly.sustained.min-excess-kwh} and {@code
 * anomaly.sustained.peak-share} of the usual peak). Within a run each quarter is measured against
 * the level from before the run: the level would soon learn the extra load itself.
 */
final class SustainedHighDetector implements Detector {

    private static final long serialVersionUID = 1L;

    /** Quarter hours in a row that may hold a run without reaching its bars: half an hour. */
    static final int MAX_LULLS = 2;

    private final double sigmas;
    private final double minExcessWh;
    private final double peakShare;
    private final double holdShare;
    private final int quarters;

    SustainedHighDetector(AnomalySettings settings) {
        this.sigmas = settings.sustainedSigmas();
        this.minExcessWh = settings.sustainedMinExcessWh();
        this.peakShare = settings.sustainedPeakShare();
        this.holdShare = settings.sustainedHoldShare();
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

    /** The quarter hour's finding against the level before {@code run}, or null. */
    Finding judge(
            double energyWh, double expectedWh, double spreadWh, MeterProfile profile, Run run) {
        double excess = energyWh - runExpectedWh(expectedWh, profile, run);
        double score = excess / spreadWh;
        return score >= sigmas && excess >= minExcessWh(profile)
                ? new Finding(score, energyWh - excess, energyWh)
                : null;
    }

    /**
     * Whether a quarter hour that is not high still holds {@code run}, neither lengthening nor
     * ending it: the run is going, has not been held for {@link #MAX_LULLS} quarter hours in a row,
     * and the quarter reaches {@code anomaly.sustained.hold-share} of the bars. The household's own
     * use under an extra load varies (a smaller dinner than usual), and once a run ends the level
     * has learned the load, which then never stands out again.
     */
    boolean holds(
            double energyWh, double expectedWh, double spreadWh, MeterProfile profile, Run run) {
        if (!run.isActive() || run.lulls >= MAX_LULLS || holdShare >= 1.0) {
            return false;
        }
        double excess = energyWh - runExpectedWh(expectedWh, profile, run);
        return excess >= holdShare * sigmas * spreadWh
                && excess >= holdShare * minExcessWh(profile);
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
     * A high quarter at the household's own peak level is its own big appliances (an evening of
     * sauna), not an extra load: it neither counts towards a run nor breaks one.
     */
    static boolean atOwnPeak(double energyWh, double shiftWh, MeterProfile profile) {
        return energyWh - shiftWh >= profile.peakWh();
    }
}
