package io.gridpulse.replay.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hour-of-week profile's arithmetic, in Helsinki (UTC+2 in winter, so not UTC's week). */
class HourOfWeekProfileTest {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static final long HOUR = HourOfWeekProfile.HOUR_MILLIS;

    /** Monday 8 January 2024, 00:00 in Helsinki. */
    private static final long MONDAY = Instant.parse("2024-01-07T22:00:00Z").toEpochMilli();

    /** Hour of week h of week w (0 = the week of MONDAY). */
    private static long hour(int week, int hourOfWeek) {
        return MONDAY + (week * 168L + hourOfWeek) * HOUR;
    }

    /** A habit that differs in every hour of the week, plus a week-to-week offset. */
    private static double kwh(int week, int hourOfWeek) {
        return 0.2 + hourOfWeek / 100.0 + (week == 0 ? -0.05 : 0.05);
    }

    private static Map<Long, Double> weeks(int count) {
        Map<Long, Double> hours = new HashMap<>();
        for (int week = 0; week < count; week++) {
            for (int h = 0; h < 168; h++) {
                hours.put(hour(week, h), kwh(week, h));
            }
        }
        return hours;
    }

    @Test
    void shouldPlaceHoursInTheWeekByLocalTime() {
        HourOfWeekProfile profile = new HourOfWeekProfile(HELSINKI);

        assertThat(profile.hourOfWeek(MONDAY)).isZero();
        assertThat(profile.hourOfWeek(MONDAY - HOUR)).isEqualTo(167); // Sunday 23:00
        assertThat(profile.hourOfWeek(hour(0, 24 * 2 + 10))).isEqualTo(58); // Wednesday 10:00
    }

    @Test
    void shouldGiveEachHourOfTheGapItsMeanAndPartialHoursProRata() {
        // Two weeks, the gap in neither: every hour of week is the mean of weeks 0 and 1
        HourOfWeekProfile profile = new HourOfWeekProfile(HELSINKI);
        weeks(2).forEach(profile::add);
        int wednesday9 = 24 * 2 + 9;
        // Wednesday of week 2, 09:30 to 12:15: half of 09-10, 10-11, 11-12, a quarter of 12-13
        long start = hour(2, wednesday9) + HOUR / 2;
        long end = hour(2, wednesday9 + 3) + HOUR / 4;

        HourOfWeekProfile.Estimate estimate =
                profile.estimate(new HourOfWeekProfile.Span(start, end));

        double mean9 = 0.2 + wednesday9 / 100.0;
        double expected = 0.5 * mean9 + (mean9 + 0.01) + (mean9 + 0.02) + 0.25 * (mean9 + 0.03);
        assertThat(profile.meanKwh(wednesday9)).isCloseTo(mean9, within(1e-12));
        assertThat(estimate.estimated()).isTrue();
        assertThat(estimate.kwh()).isCloseTo(expected, within(1e-12));
        assertThat(estimate.hoursOfWeek()).isEqualTo(4);
        assertThat(estimate.minObservations()).isEqualTo(2);
        assertThat(estimate.note())
                .isEqualTo("each of its 4 hours of week from at least 2 observed hours");
    }

    @Test
    void shouldGiveNoEstimateForHoursOfWeekNeverObserved() {
        // Only Monday to Wednesday of two weeks: the gap reaches into Thursday
        HourOfWeekProfile profile = new HourOfWeekProfile(HELSINKI);
        weeks(2).forEach(
                        (start, kwh) -> {
                            if (profile.hourOfWeek(start) < 72) {
                                profile.add(start, kwh);
                            }
                        });
        HourOfWeekProfile.Span wednesdayNight =
                new HourOfWeekProfile.Span(hour(2, 70), hour(2, 74) + HOUR / 2);

        HourOfWeekProfile.Estimate estimate = profile.estimate(wednesdayNight);

        assertThat(estimate.estimated()).isFalse();
        assertThat(estimate.kwh()).isNaN();
        assertThat(estimate.minObservations()).isZero();
        assertThat(estimate.unobserved()).isEqualTo(3);
        assertThat(estimate.note())
                .isEqualTo("no estimate: 3 of its 5 hours of week observed fewer than 2 times");
    }

    @Test
    void shouldNotEstimateFromASingleObservedHour() {
        HourOfWeekProfile profile = new HourOfWeekProfile(HELSINKI);
        weeks(1).forEach(profile::add);

        HourOfWeekProfile.Estimate estimate =
                profile.estimate(new HourOfWeekProfile.Span(hour(1, 10), hour(1, 12)));

        assertThat(estimate.estimated()).isFalse();
        assertThat(estimate.minObservations()).isEqualTo(1);
    }

    @Test
    void shouldLearnOnlyWholeObservedHours() {
        // Three weeks; in week 1 a gap from Tuesday 05:30 to 08:00 (its hours 05-07 left out)
        Map<Long, Double> hours = weeks(3);
        HourOfWeekProfile.Span gap =
                new HourOfWeekProfile.Span(hour(1, 24 + 5) + HOUR / 2, hour(1, 24 + 8));
        hours.put(hour(1, 24 + 5), 0.01); // the part of 05-06 before the gap
        hours.remove(hour(1, 24 + 6));
        hours.put(hour(1, 24 + 7), 0.0);

        HourOfWeekProfile profile = HourOfWeekProfile.learn(HELSINKI, hours, List.of(gap));

        // the first and the last hour (Monday 00:00 of week 0, Sunday 23:00 of week 2) may be
        // partial: left out
        assertThat(profile.observations(0)).isEqualTo(2);
        assertThat(profile.observations(167)).isEqualTo(2);
        assertThat(profile.meanKwh(0)).isCloseTo(kwh(1, 0), within(1e-12));
        assertThat(profile.observations(1)).isEqualTo(3);
        // the hours the gap touches: weeks 0 and 2 only; the hour after it counts again
        for (int h = 24 + 5; h <= 24 + 7; h++) {
            assertThat(profile.observations(h)).as("hour of week %d", h).isEqualTo(2);
            assertThat(profile.meanKwh(h)).isCloseTo(0.2 + h / 100.0, within(1e-12));
        }
        assertThat(profile.observations(24 + 8)).isEqualTo(3);
    }
}
