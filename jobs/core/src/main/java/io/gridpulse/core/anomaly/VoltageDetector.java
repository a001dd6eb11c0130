package io.gridpulse.core.anomaly;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyType;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.Severity;
import java.util.Locale;

/**
 * VOLTAGE: {@code anomaly.voltage.min-duration} of quarter hours whose every reading is outside the
 * band of {@code anomaly.voltage.tolerance} around {@code anomaly.voltage.nominal-v}; critical from
 * 15% off nominal.
 */
final class VoltageDetector implements Detector {

    private static final long serialVersionUID = 1L;

    private static final double CRITICAL_PERCENT = 15;

    private final double lowV;
    private final double highV;
    private final double nominalV;
    private final int quarters;

    VoltageDetector(AnomalySettings settings) {
        this.lowV = settings.voltageLowV();
        this.highV = settings.voltageHighV();
        this.nominalV = settings.nominalV();
        this.quarters = settings.voltageQuarters();
    }

    @Override
    public AnomalyType type() {
        return AnomalyType.VOLTAGE;
    }

    @Override
    public int minUnits() {
        return quarters;
    }

    /** Every reading of the quarter hour outside the band (score: percent off nominal), or null. */
    Finding judge(MeterAggregate quarter) {
        Double min = quarter.getMinVoltageV();
        Double max = quarter.getMaxVoltageV();
        if (min == null || max == null) {
            return null;
        }
        if (min > highV) {
            return new Finding(100.0 * (min - nominalV) / nominalV, nominalV, min);
        }
        if (max < lowV) {
            return new Finding(100.0 * (nominalV - max) / nominalV, nominalV, max);
        }
        return null;
    }

    @Override
    public Severity severity(double score) {
        return score >= CRITICAL_PERCENT ? Severity.CRITICAL : Severity.WARNING;
    }

    @Override
    public Anomaly.Builder describe(Run run, Anomaly.Builder event) {
        boolean high = run.actual > run.expected;
        return event.setScore(run.score)
                .setExpected(run.expected)
                .setActual(run.actual)
                .setUnit("V")
                .setMessage(
                        String.format(
                                Locale.ROOT,
                                "every reading %s %.1f V for %d quarter hour(s), worst %.1f V",
                                high ? "above" : "below",
                                high ? highV : lowV,
                                run.units,
                                run.actual));
    }
}
