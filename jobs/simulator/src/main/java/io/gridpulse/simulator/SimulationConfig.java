package io.gridpulse.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Everything that determines a simulation run. Two runs with equal configs emit identical readings.
 *
 * @param seed master seed; every random quantity is derived from it
 * @param households number of simulated households (one meter each)
 * @param feeders number of low-voltage feeders; households are dealt round-robin over them
 * @param districts number of districts; feeders are dealt round-robin over them
 * @param start instant of the first reading (it anchors the registers; its interval lies before the
 *     start)
 * @param duration simulated time after {@code start}; readings run up to and including {@code start
 *     + duration}
 * @param interval reading interval: each reading reports the average power over the interval ending
 *     at it
 * @param zone time zone whose local clock drives daily routines and weekends
 * @param speed 0 = as fast as possible; otherwise simulated seconds per wall-clock second
 * @param meterTruth keep per-meter hourly ground truth (8 bytes per meter and hour); feeder and
 *     district truth is always kept
 * @param climate the shape of the outdoor temperature the households heat and cool for
 * @param householdMix the shares of heating kinds, air conditioning and daytime presence
 * @param noiseScale multiplies the households' load noise (their everyday shape's smooth and white
 *     noise and their heating's wobble): 1 as modelled, 0 none, at most {@link #MAX_NOISE_SCALE};
 *     appliances, weather and voltage stay as they are
 */
public record SimulationConfig(
        long seed,
        int households,
        int feeders,
        int districts,
        Instant start,
        Duration duration,
        Duration interval,
        ZoneId zone,
        double speed,
        boolean meterTruth,
        Climate climate,
        HouseholdMix householdMix,
        double noiseScale) {

    public static final long DEFAULT_SEED = 42L;
    public static final double MAX_NOISE_SCALE = 5.0;
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Helsinki");

    /** A Monday in a Finnish winter: heating matters and the week starts with a weekday. */
    public static final LocalDate DEFAULT_START_DATE = LocalDate.of(2026, 1, 12);

    public SimulationConfig {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(climate, "climate");
        Objects.requireNonNull(householdMix, "householdMix");
        require(households >= 1, "households must be at least 1, got " + households);
        require(feeders >= 1, "feeders must be at least 1, got " + feeders);
        require(districts >= 1, "districts must be at least 1, got " + districts);
        // Feeders are dealt over districts: fewer feeders than districts would leave districts
        // without meters.
        require(
                feeders >= districts,
                "feeders (" + feeders + ") must be at least districts (" + districts + ")");
        require(!duration.isNegative(), "duration must not be negative, got " + duration);
        require(
                interval.compareTo(Duration.ofSeconds(1)) >= 0
                        && interval.compareTo(Duration.ofHours(1)) <= 0,
                "interval must be between PT1S and PT1H, got " + interval);
        // Avro timestamps are milliseconds: a finer interval could not be represented in the
        // readings.
        require(
                interval.getNano() % 1_000_000 == 0,
                "interval must be a whole number of milliseconds: " + interval);
        require(
                start.getNano() % 1_000_000 == 0,
                "start must be a whole number of milliseconds: " + start);
        require(
                Double.isFinite(speed) && speed >= 0,
                "speed must be 0 (as fast as possible) or positive: " + speed);
        // Beyond 5 the smooth and white noise together could take the everyday load below zero.
        require(
                noiseScale >= 0 && noiseScale <= MAX_NOISE_SCALE,
                "noise scale must be between 0 and " + MAX_NOISE_SCALE + ", got " + noiseScale);
    }

    /** Without a noise scale: the households' noise as modelled. */
    public SimulationConfig(
            long seed,
            int households,
            int feeders,
            int districts,
            Instant start,
            Duration duration,
            Duration interval,
            ZoneId zone,
            double speed,
            boolean meterTruth,
            Climate climate,
            HouseholdMix householdMix) {
        this(
                seed,
                households,
                feeders,
                districts,
                start,
                duration,
                interval,
                zone,
                speed,
                meterTruth,
                climate,
                householdMix,
                1.0);
    }

    /**
     * 1000 households on 20 feeders in 4 districts, one day of one-minute readings from Monday
     * 2026-01-12 00:00 Helsinki.
     */
    public static SimulationConfig defaults() {
        return new SimulationConfig(
                DEFAULT_SEED,
                1000,
                20,
                4,
                localMidnight(DEFAULT_START_DATE, DEFAULT_ZONE),
                Duration.ofDays(1),
                Duration.ofMinutes(1),
                DEFAULT_ZONE,
                0.0,
                true,
                Climate.NORDIC,
                HouseholdMix.DEFAULT);
    }

    /**
     * The instant a local calendar day begins in a zone (handy for {@link #withStart(Instant)}).
     */
    public static Instant localMidnight(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }

    public SimulationConfig withSeed(long seed) {
        return new SimulationConfig(
                seed,
                households,
                feeders,
                districts,
                start,
                duration,
                interval,
                zone,
                speed,
                meterTruth,
                climate,
                householdMix,
                noiseScale);
    }

    public SimulationConfig withHouseholds(int households) {
        return new SimulationConfig(
                seed,
                households,
                feeders,
                districts,
                start,
                duration,
                interval,
                zone,
                speed,
                meterTruth,
                climate,
                householdMix,
                noiseScale);
    }

    public SimulationConfig withFeeders(int feeders) {
        return new SimulationConfig(
                seed,
                households,
                feeders,
                districts,
                start,
                duration,
                interval,
                zone,
                speed,
                meterTruth,
                climate,
                householdMix,
                noiseScale);
    }

    public SimulationConfig withDistricts(int districts) {
        return new SimulationConfig(
                seed,
                households,
                feeders,
                districts,
                start,
                duration,
                interval,
                zone,
                speed,
                meterTruth,
                climate,
                householdMix,
                noiseScale);
    }

    public SimulationConfig withStart(Instant start) {
        return new SimulationConfig(
                seed,
                households,
                feeders,
                districts,
                start,
                duration,
                interval,
                zone,
                speed,
                meterTruth,
                climate,
                householdMix,
                noiseScale);
    }

    public SimulationConfig withDuration(Duration duration) {
        return new SimulationConfig(
                seed,
                households,
                feeders,
                districts,
                start,
                duration,
                interval,
                zone,
                speed,
                meterTruth,
                climate,
                householdMix,
                noiseScale);
    }

    public SimulationConfig withInterval(Duration interval) {
        return new SimulationConfig(
                seed,
                households,
                feeders,
                districts,
                start,
                duration,
                interval,
                zone,
                speed,
                meterTruth,
                climate,
                householdMix,
                noiseScale);
    }

    /**
     * Changes only the zone; the start instant stays as it is (use {@link #localMidnight} to move
     * it too).
     */
    public SimulationConfig withZone(ZoneId zone) {
        return new SimulationConfig(
                seed,
                households,
                feeders,
                districts,
                start,
                duration,
                interval,
                zone,
                speed,
                meterTruth,
                climate,
                householdMix,
                noiseScale);
    }

    public SimulationConfig withSpeed(double speed) {
        return new SimulationConfig(
                seed,
                households,
                feeders,
                districts,
                start,
                duration,
                interval,
                zone,
                speed,
                meterTruth,
                climate,
                householdMix,
                noiseScale);
    }

    public SimulationConfig withMeterTruth(boolean meterTruth) {
        return new SimulationConfig(
                seed,
                households,
                feeders,
                districts,
                start,
                duration,
                interval,
                zone,
                speed,
                meterTruth,
                climate,
                householdMix,
                noiseScale);
    }

    public SimulationConfig withClimate(Climate climate) {
        return new SimulationConfig(
                seed,
                households,
                feeders,
                districts,
                start,
                duration,
                interval,
                zone,
                speed,
                meterTruth,
                climate,
                householdMix,
                noiseScale);
    }

    public SimulationConfig withHouseholdMix(HouseholdMix householdMix) {
        return new SimulationConfig(
                seed,
                households,
                feeders,
                districts,
                start,
                duration,
                interval,
                zone,
                speed,
                meterTruth,
                climate,
                householdMix,
                noiseScale);
    }

    public SimulationConfig withNoiseScale(double noiseScale) {
        return new SimulationConfig(
                seed,
                households,
                feeders,
                districts,
                start,
                duration,
                interval,
                zone,
                speed,
                meterTruth,
                climate,
                householdMix,
                noiseScale);
    }

    /**
     * The instant of the last reading: {@code start + duration}, rounded down to a whole interval.
     */
    public Instant end() {
        return start.plusMillis(steps() * interval.toMillis());
    }

    /**
     * Number of intervals after the start reading (so there are {@code steps() + 1} reading times).
     */
    public long steps() {
        return duration.toMillis() / interval.toMillis();
    }

    /** Total readings a complete run emits. */
    public long expectedReadings() {
        return (steps() + 1) * households;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
