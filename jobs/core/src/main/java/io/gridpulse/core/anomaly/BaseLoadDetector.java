package io.gridpulse.core.anomaly;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyType;
import io.gridpulse.schema.Severity;
import java.util.Locale;

/**
 * HIGH_BASE_LOAD: the base load is what a household draws when everyone sleeps, so an always-on
 * load shows there first and clearest. The lowest quarter hour of the local night ({@code
 * anomaly.night.start-hour} to {@code anomaly.night.end-hour}) is judged when the night ends,
 * against the usual night minimum: at least {@code anomaly.base-load.min-excess-w} above it, and
 * above it by at least {@code anomaly.base-load.ratio} minus one times the usual minimum less its
 * heating and cooling. A night seen for less than {@code anomaly.night.min-coverage} of its quarter
 * hours says nothing.
 *
 * <p>Where the district's temperature is known and the meter's {@link WeatherResponse} is fitted,
 * the night's lowest quarter hour is the one lowest net of heating and cooling. The usual minimum
 * is kept as drawn, with its degrees, and moved to the night's degrees with the response's present
 * slopes: a cold night's heating is not an always-on load, and when the response learns its slopes
 * the usual night moves with the night it is compared with. The excess must then also stand out
 * from how the meter's nights stray from the usual so moved: heating varies from night to night,
 * and stops following the cold where it runs at full power.
 */
final class BaseLoadDetector implements Detector {

    private static final long serialVersionUID = 1L;

    /**
     * A night's excess must be this many times the usual night-to-night deviation: nights heated by
     * electricity vary with the heating, and no fixed margin suits both them and a flat summer
     * night.
     */
    private static final double NIGHT_SPREADS = 4.0;

    /** The least spread of a night, as a share of what its heating or cooling draws. */
    private static final double LOAD_SPREAD_SHARE = 0.05;

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

    /**
     * A quarter hour of the night ({@code degrees} null: temperature not known): the night's lowest
     * so far, net of what heating and cooling drew, kept as drawn with its degrees.
     */
    void note(
            MeterWatch watch,
            QuarterClock.Local at,
            long start,
            double energyWh,
            Degrees degrees,
            boolean measured) {
        if (watch.nightDay != at.epochDay()) {
            watch.nightDay = at.epochDay();
            watch.nightStart = start;
            watch.nightMinWh = Float.MAX_VALUE;
            watch.nightQuarters = 0;
        }
        if (!measured) {
            return;
        }
        watch.nightQuarters++;
        Degrees weather = degrees == null ? Degrees.NONE : degrees;
        if (watch.nightMinWh == Float.MAX_VALUE
                || energyWh - loadWh(watch, weather)
                        < watch.nightMinWh - loadWh(watch, night(watch))) {
            watch.nightMinWh = (float) energyWh;
            watch.nightMinHeating = (float) weather.heating();
            watch.nightMinCooling = (float) weather.cooling();
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
     * The night that just ended against the usual one at its temperature, or null if normal (or
     * nothing learned yet).
     */
    Finding judge(MeterWatch watch, boolean warm) {
        if (!warm || Float.isNaN(watch.usualNightMinWh)) {
            return null;
        }
        double min = watch.nightMinWh;
        double usual = usualAtTonightsWeatherWh(watch);
        double excess = min - usual;
        double weatherFreeUsual = watch.usualNightMinWh - loadWh(watch, usualDegrees(watch));
        if (excess >= minExcessWh
                && excess >= (ratio - 1) * weatherFreeUsual
                && excess >= NIGHT_SPREADS * nightSpreadWh(watch)) {
            return new Finding(min / Math.max(usual, 1.0), usual, min);
        }
        return null;
    }

    /**
     * A normal night teaches the usual minimum, as drawn and with its degrees, and how far nights
     * stray from it.
     */
    void learn(MeterWatch watch) {
        watch.nightsLearned++;
        double rate = Math.max(MIN_LEARNING_RATE, 1.0 / watch.nightsLearned);
        if (!weatherInUse(watch)) {
            // Until the slopes are used, nights stray by their weather: that is not the spread
            // of the nights they will be compared with.
            watch.spreadNights = 0;
        } else if (!Float.isNaN(watch.usualNightMinWh)) {
            watch.spreadNights++;
            double stray = Math.abs(watch.nightMinWh - usualAtTonightsWeatherWh(watch));
            watch.nightSpreadWh +=
                    (float)
                            (Math.max(MIN_LEARNING_RATE, 1.0 / watch.spreadNights)
                                    * (stray - watch.nightSpreadWh));
        }
        if (Float.isNaN(watch.usualNightMinWh)) {
            watch.usualNightMinWh = watch.nightMinWh;
            watch.usualNightHeating = watch.nightMinHeating;
            watch.usualNightCooling = watch.nightMinCooling;
            return;
        }
        watch.usualNightMinWh += (float) (rate * (watch.nightMinWh - watch.usualNightMinWh));
        watch.usualNightHeating +=
                (float) (rate * (watch.nightMinHeating - watch.usualNightHeating));
        watch.usualNightCooling +=
                (float) (rate * (watch.nightMinCooling - watch.usualNightCooling));
    }

    /** The finding for an extra load found to be always on: this night's minimum, or the usual. */
    Finding alwaysOn(MeterWatch watch) {
        boolean noNight = watch.nightMinWh == Float.MAX_VALUE;
        double usual =
                Float.isNaN(watch.usualNightMinWh)
                        ? 0
                        : noNight ? watch.usualNightMinWh : usualAtTonightsWeatherWh(watch);
        double min = Math.max(usual, noNight ? usual : watch.nightMinWh);
        return new Finding(min / Math.max(usual, 1.0), usual, min);
    }

    /**
     * The usual night minimum moved to tonight's degrees by the meter's weather response: the
     * heating and cooling of the two nights differ, the rest of the night is what the household
     * usually draws.
     */
    private static double usualAtTonightsWeatherWh(MeterWatch watch) {
        return Math.max(
                0.0,
                watch.usualNightMinWh
                        + loadWh(watch, night(watch))
                        - loadWh(watch, usualDegrees(watch)));
    }

    /**
     * How far tonight may stray from the usual: as nights have, and at least a share of what the
     * heating or cooling draws tonight (a few weeks of nights do not show how heating varies in a
     * colder month, nor where it runs at its full power and stops following the cold).
     */
    private static double nightSpreadWh(MeterWatch watch) {
        if (!weatherInUse(watch)) {
            return 0; // the ratio and the margin alone, as without weather ever
        }
        return Math.max(watch.nightSpreadWh, LOAD_SPREAD_SHARE * loadWh(watch, night(watch)));
    }

    private static boolean weatherInUse(MeterWatch watch) {
        return watch.profile.weather != null && watch.profile.weather.isFitted();
    }

    private static Degrees usualDegrees(MeterWatch watch) {
        return new Degrees(watch.usualNightHeating, watch.usualNightCooling);
    }

    private static Degrees night(MeterWatch watch) {
        return new Degrees(watch.nightMinHeating, watch.nightMinCooling);
    }

    private static double loadWh(MeterWatch watch, Degrees degrees) {
        return watch.profile.weatherLoadWh(degrees);
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
