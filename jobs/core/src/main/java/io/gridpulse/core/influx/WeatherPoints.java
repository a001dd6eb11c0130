package io.gridpulse.core.influx;

import io.gridpulse.schema.WeatherObservation;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * The InfluxDB layout of weather: measurement {@code weather}, one point per district and
 * observation, so dashboards can lay consumption next to the temperature that drove it.
 */
public final class WeatherPoints {

    public static final String MEASUREMENT = "weather";

    private WeatherPoints() {}

    public static Point of(WeatherObservation observation) {
        return Point.measurement(MEASUREMENT)
                .time(observation.getTime().toEpochMilli(), TimeUnit.MILLISECONDS)
                .tag("district", observation.getDistrictId())
                .addField("temperature_c", observation.getTemperatureC())
                .build();
    }
}
