package io.gridpulse.replay.csv;

import java.io.Serializable;

/**
 * Turns the data lines of one weather file into {@link WeatherRow}s. Serializable, to be shipped
 * inside a Flink function; not safe to share between threads.
 */
public final class WeatherRowParser implements Serializable {

    private static final long serialVersionUID = 1L;

    private final RowSplitter splitter;
    private final FieldReader reader;
    private final TimeReader time;

    /**
     * Outdoor temperatures ever measured lie within about -90 and +57 °C: outside, the value is a
     * placeholder (9999) or in another unit, and taken as it is it would move a whole day's mean.
     */
    static final double MIN_PLAUSIBLE_C = -90;

    static final double MAX_PLAUSIBLE_C = 60;

    private final Column temperature;
    private final TemperatureUnit unit;
    private final IdSource.Bound district;

    WeatherRowParser(
            CsvLayout layout,
            TimeReader time,
            Column temperature,
            TemperatureUnit unit,
            IdSource.Bound district) {
        this.splitter =
                new RowSplitter(
                        layout.delimiter(), time.lastColumn(), temperature, district.column());
        this.reader = new FieldReader(layout);
        this.time = time;
        this.temperature = temperature;
        this.unit = unit;
        this.district = district;
    }

    /**
     * @param line a data line that is not blank ({@link CsvLayout#isBlank})
     * @throws CsvLineException naming the column and quoting its text when the line does not fit
     *     the mapping
     */
    public WeatherRow parse(String line) {
        String[] fields = splitter.split(line);
        long timeMillis = time.epochMillis(fields);
        double temperature = reader.number(fields, this.temperature);
        boolean missing = Double.isNaN(temperature);
        double celsius = missing ? Double.NaN : unit.toCelsius(temperature);
        if (!missing && !(celsius >= MIN_PLAUSIBLE_C && celsius <= MAX_PLAUSIBLE_C)) {
            throw new CsvLineException(
                    String.format(
                            java.util.Locale.ROOT,
                            "temperature %s (%.1f °C) is outside the plausible %.0f..%.0f °C: a"
                                    + " placeholder for a missing value, or the wrong unit in the"
                                    + " mapping",
                            fields[this.temperature.index()].strip(),
                            celsius,
                            MIN_PLAUSIBLE_C,
                            MAX_PLAUSIBLE_C));
        }
        return new WeatherRow(district.read(fields, reader), timeMillis, celsius, missing);
    }
}
