package io.gridpulse.replay.csv;

import static io.gridpulse.replay.csv.MappingFixtures.pairs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadingMappingTest {

    private static final List<String> HOURLY =
            List.of(
                    "timestamp=start",
                    "value=value",
                    "meter-id=m",
                    "value-kind=interval-energy",
                    "unit=kWh",
                    "interval=PT1H");

    /**
     * The hourly mapping with pairs added, or replacing the hourly mapping's pair of the same key.
     */
    private static Map<String, String> hourlyWith(String... changes) {
        List<String> all = new ArrayList<>(HOURLY);
        all.addAll(Arrays.asList(changes));
        return pairs(all.toArray(String[]::new));
    }

    private static Map<String, String> hourlyWithout(String key) {
        return pairs(
                HOURLY.stream().filter(pair -> !pair.startsWith(key + "=")).toArray(String[]::new));
    }

    @Test
    void shouldDescribeItselfInOneLine() {
        ReadingMapping mapping =
                ReadingMapping.parse(
                        pairs(
                                "delimiter=;",
                                "date=Date",
                                "time=Time",
                                "date-format=d/M/yyyy",
                                "time-format=H:mm:ss",
                                "time-zone=Europe/Paris",
                                "value=Global_active_power",
                                "value-kind=average-power",
                                "unit=kW",
                                "interval=PT1M",
                                "missing=?",
                                "voltage=Voltage",
                                "timestamp-marks=start",
                                "meter-id=uci-1"));

        assertThat(mapping.describe())
                .isEqualTo(
                        "value 'Global_active_power' average-power in kW every PT1M, time "
                                + "'Date'+'Time' d/M/yyyy H:mm:ss Europe/Paris, meter fixed 'uci-1', times mark the start, voltage 'Voltage', "
                                + "delimiter ';', missing '?'");
        assertThat(mapping.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(mapping.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(mapping.kind()).isEqualTo(ValueKind.AVERAGE_POWER);
        assertThat(mapping.unit()).isEqualTo(MeterUnit.KW);
        assertThat(mapping.layout()).isEqualTo(new CsvLayout(';', true, 0, '.', "?"));
    }

    @Test
    void shouldDescribeColumnsByNumberAndTheDefaults() {
        ReadingMapping mapping =
                ReadingMapping.parse(
                        pairs(
                                "header=false",
                                "skip-lines=2",
                                "meter=1",
                                "timestamp=2",
                                "value=3",
                                "value-kind=register",
                                "unit=MWh",
                                "scale=0.5",
                                "feeder-id=F1"));

        assertThat(mapping.describe())
                .isEqualTo(
                        "value #3 register in MWh scaled by 0.5, time #2 iso UTC, meter #1, "
                                + "feeder fixed 'F1', delimiter ',', no header, skip 2 lines");
        assertThat(mapping.interval()).isNull();
        assertThat(mapping.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(mapping.layout().skipLines()).isEqualTo(2);
        assertThat(mapping.layout().header()).isFalse();
    }

    @Test
    void shouldAcceptKeysWithTheCsvPrefix() {
        ReadingMapping mapping =
                ReadingMapping.parse(
                        pairs(
                                "csv.timestamp=start",
                                "csv.value=value",
                                "meter-id=m",
                                "csv.value-kind=interval-energy",
                                "csv.unit=kWh",
                                "csv.interval=PT1H"));

        assertThat(mapping.interval()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldAcceptShortIntervals() {
        assertThat(ReadingMapping.parse(hourlyWith("interval=15min")).interval())
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(ReadingMapping.parse(hourlyWith("interval=15m")).interval())
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(ReadingMapping.parse(hourlyWith("interval=1min")).interval())
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(ReadingMapping.parse(hourlyWith("interval=1h")).interval())
                .isEqualTo(Duration.ofHours(1));
        assertThat(ReadingMapping.parse(hourlyWith("interval=30s")).interval())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(ReadingMapping.parse(hourlyWith("interval=1d")).interval())
                .isEqualTo(Duration.ofDays(1));
        assertThat(ReadingMapping.parse(hourlyWith("interval=PT15M")).interval())
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void shouldAcceptDelimiterWords() {
        assertThat(ReadingMapping.parse(hourlyWith("delimiter=tab")).layout().delimiter())
                .isEqualTo('\t');
        assertThat(ReadingMapping.parse(hourlyWith("delimiter=\\t")).layout().delimiter())
                .isEqualTo('\t');
        assertThat(ReadingMapping.parse(hourlyWith("delimiter=\t")).layout().delimiter())
                .isEqualTo('\t');
        assertThat(ReadingMapping.parse(hourlyWith("delimiter=semicolon")).layout().delimiter())
                .isEqualTo(';');
        assertThat(ReadingMapping.parse(hourlyWith("delimiter=pipe")).layout().delimiter())
                .isEqualTo('|');
        assertThat(ReadingMapping.parse(hourlyWith("delimiter=space")).layout().delimiter())
                .isEqualTo(' ');
        assertThat(ReadingMapping.parse(hourlyWith("delimiter=comma")).layout().delimiter())
                .isEqualTo(',');
    }

    @Test
    void shouldNameAnUnknownKeyAndListTheValidOnes() {
        assertThatThrownBy(() -> ReadingMapping.parse(hourlyWith("timstamp-format=iso")))
                .isInstanceOf(CsvMappingException.class)
                .hasMessageStartingWith(
                        "unknown key 'timstamp-format'; the valid keys are delimiter, header, skip-lines,")
                .hasMessageContaining("timestamp-format")
                .hasMessageContaining("value-kind");
    }

    @Test
    void shouldNameAMissingRequiredKey() {
        assertThatThrownBy(() -> ReadingMapping.parse(hourlyWithout("value")))
                .isInstanceOf(CsvMappingException.class)
                .hasMessage(
                        "missing key 'value': the column of the values, by header name or number");
        assertThatThrownBy(() -> ReadingMapping.parse(hourlyWithout("unit")))
                .hasMessageStartingWith("missing key 'unit': the unit of the values");
        assertThatThrownBy(() -> ReadingMapping.parse(hourlyWithout("value-kind")))
                .hasMessageStartingWith(
                        "missing key 'value-kind': what the values measure: register");
        assertThatThrownBy(() -> ReadingMapping.parse(hourlyWithout("meter-id")))
                .hasMessageStartingWith("missing key 'meter' or 'meter-id'");
        assertThatThrownBy(() -> ReadingMapping.parse(hourlyWithout("timestamp")))
                .hasMessageStartingWith(
                        "missing the time: give 'timestamp' (one column, e.g. timestamp=start) or 'date'");
        assertThatThrownBy(() -> ReadingMapping.parse(hourlyWithout("interval")))
                .hasMessageStartingWith(
                        "missing key 'interval': value-kind=interval-energy describes an interval");
    }

    @Test
    void shouldRequireAnIntervalWhenTimesMarkTheStart() {
        Map<String, String> register =
                pairs(
                        "timestamp=start",
                        "value=value",
                        "meter-id=m",
                        "value-kind=register",
                        "unit=Wh",
                        "timestamp-marks=start");

        assertThatThrownBy(() -> ReadingMapping.parse(register))
                .isInstanceOf(CsvMappingException.class)
                .hasMessageStartingWith("missing key 'interval': with timestamp-marks=start");
    }

    @Test
    void shouldRejectBothTimeForms() {
        assertThatThrownBy(() -> ReadingMapping.parse(hourlyWith("date=Date", "time=Time")))
                .isInstanceOf(CsvMappingException.class)
                .hasMessage(
                        "give the time either as 'timestamp' (one column) or as 'date' and 'time' (two columns), not both");
        assertThatThrownBy(() -> ReadingMapping.parse(hourlyWith("date=Date")))
                .hasMessageContaining("not both");
    }

    @Test
    void shouldRejectHalfOfTheTwoColumnFormAndFormatsOfTheOtherForm() {
        Map<String, String> dateOnly = hourlyWithout("timestamp");
        dateOnly.put("date", "Date");
        Map<String, String> twoColumns = hourlyWithout("timestamp");
        twoColumns.putAll(pairs("date=Date", "time=Time", "timestamp-format=iso"));

        assertThatThrownBy(() -> ReadingMapping.parse(dateOnly))
                .hasMessageStartingWith("keys 'date' and 'time' go together");
        assertThatThrownBy(() -> ReadingMapping.parse(twoColumns))
                .hasMessageStartingWith("key 'timestamp-format' goes with a 'timestamp' column");
        assertThatThrownBy(() -> ReadingMapping.parse(hourlyWith("date-format=d/M/yyyy")))
                .hasMessageStartingWith(
                        "key 'date-format' goes with the columns 'date' and 'time'");
    }

    @Test
    void shouldRejectAPowerUnitForEnergyAndTheOtherWayRound() {
        assertThatThrownBy(() -> ReadingMapping.parse(hourlyWith("unit=kW")))
                .isInstanceOf(CsvMappingException.class)
                .hasMessage(
                        "key 'unit': 'kW' is a power unit, but value-kind=interval-energy needs an energy unit: "
                                + "Wh, kWh, MWh, J, kJ, MJ, therm");
        assertThatThrownBy(() -> ReadingMapping.parse(hourlyWith("value-kind=average-power")))
                .hasMessage(
                        "key 'unit': 'kWh' is an energy unit, but value-kind=average-power needs a power unit: W, kW, MW");
        assertThatThrownBy(() -> ReadingMapping.parse(hourlyWith("unit=kwhh")))
                .hasMessage(
                        "key 'unit': 'kwhh' is not a unit; energy units (register, interval-energy): Wh, kWh, MWh, J, kJ, "
                                + "MJ, therm; power units (average-power): W, kW, MW");
    }

    @Test
    void shouldNameTheKeyOfEveryMalformedValue() {
        assertThat(failure("value-kind=energy"))
                .startsWith("key 'value-kind': 'energy' is not one of register");
        assertThat(failure("interval=15 minutes"))
                .startsWith("key 'interval': '15 minutes' is not a length of time");
        assertThat(failure("interval=PT0S"))
                .isEqualTo("key 'interval': 'PT0S' is not a positive length of time");
        assertThat(failure("delimiter=;;"))
                .startsWith("key 'delimiter': ';;' is not one character");
        assertThat(failure("decimal=,")).startsWith("key 'decimal': ',' is also the delimiter");
        assertThat(failure("header=yes"))
                .isEqualTo("key 'header': 'yes' is neither true nor false");
        assertThat(failure("skip-lines=-1"))
                .isEqualTo("key 'skip-lines': '-1' is not a whole number of 0 or more");
        assertThat(failure("scale=ten")).isEqualTo("key 'scale': 'ten' is not a number");
        assertThat(failure("time-zone=Mars/Olympus"))
                .startsWith("key 'time-zone': 'Mars/Olympus' is not a time zone");
        assertThat(failure("timestamp-marks=middle"))
                .startsWith("key 'timestamp-marks': 'middle' is neither start nor end");
        assertThat(failure("timestamp-format=yyyy-MM-dd bb"))
                .startsWith(
                        "key 'timestamp-format': 'yyyy-MM-dd bb' is "
                                + "neither iso, epoch-seconds, epoch-millis nor a DateTimeFormatter pattern");
        assertThat(failure("timestamp-format=HH:mm"))
                .isEqualTo(
                        "key 'timestamp-format': 'HH:mm' has no full date "
                                + "(year, month and day)");
        assertThat(failure("meter=id")).startsWith("keys 'meter' and 'meter-id' are both given");
        assertThat(failure("voltage=0")).startsWith("key 'voltage': '0' is not a column number");
    }

    @Test
    void shouldRejectAKeyGivenWithAndWithoutPrefixWithDifferentValues() {
        assertThatThrownBy(() -> ReadingMapping.parse(hourlyWith("csv.unit=Wh")))
                .hasMessageStartingWith("key 'unit' is given twice");
    }

    @Test
    void shouldListTheHeaderWhenAColumnIsNotInIt() {
        ReadingMapping mapping = ReadingMapping.parse(hourlyWith("voltage=Volts"));

        assertThatThrownBy(() -> mapping.parser("start,value,V"))
                .isInstanceOf(CsvMappingException.class)
                .hasMessage(
                        "key 'voltage': the header has no column 'Volts'; its columns are 'start', 'value', 'V'");
        assertThatThrownBy(
                        () -> ReadingMapping.parse(hourlyWith("voltage=4")).parser("start,value,V"))
                .hasMessage(
                        "key 'voltage': column number 4, but the header has 3 columns: 'start', 'value', 'V'");
    }

    @Test
    void shouldAskForNumbersWhenTheFileHasNoHeader() {
        ReadingMapping mapping = ReadingMapping.parse(hourlyWith("header=false"));

        assertThatThrownBy(() -> mapping.parser(null))
                .isInstanceOf(CsvMappingException.class)
                .hasMessageStartingWith(
                        "key 'timestamp': 'start' is a column name, but the mapping has header=false");
    }

    @Test
    void shouldReportAMissingHeaderLine() {
        assertThatThrownBy(() -> ReadingMapping.parse(hourlyWith()).parser(null))
                .isInstanceOf(CsvMappingException.class)
                .hasMessageStartingWith(
                        "the mapping has header=true but the file has no header line");
    }

    private static String failure(String change) {
        try {
            ReadingMapping.parse(hourlyWith(change));
        } catch (CsvMappingException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + change);
    }
}
