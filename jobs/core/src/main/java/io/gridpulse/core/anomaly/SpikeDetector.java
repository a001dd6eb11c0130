package io.gridpulse.core.anomaly;

import io.gridpulse.schema.AnomalyType;

/**
 * SPIKE: a short burst of quarter hours far above the profile ({@code anomaly.spike.sigmas}, at
 * least {@code anomaly.spike.min-excess-kwh}) that rises above what the household drew just before
 * it by a large part of its usual peak ({@code anomaly.spike.rise-factor}) or by more than any one
 * appliance draws ({@code anomaly.spike.big-rise-kwh}), and beyond its usual biggest rise ({@code
 * anomaly.spike.usual-rise-factor}), over within {@code anomaly.spike.max-duration}.
 *
 * <p>The rise, not the level: a household's own big loads stack up one at a time (an oven switched
 * on during an evening sauna sets a new maximum, but by a step well under the peak), while an extra
 * load arrives at once. The burst: an hour of a sauna the household has not used lately, or the
 * start of a sustained high, rises as far but lasts longer. The peak is a poor yardstick where
 * heating makes it: a home heated with electricity peaks at 15 kW on a cold night, slowly, and an
 * extra 10 kW all at once is far beyond anything it switches on by itself, so a rise that big
 * counts whatever the peak. So the run is judged when it ends ({@link Run#nextBurst}), measured
 * from the quarter hour before it and the peak before it, not from its own quarter hours. A burst
 * the household repeats is its own once it was told: each run's rise becomes part of the usual
 * biggest rise ({@link MeterProfile#noteRise}).
 */
final class SpikeDetector implements Detector {

    private static final long serialVersionUID = 1L;

    private final double sigmas;
    private final double minExcessWh;
    private final double riseFactor;
    private final double usualRiseFactor;
    private final double bigRiseWh;
    private final double holdShare;
    private final int maxQuarters;

    SpikeDetector(AnomalySettings settings) {
        this.sigmas = settings.spikeSigmas();
        this.minExcessWh = settings.spikeMinExcessWh();
        this.riseFactor = settings.spikeRiseFactor();
        this.usualRiseFactor = settings.spikeUsualRiseFactor();
        this.bigRiseWh = settings.spikeBigRiseWh();
        this.holdShare = settings.spikeHoldShare();
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
     * enough above {@code fromWh}, the quarter hour before the burst (or the profile, if higher).
     * The burst's first quarter hour rises by a large part of the usual peak or more than an
     * appliance draws, and beyond the household's usual biggest rise; a later one keeps most of the
     * rise of the burst's strongest quarter hour so far ({@code anomaly.spike.hold-share}). So a
     * load that goes on, such as an hour of sauna, is one long run, not a burst that ends where one
     * quarter hour falls a little short of the bars.
     */
    Finding judge(
            double energyWh,
            double expectedWh,
            double spreadWh,
            double fromWh,
            double peakWh,
            double usualRiseWh,
            Run burst) {
        double excess = energyWh - expectedWh;
        double score = excess / spreadWh;
        if (score < sigmas || excess < minExcessWh) {
            return null;
        }
        double rise = rise(energyWh, expectedWh, fromWh);
        boolean far =
                burst.isActive()
                        ? rise >= holdShare * rise(burst.actual, burst.expected, fromWh)
                        : (rise >= riseFactor * peakWh || rise >= bigRiseWh)
                                && rise >= usualRiseFactor * usualRiseWh;
        return far ? new Finding(score, expectedWh, energyWh) : null;
    }

    /**
     * How far a quarter hour rises above {@code fromWh}, or above the profile if that is higher.
     */
    static double rise(double energyWh, double expectedWh, double fromWh) {
        return energyWh - Math.max(expectedWh, fromWh);
    }
}
