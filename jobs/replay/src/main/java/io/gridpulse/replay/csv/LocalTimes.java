package io.gridpulse.replay.csv;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Local times of a file, which carry no offset, placed on the time line in the mapping's zone. */
final class LocalTimes {

    private LocalTimes() {}

    /**
     * Like {@code local.atZone(zone)} but without building a ZonedDateTime per line. In the hour
     * skipped when clocks go forward the time moves forward by the gap; in the hour repeated when
     * they go back the earlier offset wins (both as ZonedDateTime does): a file of local times
     * cannot tell the two repeated hours apart.
     */
    static long toEpochMillis(LocalDateTime local, ZoneId zone) {
        ZoneOffset offset =
                zone instanceof ZoneOffset ? (ZoneOffset) zone : zone.getRules().getOffset(local);
        return local.toEpochSecond(offset) * 1000 + local.getNano() / 1_000_000;
    }
}
