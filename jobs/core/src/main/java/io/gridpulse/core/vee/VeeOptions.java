package io.gridpulse.core.vee;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/** Thresholds of the validation rules (VEE: validation, estimation, editing). */
public final class VeeOptions {

    public static final ConfigOption<Duration> MAX_FUTURE =
            key("vee.max-future")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription(
                            "A reading stamped further ahead of the wall clock than this has a wrong clock: rejected as"
                                    + " FUTURE_TIMESTAMP (it would otherwise push the watermark forward and make good readings late).");

    public static final ConfigOption<Duration> MAX_AGE =
            key("vee.max-age")
                    .durationType()
                    .defaultValue(Duration.ofDays(3653))
                    .withDescription(
                            "Retention horizon: a reading older than this (against the wall clock) is rejected as"
                                    + " ANCIENT_TIMESTAMP. Ten years by default so that analysts can replay history.");

    public static final ConfigOption<Double> MAX_POWER_W =
            key("vee.max-power-w")
                    .doubleType()
                    .defaultValue(30_000.0)
                    .withDescription(
                            "Highest plausible average power of a household, in watts (a 3 x 63 A connection is about"
                                    + " 43 kW; typical main fuses allow 15-30 kW). Above it: POWER_TOO_HIGH.");

    public static final ConfigOption<Double> REGISTER_WIDTH_WH =
            key("vee.register-width-wh")
                    .doubleType()
                    .defaultValue(1.0e9)
                    .withDescription(
                            "Value at which meter registers wrap around to zero, in Wh (1e9 Wh = a 6-digit kWh register)."
                                    + " A step from the top tenth to the bottom tenth of the register is repaired as a rollover.");

    public static final ConfigOption<Integer> FROZEN_INTERVALS =
            key("vee.frozen-intervals")
                    .intType()
                    .defaultValue(15)
                    .withDescription(
                            "Consecutive readings with an unchanged register while the reported power says energy flows"
                                    + " after which the register is flagged as frozen.");

    public static final ConfigOption<Double> FROZEN_MIN_POWER_W =
            key("vee.frozen-min-power-w")
                    .doubleType()
                    .defaultValue(50.0)
                    .withDescription(
                            "Average power above which an unchanged register counts towards a frozen register, in W.");

    public static final ConfigOption<Duration> ALLOWED_LATENESS =
            key("vee.allowed-lateness")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription(
                            "How long after its quarter hour closed a reading is still used: it updates its quarter hour"
                                    + " and every roll-up containing it, and the rewritten points replace the old ones in InfluxDB. Later"
                                    + " readings go to the late topic (dead letter LATE).");

    public static final ConfigOption<Duration> MAX_GAP =
            key("vee.max-gap")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription(
                            "Longest run of missing readings that is filled by linear interpolation of the register"
                                    + " (flagged as estimated). Longer gaps stay missing and are reported with their start and end.");

    private VeeOptions() {}
}
