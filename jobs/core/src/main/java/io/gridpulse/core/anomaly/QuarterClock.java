package io.gridpulse.core.anomaly;

import io.gridpulse.core.config.DistrictZones;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a quarter hour falls on its district's local clock: households live by local time, so their
 * profile is by local hour of the week. One per operator instance; zone rules are cached per
 * district.
 */
final class QuarterClock {

    private static final long DAY_MILLIS = 86_400_000L;

    /** 1970-01-01 was a Thursday: shifts epoch days so that Monday is day 0 of the week. */
    private static final int THURSDAY = 3;

    private final DistrictZones zones;
    private final Map<String, ZoneRules> rules = new HashMap<>();

    QuarterClock(DistrictZones zones) {
        this.zones = zones;
    }

    /** The local time of a quarter hour that starts at {@code startMillis}, in a district. */
    Local at(String districtId, long startMillis) {
        ZoneRules zone = rules.computeIfAbsent(districtId, d -> zoneOf(d).getRules());
        long local =
                startMillis
                        + zone.getOffset(java.time.Instant.ofEpochMilli(startMillis))
                                        .getTotalSeconds()
                                * 1000L;
        long day = Math.floorDiv(local, DAY_MILLIS);
        int minuteOfDay = (int) (Math.floorMod(local, DAY_MILLIS) / 60_000L);
        int dayOfWeek = (int) Math.floorMod(day + THURSDAY, 7);
        return new Local(day, dayOfWeek, minuteOfDay / 60, (minuteOfDay % 60) / 15);
    }

    private ZoneId zoneOf(String districtId) {
        return zones.zoneOf(districtId);
    }

    /**
     * @param epochDay local calendar day
     * @param dayOfWeek 0 = Monday
     * @param hour local hour of day, 0-23
     * @param quarterOfHour 0-3
     */
    record Local(long epochDay, int dayOfWeek, int hour, int quarterOfHour) {

        int hourOfWeek() {
            return dayOfWeek * 24 + hour;
        }
    }
}
