package io.gridpulse.core.anomaly;

import io.gridpulse.schema.AnomalyType;

/**
 * SPIKE: one quarter hour far above the profile ({@code anomaly.spike.sigmas}, at least {@code
 * anomaly.spike.min-excess-kwh}) and above the household's usual peak ({@code
 * anomaly.spike.peak-factor}).
 */
final class SpikeDetector implements Detector {

    private static final long serialVersionUID = 1L;

    private final double sigmas;
    private final double minExcessWh;
    private final double peakFactor;

    SpikeDetector(AnomalySettings settings) {
        this.sigmas = settings.spikeSigmas();
        this.minExcessWh = settings.spikeMinExcessWh();
        this.peakFactor = settings.spikePeakFactor();
    }

    @Override
    public AnomalyType type() {
        return AnomalyType.SPIKE;
    }

    /**
     * The quarter hour's finding, or null if it is no spike. The usual peak was set under the
     * weather of its day: it is compared with the quarter net of today's shift ({@link
     * MeterProfile#shiftWh}).
     */
    Finding judge(
            double energyWh, double expectedWh, double spreadWh, double shiftWh, double peakWh) {
        double excess = energyWh - expectedWh;
        double score = excess / spreadWh;
        boolean abovePeak = energyWh - shiftWh >= peakFactor * peakWh;
        return score >= sigmas && excess >= minExcessWh && abovePeak
                ? new Finding(score, expectedWh, energyWh)
                : null;
    }
}
