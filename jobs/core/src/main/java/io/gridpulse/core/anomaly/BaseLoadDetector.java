package io.gridpulse.core.anomaly;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyType;
import io.gridpulse.schema.Severity;
import java.util.Locale;

/**
 * HIGH_BASE_LOAD: the base load is what a household draws when everyone sleeps, so an always-on
 * load shows there first and clearest. The lowest quarter hour of the local night ({@code
 * anomaly.night.start-hour} to {@code anomaly.night.end-hour}) is judged when the night ends,
 * against the usual night minimum: at least {@code anomaly.base-load.ratio} times it and {@code
 * anomaly.base-load.min-excess-w} above it. A night seen for less than {@code
 * anomaly.night.min-coverage} of its quarter hours says nothing.
 */
final class BaseLoadDetector implements Detector {

    private static final long serialVersionUID = 1L;

    /** How fast the usual night minimum follows the nights: an average, then a slow mean. */
    private static final double MIN_LEARNING_RATE = 0.1;

    private final int startHour;
    private final int endHour;
    private final int quartersNeeded;
    private final double ratio;
    private final double minExcessWh;

    BaseLoadDetector(AnomalySettings settings) {
        this.startHour = settings.nightStartHour();
        this.endHour = settings.nightEndHour();
        this.quartersNeeded =
                (int) Math.round((endHour - startHour) * 4 * settings.nightMinCoverage());
        this.ratio = settings.baseLoadRatio();
        this.minExcessWh = settings.baseLoadMinExcessWh();
    }

    @Override
    public AnomalyType type() {
        return AnomalyType.HIGH_BASE_LOAD;
    }

    boolean isNight(QuarterClock.Local at) {
        return at.hour() >= startHour && at.hour() < endHour;
    }

    /** A quarter hour of the night: its minimum so far. */
    void note(
            MeterWatch watch,
            QuarterClock.Local at,
            long start,
            double energyWh,
            boolean measured) {
        if (watch.nightDay != at.epochDay()) {
            watch.nightDay = at.epochDay();
            watch.nightStart = start;
            watch.nightMinWh = Float.MAX_VALUE;
            watch.nightQuarters = 0;
        }
        if (measured) {
            watch.nightMinWh = (float) Math.min(watch.nightMinWh, energyWh);
            watch.nightQuarters++;
        }
    }

    /**
     * At the first quarter hour after a night: whether that night was seen well enough to judge.
     */
    boolean nightEnded(MeterWatch watch) {
        if (watch.nightDay < 0) {
            return false;
        }
        watch.nightDay = -1;
        return watch.nightQuarters >= quartersNeeded;
    }

    /**
     * The night that just ended against the usual one, or null if normal (or nothing learned yet).
     */
    Finding judge(MeterWatch watch, boolean warm) {
        double min = watch.nightMinWh;
        double usual = watch.usualNightMinWh;
        if (warm
                && !Float.isNaN(watch.usualNightMinWh)
                && min >= ratio * usual
                && min - usual >= minExcessWh) {
            return new Finding(min / Math.max(usual, 1.0), usual, min);
        }
        return null;
    }

    /** A normal night teaches the usual minimum. */
    void learn(MeterWatch watch) {
        watch.nightsLearned++;
        double rate = Math.max(MIN_LEARNING_RATE, 1.0 / watch.nightsLearned);
        double min = watch.nightMinWh;
        double usual = watch.usualNightMinWh;
        watch.usualNightMinWh =
                (float) (Float.isNaN(watch.usualNightMinWh) ? min : usual + rate * (min - usual));
    }

    /** The finding for an extra load found to be always on: this night's minimum, or the usual. */
    Finding alwaysOn(MeterWatch watch) {
        double usual = Float.isNaN(watch.usualNightMinWh) ? 0 : watch.usualNightMinWh;
        double min =
                Math.max(usual, watch.nightMinWh == Float.MAX_VALUE ? usual : watch.nightMinWh);
        return new Finding(min / Math.max(usual, 1.0), usual, min);
    }

    @Override
    public Severity severity(double score) {
        return Severity.INFO;
    }

    @Override
    public Anomaly.Builder describe(Run run, Anomaly.Builder event) {
        return event.setScore(run.score)
                .setExpected(run.expected * 4)
                .setActual(run.actual * 4)
                .setUnit("W")
                .setMessage(
                        String.format(
                                Locale.ROOT,
                                "night minimum %.0f W, usually %.0f W (%.1f x) for %d night(s)",
                                run.actual * 4,
                                run.expected * 4,
                                run.score,
                                run.units));
    }
}
