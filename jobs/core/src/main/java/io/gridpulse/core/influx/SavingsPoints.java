package io.gridpulse.core.influx;

import io.gridpulse.core.savings.live.SavingsDay;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * The InfluxDB layout of live savings: {@code meter_savings}, {@code feeder_savings} and {@code
 * district_savings}, one point per meter (feeder, district) and local day of the programme, stamped
 * with the day's start and tagged like the energy measurements, so a revised day overwrites its
 * point. Percentages are of the weather-normalised baseline. Figures that do not exist (savings of
 * a meter without a model, a group's projection before any day counted) are left out rather than
 * written as zeros.
 */
public final class SavingsPoints {

    public static final String METER_MEASUREMENT = "meter_savings";
    public static final String FEEDER_MEASUREMENT = "feeder_savings";
    public static final String DISTRICT_MEASUREMENT = "district_savings";

    private SavingsPoints() {}

    public static Point of(SavingsDay day) {
        Point.Builder point =
                Point.measurement(measurement(day.level))
                        .time(day.dayStartMillis, TimeUnit.MILLISECONDS)
                        .tag("district", day.districtId);
        if (!SavingsDay.DISTRICT.equals(day.level)) {
            point.tag("feeder", day.feederId);
        }
        if (SavingsDay.METER.equals(day.level)) {
            point.tag("meter", day.id).addField("status", day.status);
            if (day.reason != null) {
                point.addField("reason", day.reason);
            }
        } else {
            point.addField("meters_counted", (long) day.metersCounted)
                    .addField("meters_without_model", (long) day.metersWithoutModel)
                    .addField("meters_insufficient_baseline", (long) day.metersInsufficientBaseline)
                    .addField("meters_without_weather", (long) day.metersWithoutWeather)
                    .addField("meters_missing_data", (long) day.metersMissingData);
            finite(point, "projected_pct", 100 * day.projectedFraction);
        }
        point.addField("counted_days", day.countedDays).addField("target_pct", 100 * day.target);
        finite(point, "temperature_f", day.temperatureF);
        if (day.countedDays > 0) {
            point.addField("predicted_kwh", day.predictedKwh)
                    .addField("actual_kwh", day.actualKwh)
                    .addField("cumulative_predicted_kwh", day.cumulativePredictedKwh)
                    .addField("cumulative_actual_kwh", day.cumulativeActualKwh)
                    .addField("cumulative_avoided_kwh", day.cumulativeAvoidedKwh())
                    .addField("on_track", day.onTrack());
            finite(point, "savings_pct", 100 * day.savingsFraction());
            finite(point, "uncertainty_kwh", day.uncertaintyKwh);
            finite(point, "fsu_pct", 100 * day.fractionalUncertainty());
        }
        return point.build();
    }

    private static String measurement(String level) {
        return switch (level) {
            case SavingsDay.METER -> METER_MEASUREMENT;
            case SavingsDay.FEEDER -> FEEDER_MEASUREMENT;
            case SavingsDay.DISTRICT -> DISTRICT_MEASUREMENT;
            default -> throw new IllegalArgumentException("unknown savings level " + level);
        };
    }

    private static void finite(Point.Builder point, String field, double value) {
        if (Double.isFinite(value)) {
            point.addField(field, value);
        }
    }
}
