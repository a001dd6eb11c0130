package io.gridpulse.core.savings;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hours of a local calendar day, as the savings' hourly arrays index them: counted from local
 * midnight, 23, 24 or 25 of them on the days the clocks change.
 */
public final class LocalDayHours {

    private LocalDayHours() {}

    /** How many hours the local day has in its zone. */
    public static int in(LocalDate date, ZoneId zone) {
        return (int)
                Duration.between(date.atStartOfDay(zone), date.plusDays(1).atStartOfDay(zone))
                        .toHours();
    }

    /** The hour of its local day that {@code local} falls in, counted from midnight. */
    public static int sinceMidnight(ZonedDateTime local) {
        return (int)
                Duration.between(local.toLocalDate().atStartOfDay(local.getZone()), local)
                        .toHours();
    }
}
