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

    private final double sigmas;
    private final double minExcessWh;
    private final double peakShare;
    private final int quarters;

    SustainedHighDetector(AnomalySettings settings) {
        this.sigmas = settings.sustainedSigmas();
        this.minExcessWh = settings.sustainedMinExcessWh();
        this.peakShare = settings.sustainedPeakShare();
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
        double runExpected =
                run.isActive()
                        ? Math.max(
                                0,
                                expectedWh - profile.levelWh + Math.min(profile.levelWh, run.level))
                        : expectedWh;
        double excess = energyWh - runExpected;
        double score = excess / spreadWh;
        return score >= sigmas && excess >= Math.max(minExcessWh, peakShare * profile.peakWh())
                ? new Finding(score, runExpected, energyWh)
                : null;
    }

    /**
     * A high quarter at the household's own peak level is its own big appliances (an evening of
     * sauna), not an extra load: it neither counts towards a run nor breaks one.
     */
    static boolean atOwnPeak(double energyWh, double shiftWh, MeterProfile profile) {
        return energyWh - shiftWh >= profile.peakWh();
    }
}
