package io.gridpulse.replay.csv;

import static io.gridpulse.replay.csv.MappingFixtures.pairs;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadingRowParserErrorsTest {

    private final ReadingRowParser hourly =
            ReadingMapping.parse(
                            pairs(
                                    "timestamp=start",
                                    "value=value",
                                    "meter=meter",
                                    "value-kind=interval-energy",
                                    "unit=therm",
                                    "interval=PT1H",
                                    "voltage=volts"))
                    .parser("start,meter,value,volts");

    @Test
    void shouldNameTheColumnOfAValueThatIsNotANumber() {
        assertThatThrownBy(() -> hourly.parse("2016-01-01T00:00Z,m1,abc,230"))
                .isInstanceOf(CsvLineException.class)
                .hasMessage("column 'value': 'abc' is not a number");
        assertThatThrownBy(() -> hourly.parse("2016-01-01T00:00Z,m1,1.5,23O"))
                .hasMessage("column 'volts': '23O' is not a number");
        assertThatThrownBy(() -> hourly.parse("2016-01-01T00:00Z,m1,NaN,230"))
                .hasMessage("column 'value': 'NaN' is not a number");
        assertThatThrownBy(() -> hourly.parse("2016-01-01T00:00Z,m1,1.2.3,230"))
                .hasMessage("column 'value': '1.2.3' is not a number");
    }

    @Test
    void shouldRejectValuesThatAreNotFinite() {
        assertThatThrownBy(() -> hourly.parse("2016-01-01T00:00Z,m1,1e999,230"))
                .isInstanceOf(CsvLineException.class)
                .hasMessage("column 'value': '1e999' is not a finite number");
        assertThatThrownBy(() -> hourly.parse("2016-01-01T00:00Z,m1,Infinity,230"))
                .hasMessage("column 'value': 'Infinity' is not a number");
    }

    @Test
    void shouldHintAtTheDecimalSeparatorWhenANumberUsesTheOtherOne() {
        assertThatThrownBy(() -> hourly.parse("\"2016-01-01T00:00Z\",m1,\"4,2\",230"))
                .hasMessage("column 'value': '4,2' is not a number (the decimal separator is '.')");
    }

    @Test
    void shouldQuoteATimeThatIsNotInTheFormat() {
        assertThatThrownBy(() -> hourly.parse("2016-13-01T00:00,m1,1,230"))
                .isInstanceOf(CsvLineException.class)
                .hasMessage("column 'start': '2016-13-01T00:00' is not a time in the format iso");
        assertThatThrownBy(() -> hourly.parse("2016-02-30T00:00,m1,1,230"))
                .hasMessage("column 'start': '2016-02-30T00:00' is not a time in the format iso");
        assertThatThrownBy(() -> hourly.parse(",m1,1,230"))
                .hasMessage("column 'start': '' is not a time in the format iso");
    }

    @Test
    void shouldNameTheDateOrTheTimeColumnThatIsWrong() {
        ReadingRowParser uci =
                ReadingMapping.parse(
                                pairs(
                                        "delimiter=;",
                                        "date=Date",
                                        "time=Time",
                                        "date-format=d/M/yyyy",
                                        "time-format=H:mm:ss",
                                        "value=P",
                                        "value-kind=average-power",
                                        "unit=kW",
                                        "interval=PT1M",
                                        "meter-id=uci-1"))
                        .parser("Date;Time;P");

        assertThatThrownBy(() -> uci.parse("30/2/2007;17:24:00;1"))
                .hasMessage("column 'Date': '30/2/2007' is not a date in the format d/M/yyyy");
        assertThatThrownBy(() -> uci.parse("16/12/2006;17:24;1"))
                .hasMessage("column 'Time': '17:24' is not a time in the format H:mm:ss");
    }

    @Test
    void shouldSayHowManyFieldsALineNeeds() {
        ReadingRowParser noHeader =
                ReadingMapping.parse(
                                pairs(
                                        "header=false",
                                        "timestamp=1",
                                        "meter=2",
                                        "value=5",
                                        "value-kind=register",
                                        "unit=Wh"))
                        .parser(null);

        assertThatThrownBy(() -> noHeader.parse("2016-01-01T00:00Z,m1,3"))
                .isInstanceOf(CsvLineException.class)
                .hasMessage("expected at least 5 fields (column 'value' is number 5), found 3");
        assertThatThrownBy(() -> hourly.parse("2016-01-01T00:00Z,m1,1"))
                .hasMessage("expected at least 4 fields (column 'volts' is number 4), found 3");
    }

    @Test
    void shouldRejectAnEmptyMeterId() {
        assertThatThrownBy(() -> hourly.parse("2016-01-01T00:00Z, ,1,230"))
                .isInstanceOf(CsvLineException.class)
                .hasMessage("column 'meter' is empty, but it holds ids");
    }

    @Test
    void shouldRejectAQuoteThatIsNotClosed() {
        assertThatThrownBy(() -> hourly.parse("2016-01-01T00:00Z,\"m1,1,230"))
                .isInstanceOf(CsvLineException.class)
                .hasMessage("field 2: the quote is not closed: \"m1,1,230");
    }
}
