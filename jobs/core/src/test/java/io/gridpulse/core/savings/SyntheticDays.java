package io.gridpulse.core.savings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * Synthetic baselines with known answers: a year of plausible temperatures and usage as a function
 * of them.
 */
final class SyntheticDays {

    static final LocalDate START = LocalDate.of(2023, 1, 1);

    private SyntheticDays() {}

    /**
     * A year of daily mean temperatures (°F): a seasonal swing from about 20 °F in January to 90 °F
     * in July plus a seeded day-to-day wobble, so every balance point of the default grid sees both
     * sides.
     */
    static double[] seasonalTemperatures(int days, long seed) {
        Random random = new Random(seed);
        double[] temperatures = new double[days];
        for (int d = 0; d < days; d++) {
            double season = -Math.cos(2 * Math.PI * d / 365.0);
            temperatures[d] = 55 + 35 * season + 6 * random.nextGaussian();
        }
        return temperatures;
    }

    /**
     * Consecutive days from {@link #START} with the given temperatures and usage = f(temperature).
     */
    static List<DailyObservation> days(double[] temperatures, DoubleUnaryOperator usage) {
        List<DailyObservation> days = new ArrayList<>();
        for (int d = 0; d < temperatures.length; d++) {
            days.add(
                    DailyObservation.of(
                            START.plusDays(d),
                            usage.applyAsDouble(temperatures[d]),
                            temperatures[d]));
        }
        return days;
    }

    static List<DailyObservation> constantTemperature(int days, double temperatureF, double usage) {
        List<DailyObservation> list = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            list.add(DailyObservation.of(START.plusDays(d), usage, temperatureF));
        }
        return list;
    }
}
