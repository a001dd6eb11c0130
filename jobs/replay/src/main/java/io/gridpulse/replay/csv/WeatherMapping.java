package io.gridpulse.replay.csv;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to read a CSV file of temperatures: the same layout and time keys as a {@link
 * ReadingMapping}, plus the temperature column and unit and where the district comes from.
 * Observations are points in time, so there are no {@code interval} and {@code timestamp-marks}
 * keys.
 */
public final class WeatherMapping implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final List<String> OWN_KEYS =
            List.of("temperature", "temperature-unit", "district", "district-id");
    static final List<String> KEYS = keys();

    private final CsvLayout layout;
    private final TimeColumns time;
    private final ColumnRef temperature;
    private final TemperatureUnit unit;
    private final IdSource district;

    private WeatherMapping(MappingKeys keys) {
        layout = CsvLayout.parse(keys);
        temperature =
                ColumnRef.parse(
                        "temperature",
                        keys.required(
                                "temperature",
                                "the column of the temperatures, by " + "header name or number"));
        unit =
                TemperatureUnit.parse(
                        keys.required("temperature-unit", "C (Celsius) or F (Fahrenheit)"));
        time = TimeColumns.parse(keys);
        district = IdSource.parse(keys, "district", "district-id", IdSource.UNASSIGNED);
    }

    /**
     * @param pairs the mapping's key=value pairs; keys may have the prefix {@code csv.}
     * @throws CsvMappingException naming the key when a key is unknown, missing or has a value that
     *     cannot work
     */
    public static WeatherMapping parse(Map<String, String> pairs) {
        return new WeatherMapping(new MappingKeys(pairs, KEYS));
    }

    /**
     * @param headerLine the file's header line when the layout has a header, else null
     * @throws CsvMappingException when a column is not in the header, or the header is missing
     * @throws IllegalArgumentException when a header line is given though the mapping has
     *     header=false
     */
    public WeatherRowParser parser(String headerLine) {
        Header header = Header.read(layout, headerLine);
        return new WeatherRowParser(
                layout,
                time.bind(header),
                temperature.resolve(header),
                unit,
                district.bind(header));
    }

    public CsvLayout layout() {
        return layout;
    }

    public ZoneId timeZone() {
        return time.zone();
    }

    /**
     * One line for the logs, e.g. {@code temperature 'tmpf' in F, time 'valid' yyyy-MM-dd HH:mm
     * UTC, district ...}.
     */
    public String describe() {
        return "temperature "
                + temperature.describe()
                + " in "
                + unit
                + ", "
                + time.describe()
                + ", "
                + district.describe("district")
                + ", "
                + layout.describe();
    }

    @Override
    public String toString() {
        return describe();
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(CsvLayout.KEYS);
        keys.addAll(TimeColumns.KEYS);
        keys.addAll(OWN_KEYS);
        return List.copyOf(keys);
    }
}
