package io.gridpulse.core.savings;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * One day of a household: the energy it used (any unit, the same for every day) and the day's mean
 * outdoor temperature in °F. °F because CalTRACK's balance-point grid (30..90 °F) is defined in °F;
 * {@link #ofCelsius} converts. A day without usage is {@code missing} and its usage is NaN; the two
 * always agree. A NaN temperature means the weather of the day is unknown: such a day can be
 * neither fitted nor predicted.
 *
 * <p>When the day's hourly temperatures are known ({@code hourlyTemperaturesF}, else null), its
 * degree days are degree hours: the mean over the hours of max(0, balance point - T). A mild day
 * with a cold night then still has heating degree days, as the house had a heating load that night;
 * the daily mean would hide it. Without them, degree days come from the daily mean (CalTRACK's
 * daily method).
 *
 * <p>Hourly arrays are indexed by the hour since local midnight (0..24: a day has 23, 24 or 25
 * hours), NaN where that hour is unknown. {@code hourlyUsage} (else null) is the use of each hour,
 * for models that fit hours ({@link TimeOfWeekFit}).
 */
public record DailyObservation(
        LocalDate date,
        double usage,
        double temperatureF,
        boolean missing,
        double[] hourlyTemperaturesF,
        double[] hourlyUsage) {

    public DailyObservation {
        Objects.requireNonNull(date, "date");
        // One truth for "no usage": callers may say it either way.
        missing = missing || Double.isNaN(usage);
        usage = missing ? Double.NaN : usage;
        if (hourlyTemperaturesF != null && hourlyTemperaturesF.length == 0) {
            hourlyTemperaturesF = null;
        }
        if (hourlyUsage != null && hourlyUsage.length == 0) {
            hourlyUsage = null;
        }
    }

    public DailyObservation(LocalDate date, double usage, double temperatureF, boolean missing) {
        this(date, usage, temperatureF, missing, null, null);
    }

    /** A day with the given usage; a NaN usage makes it missing. */
    public static DailyObservation of(LocalDate date, double usage, double temperatureF) {
        return new DailyObservation(date, usage, temperatureF, false);
    }

    /** The same day with its hourly temperatures (°F); its degree days become degree hours. */
    public DailyObservation withHourlyTemperatures(double[] hoursF) {
        return new DailyObservation(date, usage, temperatureF, missing, hoursF, hourlyUsage);
    }

    /** The same day with the use of each of its hours (NaN where unknown). */
    public DailyObservation withHourlyUsage(double[] hours) {
        return new DailyObservation(date, usage, temperatureF, missing, hourlyTemperaturesF, hours);
    }

    /** The same day with its daily mean temperature only (CalTRACK's daily degree days). */
    public DailyObservation dailyMeanOnly() {
        return hourlyTemperaturesF == null
                ? this
                : new DailyObservation(date, usage, temperatureF, missing, null, hourlyUsage);
    }

    public boolean hasHourlyTemperatures() {
        return hourlyTemperaturesF != null;
    }

    public boolean hasHourlyUsage() {
        return hourlyUsage != null;
    }

    /**
     * The temperature of the hour {@code hour} hours after local midnight: that hour's when known,
     * else the day's mean.
     */
    public double temperatureAtHourF(int hour) {
        if (hourlyTemperaturesF != null
                && hour < hourlyTemperaturesF.length
                && Double.isFinite(hourlyTemperaturesF[hour])) {
            return hourlyTemperaturesF[hour];
        }
        return temperatureF;
    }

    /** Heating degree days against a balance point (°F): from the hours when known. */
    public double heatingDegreeDays(double balancePointF) {
        if (hourlyTemperaturesF == null) {
            return DegreeDays.heating(balancePointF, temperatureF);
        }
        double sum = 0;
        int hours = 0;
        for (double hourF : hourlyTemperaturesF) {
            if (Double.isFinite(hourF)) {
                sum += DegreeDays.heating(balancePointF, hourF);
                hours++;
            }
        }
        return sum / hours;
    }

    /** Cooling degree days against a balance point (°F): from the hours when known. */
    public double coolingDegreeDays(double balancePointF) {
        if (hourlyTemperaturesF == null) {
            return DegreeDays.cooling(balancePointF, temperatureF);
        }
        double sum = 0;
        int hours = 0;
        for (double hourF : hourlyTemperaturesF) {
            if (Double.isFinite(hourF)) {
                sum += DegreeDays.cooling(balancePointF, hourF);
                hours++;
            }
        }
        return sum / hours;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DailyObservation that
                && date.equals(that.date)
                && Double.compare(usage, that.usage) == 0
                && Double.compare(temperatureF, that.temperatureF) == 0
                && missing == that.missing
                && Arrays.equals(hourlyTemperaturesF, that.hourlyTemperaturesF)
                && Arrays.equals(hourlyUsage, that.hourlyUsage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                date,
                usage,
                temperatureF,
                missing,
                Arrays.hashCode(hourlyTemperaturesF),
                Arrays.hashCode(hourlyUsage));
    }

    @Override
    public String toString() {
        return "DailyObservation["
                + date
                + ", usage "
                + usage
                + ", "
                + temperatureF
                + " °F"
                + (hourlyTemperaturesF == null ? "" : ", " + hourlyTemperaturesF.length + " hours")
                + (hourlyUsage == null ? "" : ", hourly use")
                + (missing ? ", missing" : "")
                + "]";
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
