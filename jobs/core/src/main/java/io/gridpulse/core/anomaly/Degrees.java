package io.gridpulse.core.anomaly;

/**
 * A quarter hour's outdoor temperature as heating degrees (below {@code
 * anomaly.weather.heating-base-c}) and cooling degrees (above {@code
 * anomaly.weather.cooling-base-c}): the two ways weather drives a household's use.
 */
record Degrees(double heating, double cooling) {

    /** Neither heating nor cooling: also how a quarter hour of unknown temperature is counted. */
    static final Degrees NONE = new Degrees(0, 0);

    static Degrees of(double temperatureC, double heatingBaseC, double coolingBaseC) {
        return new Degrees(
                Math.max(0.0, heatingBaseC - temperatureC),
                Math.max(0.0, temperatureC - coolingBaseC));
    }
}
