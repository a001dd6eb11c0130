package io.gridpulse.replay.csv;

import static io.gridpulse.replay.csv.MappingFixtures.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimestampFormatTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void shouldReadTheIsoShapesOfExports() {
        TimestampFormat iso = TimestampFormat.of("iso", UTC);

        assertThat(iso.toEpochMillis("2016-01-01T00:00:00-06:00"))
                .isEqualTo(millis("2016-01-01T06:00:00Z"));
        assertThat(iso.toEpochMillis("2016-01-01 00:00:00+01:00"))
                .isEqualTo(millis("2015-12-31T23:00:00Z"));
        assertThat(iso.toEpochMillis("2016-01-01T00:00:00Z"))
                .isEqualTo(millis("2016-01-01T00:00:00Z"));
        assertThat(iso.toEpochMillis("2016-01-01T00:00")).isEqualTo(millis("2016-01-01T00:00:00Z"));
        assertThat(iso.toEpochMillis("2016-01-01 00:00:00"))
                .isEqualTo(millis("2016-01-01T00:00:00Z"));
        assertThat(iso.toEpochMillis("2016-01-01T00:00:00.000Z"))
                .isEqualTo(millis("2016-01-01T00:00:00Z"));
        assertThat(iso.toEpochMillis("2016-01-01T00:00:00.25+0530"))
                .isEqualTo(millis("2015-12-31T18:30:00.250Z"));
        assertThat(iso.toEpochMillis("2016-01-01T00:00:01.123456789-02"))
                .isEqualTo(millis("2016-01-01T02:00:01.123Z"));
        assertThat(iso.toEpochMillis("2016-01-01")).isEqualTo(millis("2016-01-01T00:00:00Z"));
    }

    @Test
    void shouldPlaceIsoTimesWithoutOffsetInTheZoneAndLetAnOffsetWin() {
        TimestampFormat iso = TimestampFormat.of("ISO", CHICAGO);

        assertThat(iso.toEpochMillis("2016-07-01T00:00")).isEqualTo(millis("2016-07-01T05:00:00Z"));
        assertThat(iso.toEpochMillis("2016-01-01T00:00")).isEqualTo(millis("2016-01-01T06:00:00Z"));
        assertThat(iso.toEpochMillis("2016-01-01T00:00+01:00"))
                .isEqualTo(millis("2015-12-31T23:00:00Z"));
    }

    @Test
    void shouldRejectTextThatIsNotAnIsoTime() {
        TimestampFormat iso = TimestampFormat.of("iso", UTC);

        for (String text :
                new String[] {
                    "2016-13-01T00:00",
                    "2016-01-01T24:00",
                    "2016-01-01T00:60",
                    "2016-1-01",
                    "2016-01-01T00",
                    "2016-01-01T00:00:00.",
                    "2016-01-01T00:00+1",
                    "2016-01-01T00:00Zulu",
                    "01/01/2016",
                    "",
                    "2016-01-01T00:00:00.0000000001Z",
                    "2016-01-01T00:00+19:00"
                }) {
            assertThatThrownBy(() -> iso.toEpochMillis(text))
                    .as(text)
                    .isInstanceOf(DateTimeException.class);
        }
    }

    @Test
    void shouldReadEpochSecondsAndMillis() {
        assertThat(TimestampFormat.of("epoch-seconds", UTC).toEpochMillis("1451606400"))
                .isEqualTo(millis("2016-01-01T00:00:00Z"));
        assertThat(TimestampFormat.of("epoch-seconds", UTC).toEpochMillis("1451606400.5"))
                .isEqualTo(millis("2016-01-01T00:00:00.500Z"));
        assertThat(TimestampFormat.of("epoch-millis", UTC).toEpochMillis("1451606400123"))
                .isEqualTo(millis("2016-01-01T00:00:00.123Z"));
        assertThatThrownBy(
                        () ->
                                TimestampFormat.of("epoch-seconds", UTC)
                                        .toEpochMillis("99999999999999999"))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldReadPatternsInTheZoneUnlessTheyHaveAnOffset() {
        assertThat(
                        TimestampFormat.of("MM/dd/yyyy hh:mm a", CHICAGO)
                                .toEpochMillis("07/01/2016 01:30 PM"))
                .isEqualTo(millis("2016-07-01T18:30:00Z"));
        assertThat(
                        TimestampFormat.of("dd-MMM-yyyy HH:mm XXX", CHICAGO)
                                .toEpochMillis("01-DEC-2016 10:00 +01:00"))
                .isEqualTo(millis("2016-12-01T09:00:00Z"));
        assertThat(TimestampFormat.of("yyyyMMdd", UTC).toEpochMillis("20160229"))
                .isEqualTo(millis("2016-02-29T00:00:00Z"));
        assertThatThrownBy(() -> TimestampFormat.of("yyyyMMdd", UTC).toEpochMillis("20150229"))
                .isInstanceOf(DateTimeException.class);
    }

    @Test
    void shouldMoveTimesInTheSpringGapForwardAndTakeTheEarlierOfRepeatedHours() {
        TimestampFormat paris = TimestampFormat.of("iso", ZoneId.of("Europe/Paris"));

        assertThat(paris.toEpochMillis("2016-03-27T02:30"))
                .isEqualTo(millis("2016-03-27T01:30:00Z"));
        assertThat(paris.toEpochMillis("2016-10-30T02:30"))
                .isEqualTo(millis("2016-10-30T00:30:00Z"));
    }
}
