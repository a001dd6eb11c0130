package io.gridpulse.core.vee;

import java.io.Serializable;
import org.apache.flink.configuration.ReadableConfig;

/**
 * A register that stands still while the meter reports power flowing is stuck: after {@code
 * vee.frozen-intervals} such readings in a row (power at least {@code vee.frozen-min-power-w}) it
 * is flagged, once per run of frozen readings.
 */
public final class FrozenRegisterRule implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int intervals;
    private final double minPowerW;

    public FrozenRegisterRule(int intervals, double minPowerW) {
        this.intervals = intervals;
        this.minPowerW = minPowerW;
    }

    public static FrozenRegisterRule from(ReadableConfig config) {
        return new FrozenRegisterRule(
                config.get(VeeOptions.FROZEN_INTERVALS), config.get(VeeOptions.FROZEN_MIN_POWER_W));
    }

    /** The run of frozen readings after this one, given the run before it. */
    public int run(int runBefore, double previousWh, double registerWh, double powerW) {
        return registerWh == previousWh && powerW >= minPowerW ? runBefore + 1 : 0;
    }

    /** Whether a run this long is flagged now: exactly once, when it reaches the threshold. */
    public boolean flags(int run) {
        return run == intervals;
    }
}
