package io.gridpulse.core.anomaly;

import io.gridpulse.schema.AnomalyType;

/**
 * SPIKE: a short burst of quarter hours far above the profile ({@code anomaly.spike.sigmas}, at
 * least {@code anomaly.spike.min-excess-kwh}) that rises above what the household drew just before
 * it by a large part of its usual peak ({@code anomaly.spike.rise-factor}) and beyond its usual
 * biggest rise ({@code anomaly.spike.usual-rise-factor}), over within {@code
 * anomaly.spike.max-duration}.
 *
 * <p>The rise, not the level: a household's own big loads stack up one at a time (an oven switched
 * on during an evening sauna sets a new maximum, but by a step well under the peak), while an extra
 * load arrives at once. The burst: an hour of a sauna the household has not used lately, or the
 * start of a sustained high, rises as far but lasts longer. So the run is judged when it ends
 * ({@link Run#nextBurst}), measured from the quarter hour before it and the peak before it, not
 * from its own quarter hours. A burst the household repeats is its own once it was told: each run's
 * rise becomes part of the usual biggest rise ({@link MeterProfile#noteRise}).
 */
final class SpikeDetector implements Detector {

    private static final long serialVersionUID = 1L;

    private final double sigmas;
    private final double minExcessWh;
    private final double riseFactor;
    private final double usualRiseFactor;
    private final int maxQuarters;

    SpikeDetector(AnomalySettings settings) {
        this.sigmas = settings.spikeSigmas();
        this.minExcessWh = settings.spikeMinExcessWh();
        this.riseFactor = settings.spikeRiseFactor();
        this.usualRiseFactor = settings.spikeUsualRiseFactor();
        this.maxQuarters = settings.spikeMaxQuarters();
    }

    /** The longest burst that is a spike, in quarter hours. */
    int maxQuarters() {
        return maxQuarters;
    }

    @Override
    public AnomalyType type() {
        return AnomalyType.SPIKE;
    }

    /**
     * The quarter hour's finding, or null if it is not far above the profile or does not rise far
     * enough above {@code fromWh}, the quarter hour before the burst (or the profile, if higher):
     * by a large part of the usual peak, and beyond the household's usual biggest rise.
     */
    Finding judge(
            double energyWh,
            double expectedWh,
            double spreadWh,
            double fromWh,
            double peakWh,
            double usualRiseWh) {
        double excess = energyWh - expectedWh;
        double score = excess / spreadWh;
        double rise = rise(energyWh, expectedWh, fromWh);
        return score >= sigmas
                        && excess >= minExcessWh
                        && rise >= riseFactor * peakWh
                        && rise >= usualRiseFactor * usualRiseWh
                ? new Finding(score, expectedWh, energyWh)
                : null;
    }

    /**
     * How far a quarter hour rises above {@code fromWh}, or above the profile if that is higher.
     */
    static double rise(double energyWh, double expectedWh, double fromWh) {
        return energyWh - Math.max(expectedWh, fromWh);
    }
}
