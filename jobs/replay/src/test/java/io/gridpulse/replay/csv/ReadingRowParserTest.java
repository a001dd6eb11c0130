package io.gridpulse.replay.csv;

import static io.gridpulse.replay.csv.MappingFixtures.millis;
import static io.gridpulse.replay.csv.MappingFixtures.pairs;
import static io.gridpulse.replay.csv.MappingFixtures.serializedCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReadingRowParserTest {

    private static final String UCI_HEADER =
            "Date;Time;Global_active_power;Global_reactive_power;Voltage;"
                    + "Global_intensity;Sub_metering_1;Sub_metering_2;Sub_metering_3";

    private static ReadingMapping uci() {
        return ReadingMapping.parse(
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
    }

    @Test
    void shouldReadOpenEemeterHourlyThermsWhoseTimesMarkTheStart() {
        ReadingMapping mapping =
                ReadingMapping.parse(
                        pairs(
                                "timestamp=start",
                                "value=value",
                                "value-kind=interval-energy",
                                "unit=therm",
                                "interval=PT1H",
                                "timestamp-marks=start",
                                "meter-id=gas-1"));

        ReadingRow row = mapping.parser("start,value").parse("2015-11-22T00:00:00-06:00,0.06");

        assertThat(row.meterId()).isEqualTo("gas-1");
        assertThat(row.feederId()).isEqualTo("unassigned");
        assertThat(row.districtId()).isEqualTo("unassigned");
        assertThat(row.startMillis()).isEqualTo(millis("2015-11-22T06:00:00Z"));
        assertThat(row.endMillis()).isEqualTo(millis("2015-11-22T07:00:00Z"));
        assertThat(row.kind()).isEqualTo(ValueKind.INTERVAL_ENERGY);
        assertThat(row.value()).isCloseTo(0.06 * 29_307.11, within(0.001));
        assertThat(row.voltageV()).isNull();
        assertThat(row.missing()).isFalse();
    }

    @Test
    void shouldReadUciHouseholdPowerInKilowattsWithDateAndTimeColumns() {
        ReadingRowParser parser = uci().parser(UCI_HEADER);

        ReadingRow row =
                parser.parse("16/12/2006;17:24:00;4.216;0.418;234.840;18.400;0.000;1.000;17.000");

        assertThat(row.meterId()).isEqualTo("uci-1");
        // Paris is at +01:00 in December; the minute starts at the row's time.
        assertThat(row.startMillis()).isEqualTo(millis("2006-12-16T16:24:00Z"));
        assertThat(row.endMillis()).isEqualTo(millis("2006-12-16T16:25:00Z"));
        assertThat(row.kind()).isEqualTo(ValueKind.AVERAGE_POWER);
        assertThat(row.value()).isCloseTo(4216.0, within(1e-9));
        assertThat(row.voltageV()).isCloseTo(234.84, within(1e-9));
        assertThat(row.missing()).isFalse();
    }

    @Test
    void shouldFlagUciRowsWhoseValuesAreMarkedMissing() {
        ReadingRow row = uci().parser(UCI_HEADER).parse("21/12/2006;11:23:00;?;?;?;?;?;?;");

        assertThat(row.missing()).isTrue();
        assertThat(row.value()).isNaN();
        assertThat(row.voltageV()).isNull();
        assertThat(row.startMillis()).isEqualTo(millis("2006-12-21T10:23:00Z"));
    }

    @Test
    void shouldReadSummerTimesInTheZoneOfTheMapping() {
        ReadingRow row = uci().parser(UCI_HEADER).parse("1/7/2007;00:00:00;0.5;0;240.1;2;0;0;0");

        assertThat(row.startMillis()).isEqualTo(millis("2007-06-30T22:00:00Z"));
        assertThat(row.value()).isCloseTo(500.0, within(1e-9));
    }

    @Test
    void shouldReadHourlyKilowattHoursWithOffsetsAndAMeterColumnByNumberWithoutHeader() {
        ReadingMapping mapping =
                ReadingMapping.parse(
                        pairs(
                                "header=false",
                                "meter=1",
                                "timestamp=2",
                                "value=3",
                                "value-kind=interval-energy",
                                "unit=kWh",
                                "interval=1h"));
        ReadingRowParser parser = mapping.parser(null);

        ReadingRow first = parser.parse("m-17,2016-03-01T01:00:00+01:00,1.25");
        ReadingRow second = parser.parse("m-18,2016-03-01T00:00:00Z,0.5");

        assertThat(first.meterId()).isEqualTo("m-17");
        assertThat(first.endMillis()).isEqualTo(millis("2016-03-01T00:00:00Z"));
        assertThat(first.startMillis()).isEqualTo(millis("2016-02-29T23:00:00Z"));
        assertThat(first.value()).isCloseTo(1250.0, within(1e-9));
        assertThat(second.meterId()).isEqualTo("m-18");
        assertThat(second.endMillis()).isEqualTo(millis("2016-03-01T00:00:00Z"));
        assertThat(second.value()).isCloseTo(500.0, within(1e-9));
    }

    @Test
    void shouldReadRegistersInWattHoursAtTheirTimeWithIdColumnsAndScale() {
        ReadingMapping mapping =
                ReadingMapping.parse(
                        pairs(
                                "timestamp=Read Time",
                                "value=reading",
                                "meter=MeterID",
                                "feeder=feeder",
                                "district-id=north",
                                "value-kind=register",
                                "unit=wh",
                                "scale=10",
                                "time-zone=Europe/Berlin"));
        ReadingRowParser parser = mapping.parser("MeterID,feeder,Read Time,reading");

        ReadingRow row = parser.parse("m-1,F-7,2016-01-01 00:15:00,12345.6");

        assertThat(row.meterId()).isEqualTo("m-1");
        assertThat(row.feederId()).isEqualTo("F-7");
        assertThat(row.districtId()).isEqualTo("north");
        assertThat(row.kind()).isEqualTo(ValueKind.REGISTER);
        assertThat(row.endMillis()).isEqualTo(millis("2015-12-31T23:15:00Z"));
        assertThat(row.startMillis()).isEqualTo(row.endMillis());
        assertThat(row.value()).isCloseTo(123_456.0, within(1e-6));
    }

    @Test
    void shouldGiveARegisterWithAnIntervalItsStart() {
        ReadingMapping mapping =
                ReadingMapping.parse(
                        pairs(
                                "timestamp=time",
                                "value=kwh",
                                "meter-id=m",
                                "value-kind=register",
                                "unit=kWh",
                                "interval=15min"));

        ReadingRow row = mapping.parser("time,kwh").parse("2016-01-01T00:15:00Z,1000");

        assertThat(row.endMillis()).isEqualTo(millis("2016-01-01T00:15:00Z"));
        assertThat(row.startMillis()).isEqualTo(millis("2016-01-01T00:00:00Z"));
        assertThat(row.value()).isEqualTo(1_000_000.0);
    }

    @Test
    void shouldReadEuropeanDecimalsInSemicolonSeparatedFiles() {
        ReadingMapping mapping =
                ReadingMapping.parse(
                        pairs(
                                "delimiter=semicolon",
                                "decimal=,",
                                "timestamp=Zeitpunkt",
                                "timestamp-format=dd.MM.yyyy HH:mm",
                                "time-zone=Europe/Berlin",
                                "value=Verbrauch",
                                "unit=kWh",
                                "value-kind=interval-energy",
                                "interval=PT15M",
                                "meter-id=zähler-1",
                                "voltage=Spannung",
                                "missing=-"));
        ReadingRowParser parser = mapping.parser("Zeitpunkt;Verbrauch;Spannung");

        ReadingRow row = parser.parse("01.02.2016 10:15;1,25;231,5");
        ReadingRow noVoltage = parser.parse("01.02.2016 10:30;-0,5;-");

        assertThat(row.endMillis()).isEqualTo(millis("2016-02-01T09:15:00Z"));
        assertThat(row.startMillis()).isEqualTo(millis("2016-02-01T09:00:00Z"));
        assertThat(row.value()).isCloseTo(1250.0, within(1e-9));
        assertThat(row.voltageV()).isCloseTo(231.5, within(1e-9));
        assertThat(noVoltage.value())
                .isCloseTo(-500.0, within(1e-9)); // negative: for the validation stage to judge
        assertThat(noVoltage.voltageV()).isNull();
        assertThat(noVoltage.missing()).isFalse();
    }

    @Test
    void shouldReadQuotedFieldsWithDelimitersAndQuotesInside() {
        ReadingMapping mapping =
                ReadingMapping.parse(
                        pairs(
                                "timestamp=time",
                                "meter=meter",
                                "value=kWh",
                                "value-kind=interval-energy",
                                "unit=kWh",
                                "interval=PT1H"));
        ReadingRowParser parser = mapping.parser("\"meter\",\"time\",\"kWh\"");

        ReadingRow row = parser.parse("\"North, \"\"A\"\" side\", \"2016-01-01T01:00Z\" ,\"1.5\"");

        assertThat(row.meterId()).isEqualTo("North, \"A\" side");
        assertThat(row.endMillis()).isEqualTo(millis("2016-01-01T01:00:00Z"));
        assertThat(row.value()).isCloseTo(1500.0, within(1e-9));
    }

    @Test
    void shouldTreatAnEmptyValueAsMissingWithoutAMarker() {
        ReadingMapping mapping =
                ReadingMapping.parse(
                        pairs(
                                "timestamp=time",
                                "value=kWh",
                                "meter-id=m",
                                "value-kind=interval-energy",
                                "unit=kWh",
                                "interval=PT1H"));

        ReadingRow row = mapping.parser("time,kWh").parse("2016-01-01T01:00Z,  ");

        assertThat(row.missing()).isTrue();
        assertThat(row.value()).isNaN();
    }

    @Test
    void shouldMatchHeaderNamesIgnoringCaseAndSpacesAndSkipAByteOrderMark() {
        ReadingMapping mapping =
                ReadingMapping.parse(
                        pairs(
                                "timestamp=timestamp",
                                "value=usage",
                                "meter-id=m",
                                "value-kind=average-power",
                                "unit=W",
                                "interval=5min"));

        ReadingRow row = mapping.parser("\uFEFFTimeStamp , Usage ").parse("2016-01-01T00:05Z,250");

        assertThat(row.value()).isEqualTo(250.0);
        assertThat(row.endMillis()).isEqualTo(millis("2016-01-01T00:05:00Z"));
    }

    @Test
    void shouldReadTabSeparatedEpochSecondsWithExtraColumnsLeftUnread() {
        ReadingMapping mapping =
                ReadingMapping.parse(
                        pairs(
                                "delimiter=tab",
                                "timestamp=ts",
                                "timestamp-format=epoch-seconds",
                                "value=w",
                                "meter=id",
                                "value-kind=average-power",
                                "unit=kW",
                                "interval=30s"));

        ReadingRow row =
                mapping.parser("id\tts\tw\tnote").parse("m 1\t1451606430\t0.2\tnot \"read");

        assertThat(row.meterId()).isEqualTo("m 1");
        assertThat(row.endMillis()).isEqualTo(millis("2016-01-01T00:00:30Z"));
        assertThat(row.startMillis()).isEqualTo(millis("2016-01-01T00:00:00Z"));
        assertThat(row.value()).isCloseTo(200.0, within(1e-9));
    }

    @Test
    void shouldParseTheSameAfterTheRoundTripIntoAFlinkTask() {
        ReadingRowParser copy = serializedCopy(uci().parser(UCI_HEADER));
        ReadingRowParser isoCopy =
                serializedCopy(
                        ReadingMapping.parse(
                                        pairs(
                                                "timestamp=t",
                                                "timestamp-format=yyyy-MM-dd HH:mm",
                                                "value=v",
                                                "meter-id=m",
                                                "value-kind=register",
                                                "unit=kWh"))
                                .parser("t,v"));

        ReadingRow row =
                copy.parse("16/12/2006;17:24:00;4.216;0.418;234.840;18.400;0.000;1.000;17.000");

        assertThat(row.endMillis()).isEqualTo(millis("2006-12-16T16:25:00Z"));
        assertThat(isoCopy.parse("2016-01-01 01:00,2").endMillis())
                .isEqualTo(millis("2016-01-01T01:00:00Z"));
    }

    @Test
    void shouldTellBlankLinesApart() {
        assertThat(CsvLayout.isBlank("")).isTrue();
        assertThat(CsvLayout.isBlank(" \t \r")).isTrue();
        assertThat(CsvLayout.isBlank("\uFEFF")).isTrue();
        assertThat(CsvLayout.isBlank(";;")).isFalse();
        assertThat(CsvLayout.isBlank("  a")).isFalse();
    }

    private static ReadingMapping dailyKwh(String marks) {
        return ReadingMapping.parse(
                pairs(
                        "timestamp=day",
                        "timestamp-format=yyyy-MM-dd",
                        "time-zone=Europe/Helsinki",
                        "value=kwh",
                        "value-kind=interval-energy",
                        "unit=kWh",
                        "interval=P1D",
                        "timestamp-marks=" + marks,
                        "meter-id=daily-1"));
    }

    @Test
    void shouldTakeADailyIntervalAsTheLocalCalendarDayOf23HoursWhenClocksGoForward() {
        ReadingRow row = dailyKwh("start").parser("day,kwh").parse("2024-03-31,9.8");

        assertThat(row.startMillis()).isEqualTo(millis("2024-03-30T22:00:00Z"));
        assertThat(row.endMillis()).isEqualTo(millis("2024-03-31T21:00:00Z"));
        assertThat(row.endMillis() - row.startMillis()).isEqualTo(23 * 3_600_000L);
    }

    @Test
    void shouldTakeADailyIntervalAsTheLocalCalendarDayOf25HoursWhenClocksGoBack() {
        ReadingRow row = dailyKwh("end").parser("day,kwh").parse("2024-10-28,9.8");

        assertThat(row.endMillis()).isEqualTo(millis("2024-10-27T22:00:00Z"));
        assertThat(row.startMillis()).isEqualTo(millis("2024-10-26T21:00:00Z"));
        assertThat(row.endMillis() - row.startMillis()).isEqualTo(25 * 3_600_000L);
    }

    @Test
    void shouldTakeAMonthlyBillingIntervalAsTheLocalCalendarMonth() {
        ReadingMapping monthly =
                ReadingMapping.parse(
                        pairs(
                                "timestamp=month",
                                "timestamp-format=yyyy-MM-dd",
                                "time-zone=Europe/Helsinki",
                                "value=kwh",
                                "value-kind=interval-energy",
                                "unit=kWh",
                                "interval=1mo",
                                "timestamp-marks=start",
                                "meter-id=bill-1"));

        ReadingRow february = monthly.parser("month,kwh").parse("2024-02-01,410");

        assertThat(february.startMillis()).isEqualTo(millis("2024-01-31T22:00:00Z"));
        assertThat(february.endMillis()).isEqualTo(millis("2024-02-29T22:00:00Z"));
        assertThat(monthly.interval()).hasDays(30);
    }

    @Test
    void shouldKeepAnIntervalOfHoursAFixedLength() {
        ReadingMapping hours =
                ReadingMapping.parse(
                        pairs(
                                "timestamp=t",
                                "time-zone=Europe/Helsinki",
                                "value=kwh",
                                "value-kind=interval-energy",
                                "unit=kWh",
                                "interval=PT24H",
                                "meter-id=h-1"));

        ReadingRow row = hours.parser("t,kwh").parse("2024-03-31T23:00:00,9.8");

        assertThat(row.endMillis() - row.startMillis()).isEqualTo(24 * 3_600_000L);
    }
}
