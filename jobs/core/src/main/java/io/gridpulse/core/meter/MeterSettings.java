package io.gridpulse.core.meter;

import io.gridpulse.core.config.PipelineOptions;
import io.gridpulse.core.vee.DuplicateRule;
import io.gridpulse.core.vee.FrozenRegisterRule;
import io.gridpulse.core.vee.GapRule;
import io.gridpulse.core.vee.LatenessRule;
import io.gridpulse.core.vee.RegisterRules;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.configuration.ReadableConfig;

/** The meter stage's settings: the reading rules it applies, each read from its own options. */
public record MeterSettings(
        Duration readingInterval,
        RegisterRules registers,
        DuplicateRule duplicates,
        GapRule gaps,
        FrozenRegisterRule frozen,
        LatenessRule lateness,
        Duration retention)
        implements Serializable {

    public MeterSettings {
        Duration closedQuartersChange = rollupLateness(lateness, gaps, readingInterval);
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
                RegisterRules.from(config),
                DuplicateRule.from(config),
                GapRule.from(config),
                FrozenRegisterRule.from(config),
                LatenessRule.from(config),
                config.get(PipelineOptions.METER_RETENTION));
    }

    /**
     * How long roll-up windows accept additions after they close: a late reading within the allowed
     * lateness, or energy interpolated into a gap that began up to the longest gap (plus its
     * quarter hour) before.
     */
    public Duration rollupLateness() {
        return rollupLateness(lateness, gaps, readingInterval);
    }

    private static Duration rollupLateness(
            LatenessRule lateness, GapRule gaps, Duration readingInterval) {
        Duration gapReach = gaps.maxGap().plusMinutes(15).plus(readingInterval);
        Duration allowed = lateness.allowedLateness();
        return allowed.compareTo(gapReach) >= 0 ? allowed : gapReach;
    }

    public static MeterSettings defaults() {
        return from(new Configuration());
    }
}
