package io.gridpulse.replay.csv;

import java.io.Serializable;

/**
 * One data line of a weather file, typed and in degrees Celsius.
 *
 * @param districtId the district the temperature is for, {@code unassigned} when the file does not
 *     say
 * @param timeMillis the time of the observation, in epoch milliseconds
 * @param temperatureC the temperature in degrees Celsius; NaN when missing
 * @param missing whether the line has no temperature (empty, or the mapping's missing marker)
 */
public record WeatherRow(String districtId, long timeMillis, double temperatureC, boolean missing)
        implements Serializable {}
