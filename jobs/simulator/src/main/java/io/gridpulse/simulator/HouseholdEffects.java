package io.gridpulse.simulator;

/**
 * Changes what the households of a run really do and what their meters send, step by step, from
 * inside the {@link Simulation} loop (e.g. the anomaly injector): the energy a household uses
 * before it goes into the register, whether the meter sends its reading, the voltage it reports.
 * The ground truth is built from the registers, so it includes every energy change made here.
 *
 * <p>Call order per run: {@link #begin} once, then for each step after the start reading {@link
 * #beforeStep}, and, only when that returned {@code true}, for each household in meter order {@link
 * #touches}, and only when that returned {@code true} {@link #energyWh}, then {@link #sends}, then
 * (if it sends) {@link #voltageV}; finally {@link #end}. Steps and households for which those
 * return {@code false} run exactly as without effects.
 */
public interface HouseholdEffects {

    /**
     * Before the first step; resets any state of an earlier run. Throws if the effects were made
     * for another run.
     */
    void begin(SimulationConfig config);

    /**
     * Before the households of step {@code step} (1..steps), whose interval ends at {@code
     * endMillis}.
     *
     * @param localHour local clock hour in [0, 24) at the middle of the interval
     * @return whether any household may be observed or changed in this step
     */
    boolean beforeStep(long step, long endMillis, double localHour);

    /**
     * Whether the household may be watched or changed in this step (cheap: it is asked for every
     * household).
     */
    boolean touches(int household);

    /**
     * The energy the household really uses in this step's interval, given what it would use by
     * itself (a multiple of the meter resolution). The simulation rounds the result to the meter
     * resolution and adds it to the register.
     */
    double energyWh(int household, double naturalWh);

    /**
     * Whether the household's meter sends its reading of this step (the register counts on either
     * way).
     */
    boolean sends(int household);

    /** The voltage the meter reports in this step, given the modelled one. */
    double voltageV(int household, double modelledV);

    /** After the last step run ({@code steps} for a complete run, less if it was stopped). */
    void end(long lastStep);
}
