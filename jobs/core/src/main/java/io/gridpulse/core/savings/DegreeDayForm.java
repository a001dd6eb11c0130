package io.gridpulse.core.savings;

/** How a day's degree days are computed from its weather. */
public enum DegreeDayForm {
    /** CalTRACK's daily method: from the day's mean temperature. */
    DAILY_MEAN("degree days from the daily mean temperature"),
    /** Degree hours: the mean over the day's hours of each hour's degree days. */
    HOURLY("degree days from the hourly temperatures");

    private final String description;

    DegreeDayForm(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The day as a model of this form sees it. */
    public DailyObservation view(DailyObservation day) {
        return this == DAILY_MEAN ? day.dailyMeanOnly() : day;
    }
}
