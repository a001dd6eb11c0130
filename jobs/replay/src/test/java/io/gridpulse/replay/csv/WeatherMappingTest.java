package io.gridpulse.replay.csv;

import static io.gridpulse.replay.csv.MappingFixtures.millis;
import static io.gridpulse.replay.csv.MappingFixtures.pairs;
import static io.gridpulse.replay.csv.MappingFixtures.serializedCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WeatherMappingTest {

    private static final String ASOS_HEADER = "station,valid,tmpf,dwpf";

    private final WeatherMapping asos =
            WeatherMapping.parse(
                    pairs(
                            "timestamp=valid",
                            "timestamp-format=yyyy-MM-dd HH:mm",
                            "temperature=tmpf",
                            "temperature-unit=F",
                            "district-id=north",
                            "missing=M"));

    @Test
    void shouldRejectATemperatureNoWeatherHasWithItsValueAndWhy() {
        WeatherRowParser parser = asos.parser(ASOS_HEADER);

        assertThatThrownBy(() -> parser.parse("DSM,2016-01-01 00:54,9999,20.0"))
                .isInstanceOf(CsvLineException.class)
                .hasMessageContaining("temperature 9999 (5537.2 °C) is outside the plausible");
        assertThatThrownBy(() -> parser.parse("DSM,2016-01-01 00:54,-200,20.0"))
                .isInstanceOf(CsvLineException.class);
    }

    @Test
    void shouldConvertFahrenheitToCelsius() {
        WeatherRowParser parser = asos.parser(ASOS_HEADER);

        WeatherRow freezing = parser.parse("DSM,2016-01-01 00:54,32.0,20.0");
        WeatherRow hot = parser.parse("DSM,2016-01-01 01:54,122,20.0");
        WeatherRow cold = parser.parse("DSM,2016-01-01 02:54,-40,20.0");

        assertThat(freezing.districtId()).isEqualTo("north");
        assertThat(freezing.timeMillis()).isEqualTo(millis("2016-01-01T00:54:00Z"));
        assertThat(freezing.temperatureC()).isCloseTo(0.0, within(1e-9));
        assertThat(freezing.missing()).isFalse();
        assertThat(hot.temperatureC()).isCloseTo(50.0, within(1e-9));
        assertThat(cold.temperatureC()).isCloseTo(-40.0, within(1e-9));
    }

    @Test
    void shouldFlagMissingTemperatures() {
        WeatherRow row = asos.parser(ASOS_HEADER).parse("DSM,2016-01-01 00:54,M,M");

        assertThat(row.missing()).isTrue();
        assertThat(row.temperatureC()).isNaN();
    }

    @Test
    void shouldReadCelsiusWithDateTimeAndDistrictColumnsAndEuropeanDecimals() {
        WeatherMapping mapping =
                WeatherMapping.parse(
                        pairs(
                                "delimiter=;",
                                "decimal=,",
                                "date=Datum",
                                "time=Zeit",
                                "date-format=dd.MM.yyyy",
                                "time-zone=Europe/Berlin",
                                "temperature=LT",
                                "temperature-unit=c",
                                "district=Bezirk"));
        WeatherRowParser parser = serializedCopy(mapping.parser("Bezirk;Datum;Zeit;LT"));

        WeatherRow row = parser.parse("Mitte;15.07.2016;14:00;31,5");

        assertThat(row.districtId()).isEqualTo("Mitte");
        assertThat(row.timeMillis()).isEqualTo(millis("2016-07-15T12:00:00Z"));
        assertThat(row.temperatureC()).isCloseTo(31.5, within(1e-9));
    }

    @Test
    void shouldDescribeItself() {
        assertThat(asos.describe())
                .isEqualTo(
                        "temperature 'tmpf' in F, time 'valid' yyyy-MM-dd HH:mm UTC, district "
                                + "fixed 'north', delimiter ',', missing 'M'");
    }

    @Test
    void shouldRejectMeterKeysAndAMissingUnit() {
        assertThatThrownBy(
                        () ->
                                WeatherMapping.parse(
                                        pairs(
                                                "timestamp=valid",
                                                "temperature=tmpf",
                                                "temperature-unit=F",
                                                "interval=PT1H")))
                .isInstanceOf(CsvMappingException.class)
                .hasMessageStartingWith(
                        "unknown key 'interval'; the valid keys are delimiter, header, skip-lines");
        assertThatThrownBy(() -> WeatherMapping.parse(pairs("timestamp=valid", "temperature=tmpf")))
                .hasMessage("missing key 'temperature-unit': C (Celsius) or F (Fahrenheit)");
        assertThatThrownBy(
                        () ->
                                WeatherMapping.parse(
                                        pairs(
                                                "timestamp=valid",
                                                "temperature=tmpf",
                                                "temperature-unit=K")))
                .hasMessage(
                        "key 'temperature-unit': 'K' is neither C (Celsius) nor F (Fahrenheit)");
    }

    @Test
    void shouldNameTheTemperatureColumnOfABadLine() {
        assertThatThrownBy(() -> asos.parser(ASOS_HEADER).parse("DSM,2016-01-01 00:54,warm,20"))
                .isInstanceOf(CsvLineException.class)
                .hasMessage("column 'tmpf': 'warm' is not a number");
    }
}
