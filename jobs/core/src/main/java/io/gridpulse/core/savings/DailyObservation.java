package io.gridpulse.core.savings;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of a household: the energy it used (any unit, the same for every day) and the day's mean
 * outdoor temperature in °F. °F because CalTRACK's balance-point grid (30..90 °F) is defined in °F;
 * {@link #ofCelsius} converts. A day without usage is {@code missing} and its usage is NaN; the two
 * always agree. A NaN temperature means the weather of the day is unknown: such a day can be
 * neither fitted nor predicted.
 */
public record DailyObservation(LocalDate date, double usage, double temperatureF, boolean missing) {

    public DailyObservation {
        Objects.requireNonNull(date, "date");
        // One truth for "no usage": callers may say it either way.
        missing = missing || Double.isNaN(usage);
        usage = missing ? Double.NaN : usage;
    }

    /** A day with the given usage; a NaN usage makes it missing. */
    public static DailyObservation of(LocalDate date, double usage, double temperatureF) {
        return new DailyObservation(date, usage, temperatureF, false);
    }

    /** A day whose temperature is given in °C. */
    public static DailyObservation ofCelsius(LocalDate date, double usage, double temperatureC) {
        return of(date, usage, celsiusToFahrenheit(temperatureC));
    }

    /**
     * A day without usage (the meter reported too little of it); its temperature may still be
     * known.
     */
    public static DailyObservation missing(LocalDate date, double temperatureF) {
        return new DailyObservation(date, Double.NaN, temperatureF, true);
    }

    public static double celsiusToFahrenheit(double celsius) {
        return celsius * 9.0 / 5.0 + 32.0;
    }

    /**
     * Whether both usage and temperature are known, so the day can enter a fit or a savings sum.
     */
    public boolean hasUsageAndTemperature() {
        return !missing && Double.isFinite(temperatureF);
    }
}
