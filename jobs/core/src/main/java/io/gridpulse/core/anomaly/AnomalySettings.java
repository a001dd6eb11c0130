package io.gridpulse.core.anomaly;

import static io.gridpulse.core.anomaly.AnomalyOptions.*;

import io.gridpulse.core.config.PipelineOptions;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.configuration.ReadableConfig;

/** The anomaly detectors' thresholds, read once (see {@link AnomalyOptions} for their meaning). */
public record AnomalySettings(
        Duration warmUp,
        double spikeSigmas,
        double spikeRiseFactor,
        double spikeUsualRiseFactor,
        double spikeBigRiseWh,
        double spikeHoldShare,
        double spikeMinExcessWh,
        int spikeMaxQuarters,
        double sustainedSigmas,
        double sustainedMinExcessWh,
        double sustainedPeakShare,
        double sustainedHoldShare,
        double sustainedRunSigmas,
        int sustainedQuarters,
        double baseLoadRatio,
        double baseLoadMinExcessWh,
        int nightStartHour,
        int nightEndHour,
        int zeroQuarters,
        double zeroMinExpectedWh,
        Duration silentAfter,
        double outageShare,
        int outageMinMeters,
        Duration outageGrace,
        double voltageLowV,
        double voltageHighV,
        double nominalV,
        int voltageQuarters,
        Duration retention,
        double nightMinCoverage,
        Duration alwaysOnAfter,
        double zeroMaxWh,
        double maxEstimatedFraction,
        Duration readingInterval,
        long inputEndMillis,
        Duration crowdWindow,
        int crowdMinMeters,
        double crowdShare,
        boolean weatherAware,
        double heatingBaseC,
        double coolingBaseC)
        implements Serializable {

    /** {@link #inputEndMillis} of an input without end (live). */
    public static final long NO_INPUT_END = Long.MAX_VALUE;

    /**
     * The shortest warm-up that lets a profile see every hour of the week once: with less, a meter
     * is judged on hours (a Saturday night) its profile has never seen.
     */
    public static final Duration MIN_WARM_UP = Duration.ofDays(7);

    public AnomalySettings {
        if (warmUp.compareTo(MIN_WARM_UP) < 0) {
            throw new IllegalConfigurationException(
                    AnomalyOptions.WARM_UP.key()
                            + " ("
                            + warmUp
                            + ") is shorter than a week: a meter would be judged on hours of the week"
                            + " its profile has not seen (at least "
                            + MIN_WARM_UP
                            + ", by default three weeks)");
        }
        if (retention.compareTo(silentAfter.plus(outageGrace)) <= 0) {
            throw new IllegalConfigurationException(
                    PipelineOptions.METER_RETENTION.key()
                            + " ("
                            + retention
                            + ") must be longer than a silence takes to be reported ("
                            + silentAfter.plus(outageGrace)
                            + ": anomaly.silent-after + anomaly.outage.grace)");
        }
    }

    private static final double QUARTER_HOURS = 0.25;

    public static AnomalySettings from(ReadableConfig config) {
        double nominal = config.get(VOLTAGE_NOMINAL_V);
        double tolerance = config.get(VOLTAGE_TOLERANCE);
        return new AnomalySettings(
                config.get(WARM_UP),
                config.get(SPIKE_SIGMAS),
                config.get(SPIKE_RISE_FACTOR),
                config.get(SPIKE_USUAL_RISE_FACTOR),
                config.get(SPIKE_BIG_RISE_KWH) * 1000,
                config.get(SPIKE_HOLD_SHARE),
                config.get(SPIKE_MIN_EXCESS_KWH) * 1000,
                quarters(config.get(SPIKE_MAX_DURATION)),
                config.get(SUSTAINED_SIGMAS),
                config.get(SUSTAINED_MIN_EXCESS_KWH) * 1000,
                config.get(SUSTAINED_PEAK_SHARE),
                config.get(SUSTAINED_HOLD_SHARE),
                config.get(SUSTAINED_RUN_SIGMAS),
                quarters(config.get(SUSTAINED_MIN_DURATION)),
                config.get(BASE_LOAD_RATIO),
                config.get(BASE_LOAD_MIN_EXCESS_W) * QUARTER_HOURS,
                config.get(NIGHT_START_HOUR),
                config.get(NIGHT_END_HOUR),
                quarters(config.get(ZERO_MIN_DURATION)),
                config.get(ZERO_MIN_EXPECTED_KWH) * 1000,
                silentAfter(config),
                config.get(OUTAGE_SHARE),
                config.get(OUTAGE_MIN_METERS),
                config.get(OUTAGE_GRACE),
                nominal * (1 - tolerance),
                nominal * (1 + tolerance),
                nominal,
                quarters(config.get(VOLTAGE_MIN_DURATION)),
                config.get(PipelineOptions.METER_RETENTION),
                config.get(NIGHT_MIN_COVERAGE),
                config.get(ALWAYS_ON_AFTER),
                config.get(ZERO_MAX_KWH) * 1000,
                config.get(MAX_ESTIMATED_FRACTION),
                config.get(PipelineOptions.READING_INTERVAL),
                inputEnd(config),
                config.get(CROWD_WINDOW),
                config.get(CROWD_MIN_METERS),
                config.get(CROWD_SHARE),
                config.get(WEATHER),
                config.get(WEATHER_HEATING_BASE_C),
                config.get(WEATHER_COOLING_BASE_C));
    }

    private static long inputEnd(ReadableConfig config) {
        return config.getOptional(INPUT_END)
                .map(
                        text -> {
                            try {
                                return Instant.parse(text).toEpochMilli();
                            } catch (DateTimeParseException e) {
                                throw new IllegalConfigurationException(
                                        INPUT_END.key()
                                                + " '"
                                                + text
                                                + "' is not an ISO instant such as"
                                                + " 2026-02-16T00:00:00Z");
                            }
                        })
                .orElse(NO_INPUT_END);
    }

    /**
     * Quarter hours an hour of the week must have been learned from before it is judged: two thirds
     * of the warm-up's weeks, four quarters each, at least one week's.
     */
    public int warmQuartersPerHourOfWeek() {
        long weeks = warmUp.toDays() / 7;
        return 4 * (int) Math.max(1, (2 * weeks) / 3);
    }

    /** As configured, or by default the larger of one hour and three reading intervals. */
    static Duration silentAfter(ReadableConfig config) {
        if (config.getOptional(SILENT_AFTER).isPresent()) {
            return config.get(SILENT_AFTER);
        }
        Duration threeReadings = config.get(PipelineOptions.READING_INTERVAL).multipliedBy(3);
        return threeReadings.compareTo(SILENT_AFTER.defaultValue()) > 0
                ? threeReadings
                : SILENT_AFTER.defaultValue();
    }

    public static AnomalySettings defaults() {
        return from(new Configuration());
    }

    /** Whole quarter hours in a duration, at least one. */
    private static int quarters(Duration d) {
        return (int) Math.max(1, (d.toMinutes() + 14) / 15);
    }
}
