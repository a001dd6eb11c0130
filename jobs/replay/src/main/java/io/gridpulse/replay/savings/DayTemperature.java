package io.gridpulse.replay.savings;

/**
 * A district's temperature on one local day, in °F: the mean of its observations, and the mean of
 * each local hour when enough of the day's hours were observed (else null).
 */
record DayTemperature(double meanF, double[] hoursF) {

    static final DayTemperature UNKNOWN = new DayTemperature(Double.NaN, null);
}
