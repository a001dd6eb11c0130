package io.gridpulse.testkit;

import io.gridpulse.schema.MeterReading;
import java.time.Duration;
import java.time.Instant;

/** Named builders for test readings, so tests say what they mean instead of repeating literals. */
public final class TestReadings {

    /** Monday 2026-01-12 00:00 UTC: a quarter-hour, hour and day boundary. */
    public static final Instant T0 = Instant.parse("2026-01-12T00:00:00Z");

    public static final Duration MINUTE = Duration.ofMinutes(1);
    public static final Duration QUARTER = Duration.ofMinutes(15);
    public static final Duration HOUR = Duration.ofHours(1);

    private TestReadings() {}

    /**
     * A reading of meter {@code meterId} (feeder "F1", district "D1") at T0 + offset with the given
     * register.
     */
    public static MeterReading reading(String meterId, Duration offset, double registerWh) {
        return reading(meterId, "F1", "D1", T0.plus(offset), registerWh, 600.0);
    }

    public static MeterReading reading(
            String meterId,
            String feederId,
            String districtId,
            Instant time,
            double registerWh,
            double powerW) {
        return MeterReading.newBuilder()
                .setMeterId(meterId)
                .setFeederId(feederId)
                .setDistrictId(districtId)
                .setTimestamp(time)
                .setActiveEnergyWh(registerWh)
                .setAveragePowerW(powerW)
                .setVoltageV(230.0)
                .build();
    }

    /** Minutes as a Duration, for readable offsets: {@code minutes(15)}. */
    public static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}
