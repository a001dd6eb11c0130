package io.gridpulse.core.config;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** Each district's time zone, for its calendar days; districts not listed use the default zone. */
public final class DistrictZones implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String defaultZone;
    private final HashMap<String, String> zones;

    public DistrictZones(ZoneId defaultZone, Map<String, ZoneId> zones) {
        this.defaultZone = defaultZone.getId();
        this.zones = new HashMap<>();
        zones.forEach((district, zone) -> this.zones.put(district, zone.getId()));
    }

    /**
     * Parses "D01:Europe/Helsinki" entries, failing with the offending entry if a zone is unknown.
     */
    public static DistrictZones parse(String defaultZone, Map<String, String> zones) {
        Map<String, ZoneId> parsed = new HashMap<>();
        zones.forEach(
                (district, zone) -> {
                    try {
                        parsed.put(district, ZoneId.of(zone));
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException(
                                "Unknown time zone '" + zone + "' for district " + district, e);
                    }
                });
        return new DistrictZones(ZoneId.of(defaultZone), parsed);
    }

    public ZoneId zoneOf(String district) {
        return ZoneId.of(zones.getOrDefault(district, defaultZone));
    }

    @Override
    public String toString() {
        return "default " + defaultZone + (zones.isEmpty() ? "" : ", " + zones);
    }
}
