package io.gridpulse.core.savings;

/** The baseline models that compete per household ({@link ModelSelection}). */
public enum BaselineMethod {
    /** CalTRACK's daily method: degree days from the day's mean temperature. */
    DAILY_MEAN,
    /** The CalTRACK daily model with degree days from the day's hourly temperatures. */
    HOURLY,
    /** CalTRACK's hourly time-of-week and temperature model. */
    TIME_OF_WEEK
}
