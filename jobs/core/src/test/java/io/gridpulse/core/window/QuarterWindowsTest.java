package io.gridpulse.core.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.core.config.DistrictZones;
import io.gridpulse.core.meter.MeterQuarter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.junit.jupiter.api.Test;

/** Calendar days in the district's zone, including the two DST days of Europe/Helsinki in 2026. */
class QuarterWindowsTest {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static final DistrictZones ZONES =
            DistrictZones.parse("Europe/Helsinki", Map.of("SE1", "Europe/Stockholm"));
    private final QuarterWindows<MeterQuarter> days = QuarterWindows.ofMeters(null, ZONES);

    @Test
    void shouldSpanLocalMidnightToLocalMidnightOnAnOrdinaryWinterDay() {
        TimeWindow day = assign("D01", "2026-01-12T10:00:00Z");
        assertThat(Instant.ofEpochMilli(day.getStart()))
                .isEqualTo(Instant.parse("2026-01-11T22:00:00Z"));
        assertThat(hours(day)).isEqualTo(24);
    }

    @Test
    void shouldHave23HoursWhenTheClocksSpringForward() {
        TimeWindow day = assign("D01", "2026-03-29T12:00:00Z"); // 03:00 -> 04:00 local
        assertThat(Instant.ofEpochMilli(day.getStart()))
                .isEqualTo(Instant.parse("2026-03-28T22:00:00Z"));
        assertThat(Instant.ofEpochMilli(day.getEnd()))
                .isEqualTo(Instant.parse("2026-03-29T21:00:00Z"));
        assertThat(hours(day)).isEqualTo(23);
    }

    @Test
    void shouldHave25HoursWhenTheClocksFallBack() {
        TimeWindow day = assign("D01", "2026-10-25T12:00:00Z"); // 04:00 -> 03:00 local
        assertThat(Instant.ofEpochMilli(day.getStart()))
                .isEqualTo(Instant.parse("2026-10-24T21:00:00Z"));
        assertThat(hours(day)).isEqualTo(25);
    }

    @Test
    void shouldCountAnElementStampedAtMidnightToTheDayItCloses() {
        TimeWindow day = assign("D01", "2026-01-12T22:00:00Z"); // local midnight 13 Jan
        assertThat(Instant.ofEpochMilli(day.getEnd()))
                .isEqualTo(Instant.parse("2026-01-12T22:00:00Z"));
    }

    @Test
    void shouldGiveEachAdditionItsHourAndItsLocalDayAtOnceForBatchRuns() {
        var both =
                QuarterWindows.hoursAndDaysOfMeters(ZONES)
                        .assignWindows(quarter("D01", "2026-03-29T12:15:00Z"), 0, null);

        assertThat(both)
                .extracting(w -> Instant.ofEpochMilli(w.getStart()), TimeWindow::getEnd)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                Instant.parse("2026-03-29T12:00:00Z"),
                                Instant.parse("2026-03-29T13:00:00Z").toEpochMilli()),
                        org.assertj.core.groups.Tuple.tuple(
                                Instant.parse("2026-03-28T22:00:00Z"),
                                Instant.parse("2026-03-29T21:00:00Z").toEpochMilli()));
    }

    @Test
    void shouldUseEachDistrictsOwnZone() {
        TimeWindow helsinki = assign("D01", "2026-01-12T10:00:00Z");
        TimeWindow stockholm = assign("SE1", "2026-01-12T10:00:00Z");
        assertThat(stockholm.getStart() - helsinki.getStart())
                .isEqualTo(Duration.ofHours(1).toMillis());
        assertThat(ZONES.zoneOf("unknown")).isEqualTo(HELSINKI);
    }

    @Test
    void shouldPlaceAQuarterInTheHourItEndsIn() {
        TimeWindow hour =
                QuarterWindows.ofMeters(Duration.ofHours(1), ZONES)
                        .assignWindows(quarter("D01", "2026-01-12T11:00:00Z"), 0, null)
                        .iterator()
                        .next();
        assertThat(Instant.ofEpochMilli(hour.getStart()))
                .isEqualTo(Instant.parse("2026-01-12T10:00:00Z"));
        assertThat(Instant.ofEpochMilli(hour.getEnd()))
                .isEqualTo(Instant.parse("2026-01-12T11:00:00Z"));
    }

    private TimeWindow assign(String district, String instant) {
        // The record timestamp is ignored: additions are placed by their own quarter hour.
        return days.assignWindows(quarter(district, instant), 0, null).iterator().next();
    }

    private static MeterQuarter quarter(String district, String end) {
        MeterQuarter quarter = new MeterQuarter();
        quarter.districtId = district;
        quarter.end = Instant.parse(end).toEpochMilli();
        return quarter;
    }

    private static long hours(TimeWindow day) {
        return Duration.ofMillis(day.getEnd() - day.getStart()).toHours();
    }
}
