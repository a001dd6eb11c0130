package io.gridpulse.core.anomaly;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyType;
import java.util.Locale;

/**
 * ZERO_CONSUMPTION: {@code anomaly.zero.min-duration} of quarter hours below {@code
 * anomaly.zero.max-kwh} where the profile expected at least {@code anomaly.zero.min-expected-kwh}
 * over the run.
 */
final class ZeroUseDetector implements Detector {

    private static final long serialVersionUID = 1L;

    private final double maxWh;
    private final int quarters;
    private final double minExpectedWh;

    ZeroUseDetector(AnomalySettings settings) {
        this.maxWh = settings.zeroMaxWh();
        this.quarters = settings.zeroQuarters();
        this.minExpectedWh = settings.zeroMinExpectedWh();
    }

    @Override
    public AnomalyType type() {
        return AnomalyType.ZERO_CONSUMPTION;
    }

    @Override
    public int minUnits() {
        return quarters;
    }

    @Override
    public double minExpectedSum() {
        return minExpectedWh;
    }

    Finding judge(double energyWh, double expectedWh) {
        return energyWh < maxWh ? new Finding(0, expectedWh, energyWh) : null;
    }

    @Override
    public Anomaly.Builder describe(Run run, Anomaly.Builder event) {
        return event.setScore(run.units / 4.0)
                .setExpected(run.expectedSum / 1000.0)
                .setActual(run.actualSum / 1000.0)
                .setUnit("kWh")
                .setMessage(
                        String.format(
                                Locale.ROOT,
                                "%.2f h of zero use where the profile expected %.2f kWh",
                                run.units / 4.0,
                                run.expectedSum / 1000.0));
    }
}
