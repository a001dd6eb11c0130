package io.gridpulse.core.meter;

import io.gridpulse.core.config.PipelineOptions;
import io.gridpulse.core.vee.VeeOptions;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.configuration.ReadableConfig;

/** The meter stage's settings, read once. */
public record MeterSettings(
        Duration readingInterval,
        double maxPowerW,
        double registerWidthWh,
        int frozenIntervals,
        double frozenMinPowerW,
        Duration allowedLateness,
        Duration maxGap,
        Duration retention)
        implements Serializable {

    public MeterSettings {
        Duration closedQuartersChange = rollupLateness(allowedLateness, maxGap, readingInterval);
        if (retention.compareTo(closedQuartersChange) <= 0) {
            throw new IllegalConfigurationException(
                    PipelineOptions.METER_RETENTION.key()
                            + " ("
                            + retention
                            + ") must be longer than a closed quarter hour can still change ("
                            + closedQuartersChange
                            + ": vee.allowed-lateness, vee.max-gap)");
        }
    }

    public static MeterSettings from(ReadableConfig config) {
        return new MeterSettings(
                config.get(PipelineOptions.READING_INTERVAL),
                config.get(VeeOptions.MAX_POWER_W),
                config.get(VeeOptions.REGISTER_WIDTH_WH),
                config.get(VeeOptions.FROZEN_INTERVALS),
                config.get(VeeOptions.FROZEN_MIN_POWER_W),
                config.get(VeeOptions.ALLOWED_LATENESS),
                config.get(VeeOptions.MAX_GAP),
                config.get(PipelineOptions.METER_RETENTION));
    }

    /**
     * How long roll-up windows accept additions after they close: a late reading within the allowed
     * lateness, or energy interpolated into a gap that began up to the longest gap (plus its
     * quarter hour) before.
     */
    public Duration rollupLateness() {
        return rollupLateness(allowedLateness, maxGap, readingInterval);
    }

    private static Duration rollupLateness(
            Duration allowedLateness, Duration maxGap, Duration readingInterval) {
        Duration gapReach = maxGap.plusMinutes(15).plus(readingInterval);
        return allowedLateness.compareTo(gapReach) >= 0 ? allowedLateness : gapReach;
    }

    public static MeterSettings defaults() {
        return from(new Configuration());
    }
}
