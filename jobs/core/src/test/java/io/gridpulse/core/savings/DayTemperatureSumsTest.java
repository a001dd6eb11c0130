package io.gridpulse.core.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DayTemperatureSumsTest {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    /** Every hour of the local day but the last, at 10 °C. */
    private static double[] dayWithoutItsLastHour(LocalDate date) {
        double[] sums = DayTemperatureSums.empty();
        ZonedDateTime hour = date.atStartOfDay(HELSINKI);
        ZonedDateTime lastHour = date.plusDays(1).atStartOfDay(HELSINKI).minusHours(1);
        for (; hour.isBefore(lastHour); hour = hour.plusHours(1)) {
            sums = DayTemperatureSums.add(sums, hour, 10.0);
        }
        return sums;
    }

    @Test
    void shouldGiveAsManyHoursAsTheLocalDayHasAndNaNForAnHourNotObserved() {
        double[] spring =
                DayTemperatureSums.hoursF(dayWithoutItsLastHour(LocalDate.of(2026, 3, 29)));
        double[] autumn =
                DayTemperatureSums.hoursF(dayWithoutItsLastHour(LocalDate.of(2026, 10, 25)));
        double[] plain = DayTemperatureSums.hoursF(dayWithoutItsLastHour(LocalDate.of(2026, 6, 1)));

        assertThat(spring).hasSize(23);
        assertThat(autumn).hasSize(25);
        assertThat(plain).hasSize(24);
        assertThat(plain[23]).isNaN();
        assertThat(plain[0]).isCloseTo(50.0, within(1e-9));
    }
}
