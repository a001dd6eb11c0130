package io.gridpulse.replay.savings;

import io.gridpulse.core.savings.DailyObservation;
import io.gridpulse.core.savings.Fuel;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per district, the savings so far on each reporting day: avoided over predicted, both summed from
 * the programme's start to that day over the district's households that have a baseline. What the
 * chart plots against the target.
 */
final class CumulativeSavings {

    private CumulativeSavings() {}

    static Map<String, TreeMap<LocalDate, Double>> byDistrict(
            List<MeterSavings> meters,
            Map<String, TreeMap<LocalDate, DayTemperature>> temperaturesF,
            LocalDate from,
            LocalDate to,
            Fuel fuel) {
        Map<String, TreeMap<LocalDate, double[]>> daily = new TreeMap<>();
        for (MeterSavings meter : meters) {
            if (!meter.hasSavings()) {
                continue;
            }
            String district = meter.meter().districtId();
            Map<LocalDate, DayTemperature> temperatures =
                    temperaturesF.getOrDefault(district, new TreeMap<>());
            for (DailyObservation day :
                    MeterSavings.days(meter.meter(), temperatures, from, to, fuel)) {
                if (day.hasUsageAndTemperature()) {
                    double[] sums =
                            daily.computeIfAbsent(district, d -> new TreeMap<>())
                                    .computeIfAbsent(day.date(), d -> new double[2]);
                    sums[0] += meter.predict(day);
                    sums[1] += day.usage();
                }
            }
        }
        Map<String, TreeMap<LocalDate, Double>> cumulative = new TreeMap<>();
        daily.forEach(
                (district, days) -> {
                    TreeMap<LocalDate, Double> series = new TreeMap<>();
                    double predicted = 0;
                    double actual = 0;
                    for (Map.Entry<LocalDate, double[]> day : days.entrySet()) {
                        predicted += day.getValue()[0];
                        actual += day.getValue()[1];
                        series.put(
                                day.getKey(),
                                predicted > 0 ? (predicted - actual) / predicted : 0.0);
                    }
                    cumulative.put(district, series);
                });
        return cumulative;
    }
}
