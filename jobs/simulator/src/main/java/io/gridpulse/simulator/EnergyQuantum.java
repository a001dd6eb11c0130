package io.gridpulse.simulator;

/**
 * Energy resolution of the simulated meters: 1/1024 Wh.
 *
 * <p>Why a power of two: registers and interval energies that are whole multiples of 2^-10 Wh are
 * exact doubles, so adding an interval's energy to the register, taking the difference of two
 * registers and summing interval energies are all exact (up to 2^43 Wh). Ground truth computed from
 * the registers therefore equals the sum of the interval energies in any order, and a reading's
 * {@code averagePowerW * intervalMillis / 3_600_000} reproduces its register increment exactly for
 * intervals that divide an hour into whole seconds (1, 5, 15, 60 minutes...).
 */
public final class EnergyQuantum {

    static final double STEPS_PER_WH = 1024.0;
    static final double MILLIS_PER_HOUR = 3_600_000.0;

    private EnergyQuantum() {}

    /** Rounds an energy to the meter resolution. */
    public static double quantizeWh(double wh) {
        return Math.rint(wh * STEPS_PER_WH) / STEPS_PER_WH;
    }

    /** The interval energy, at meter resolution, of an average power held over an interval. */
    static double intervalWh(double powerW, long intervalMillis) {
        return quantizeWh(powerW * intervalMillis / MILLIS_PER_HOUR);
    }

    /** The average power that delivers exactly {@code wh} over the interval. */
    static double averagePowerW(double wh, long intervalMillis) {
        return wh * MILLIS_PER_HOUR / intervalMillis;
    }
}
