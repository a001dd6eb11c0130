package io.gridpulse.bench.pipeline;

import io.gridpulse.core.io.AvroSingleObjectSerializer;
import io.gridpulse.schema.MeterReading;
import java.time.Instant;

/**
 * Deterministic readings for benchmarks: {@code meters} meters, one reading a minute each, 50
 * meters per feeder and 20 feeders per district. Reading {@code i} is laid out like two Kafka
 * partitions keyed by meter: the first half of the indices holds the first half of the meters over
 * the whole time range, the second half the rest, each in time order.
 */
public final class SyntheticReadings {

    /** Monday 2026-01-12 00:00 UTC, a quarter-hour boundary. */
    public static final long T0_MILLIS = Instant.parse("2026-01-12T00:00:00Z").toEpochMilli();

    private static final long MINUTE_MILLIS = 60_000L;

    private final int meters;
    private final long readings;
    private final String[] meterIds;
    private final String[] feederIds;
    private final String[] districtIds;

    public SyntheticReadings(int meters, long readings) {
        if (meters % 2 != 0 || readings % meters != 0) {
            throw new IllegalArgumentException(
                    "need an even meter count that divides the reading count");
        }
        this.meters = meters;
        this.readings = readings;
        meterIds = new String[meters];
        feederIds = new String[meters];
        districtIds = new String[meters];
        for (int meter = 0; meter < meters; meter++) {
            int feeder = meter / 50;
            int district = feeder / 20;
            meterIds[meter] = String.format("M%06d", meter);
            feederIds[meter] = String.format("D%02d-F%04d", district, feeder);
            districtIds[meter] = String.format("D%02d", district);
        }
    }

    public long count() {
        return readings;
    }

    public int minutes() {
        return (int) (readings / meters);
    }

    /** The reading at {@code index} (0 <= index < count()). */
    public MeterReading reading(long index) {
        long half = readings / 2;
        int metersPerHalf = meters / 2;
        long position = index % half;
        int meter = (int) (index / half) * metersPerHalf + (int) (position % metersPerHalf);
        long minute = position / metersPerHalf;
        double basePowerW = 200 + (meter * 37 % 3000);
        double powerW = basePowerW + (minute % 60) * 5;
        return MeterReading.newBuilder()
                .setMeterId(meterIds[meter])
                .setFeederId(feederIds[meter])
                .setDistrictId(districtIds[meter])
                .setTimestamp(Instant.ofEpochMilli(T0_MILLIS + (minute + 1) * MINUTE_MILLIS))
                .setActiveEnergyWh(1_000_000.0 + meter + registerWh(basePowerW, minute))
                .setAveragePowerW(powerW)
                .setVoltageV(230.0 + meter % 7)
                .build();
    }

    /**
     * The energy used in minutes 1..minute, each at its own power, in closed form: a register that
     * only moves forward by what the power says, so benchmark data is clean for VEE (no new epochs,
     * no estimates).
     */
    static double registerWh(double basePowerW, long minute) {
        long hours = minute / 60;
        long rest = minute % 60;
        double rampSum =
                hours * 1770.0 + rest * (rest + 1) / 2.0; // sum of (k % 60) for k = 1..minute
        return (basePowerW * minute + 5 * rampSum) / 60.0;
    }

    /** Every reading in single-object encoding, as Kafka values. */
    public byte[][] encodeAll() {
        AvroSingleObjectSerializer<MeterReading> serializer =
                new AvroSingleObjectSerializer<>(MeterReading.class);
        byte[][] values = new byte[Math.toIntExact(readings)][];
        for (int i = 0; i < values.length; i++) {
            values[i] = serializer.serialize(reading(i));
        }
        return values;
    }
}
