package io.gridpulse.simulator.fault;

/**
 * The job's validation thresholds, as far as the expected outcome of a fault depends on them. The
 * defaults mirror the job's {@code vee.*} options; a job run with other settings needs the same
 * values here, or the ledger's expectations (frozen flags, rollover versus new epoch) will not
 * match what it does.
 *
 * <p>The simulator does not depend on the job, so {@link #classify} restates the job's register
 * rule (RegisterRules in jobs/core): a backward step from the top tenth of the register to the
 * bottom tenth is a rollover, any other backward step, or a forward step more than 1.5 times the
 * maximum power could deliver, starts a new epoch.
 *
 * @param registerWidthWh value at which registers wrap to zero ({@code vee.register-width-wh})
 * @param maxPowerW highest plausible average power ({@code vee.max-power-w})
 * @param frozenIntervals unchanged registers with power flowing before one is flagged frozen
 *     ({@code vee.frozen-intervals})
 * @param frozenMinPowerW power from which an unchanged register counts towards frozen ({@code
 *     vee.frozen-min-power-w})
 */
public record JobLimits(
        double registerWidthWh, double maxPowerW, int frozenIntervals, double frozenMinPowerW) {

    private static final double ROLLOVER_BAND = 0.1;
    private static final double JUMP_HEADROOM = 1.5;
    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    public JobLimits {
        if (!(registerWidthWh > 0)
                || !(maxPowerW > 0)
                || frozenIntervals < 1
                || !(frozenMinPowerW >= 0)) {
            throw new IllegalArgumentException(
                    "job limits must be positive: register width "
                            + registerWidthWh
                            + " Wh, max power "
                            + maxPowerW
                            + " W, frozen intervals "
                            + frozenIntervals
                            + ", frozen min power "
                            + frozenMinPowerW
                            + " W");
        }
    }

    /** The job's defaults: 1e9 Wh register, 30 kW, frozen after 15 intervals with at least 50 W. */
    public static JobLimits defaults() {
        return new JobLimits(1.0e9, 30_000.0, 15, 50.0);
    }

    /** How the job reads the step between two successive accepted readings of a meter. */
    RegisterStep classify(long previousMillis, double previousWh, long millis, double registerWh) {
        double hours = (millis - previousMillis) / MILLIS_PER_HOUR;
        double plausibleWh = maxPowerW * JUMP_HEADROOM * hours;
        double difference = registerWh - previousWh;
        if (difference >= 0) {
            return difference <= plausibleWh ? RegisterStep.MEASURED : RegisterStep.NEW_EPOCH;
        }
        boolean wrapped =
                previousWh >= registerWidthWh * (1 - ROLLOVER_BAND)
                        && registerWh <= registerWidthWh * ROLLOVER_BAND;
        return wrapped && registerWh + registerWidthWh - previousWh <= plausibleWh
                ? RegisterStep.ROLLOVER
                : RegisterStep.NEW_EPOCH;
    }

    /**
     * The energy the job books for an interval that starts a new epoch: its average power times its
     * length.
     */
    double newEpochEstimateWh(long previousMillis, long millis, double averagePowerW) {
        return Math.max(0, averagePowerW) * ((millis - previousMillis) / MILLIS_PER_HOUR);
    }

    /** How the job reads a register step (see {@link #classify}). */
    enum RegisterStep {
        MEASURED,
        ROLLOVER,
        NEW_EPOCH
    }
}
