package io.gridpulse.core.vee;

import java.io.Serializable;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Turns two successive register values into interval energy, repairing what meters do to registers:
 * wrap-around at the register's width is a rollover (repaired exactly); any other backward step, or
 * a forward step larger than the household could possibly have used, is a reset or a replaced meter
 * and starts a new epoch, so no negative or huge false delta reaches a window.
 */
public final class RegisterRules implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * A wrap is recognised when the old value was in the top tenth of the register and the new one
     * in the bottom.
     */
    private static final double ROLLOVER_BAND = 0.1;

    /** Headroom over the plausible maximum power before a forward jump counts as a new epoch. */
    private static final double JUMP_HEADROOM = 1.5;

    private final double registerWidthWh;
    private final double maxPowerW;

    public RegisterRules(double registerWidthWh, double maxPowerW) {
        this.registerWidthWh = registerWidthWh;
        this.maxPowerW = maxPowerW;
    }

    public static RegisterRules from(ReadableConfig config) {
        return new RegisterRules(
                config.get(VeeOptions.REGISTER_WIDTH_WH), config.get(VeeOptions.MAX_POWER_W));
    }

    public RegisterDelta between(
            long previousTimestamp,
            double previousWh,
            long timestamp,
            double registerWh,
            double averagePowerW) {
        return between(
                previousTimestamp,
                previousWh,
                timestamp,
                registerWh,
                averagePowerW,
                previousTimestamp);
    }

    /**
     * As above, with the time the register last changed: a register that was stuck catches up in
     * one step, and that step is plausible against the whole time it stood still, not against one
     * interval.
     */
    public RegisterDelta between(
            long previousTimestamp,
            double previousWh,
            long timestamp,
            double registerWh,
            double averagePowerW,
            long movedTimestamp) {
        double hours = (timestamp - previousTimestamp) / 3_600_000.0;
        long since =
                movedTimestamp == Long.MIN_VALUE
                        ? previousTimestamp
                        : Math.min(movedTimestamp, previousTimestamp);
        double plausibleWh = maxPowerW * JUMP_HEADROOM * (timestamp - since) / 3_600_000.0;
        double difference = registerWh - previousWh;
        if (difference >= 0) {
            if (difference <= plausibleWh) {
                return new RegisterDelta(difference, RegisterDelta.Kind.MEASURED);
            }
            return newEpoch(averagePowerW, hours);
        }
        boolean wrapped =
                previousWh >= registerWidthWh * (1 - ROLLOVER_BAND)
                        && registerWh <= registerWidthWh * ROLLOVER_BAND;
        if (wrapped) {
            double acrossWrap = registerWh + registerWidthWh - previousWh;
            if (acrossWrap <= plausibleWh) {
                return new RegisterDelta(acrossWrap, RegisterDelta.Kind.ROLLOVER);
            }
        }
        return newEpoch(averagePowerW, hours);
    }

    private static RegisterDelta newEpoch(double averagePowerW, double hours) {
        return new RegisterDelta(Math.max(0, averagePowerW) * hours, RegisterDelta.Kind.NEW_EPOCH);
    }
}
