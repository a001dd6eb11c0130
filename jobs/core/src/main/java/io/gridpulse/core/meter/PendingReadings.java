package io.gridpulse.core.meter;

import io.gridpulse.schema.MeterReading;
import java.time.Instant;
import java.util.Arrays;

/**
 * A meter's readings that wait for their quarter hour to close, kept sorted by timestamp (readings
 * of one meter mostly arrive in order, so inserting is usually appending). Equal timestamps keep
 * their arrival order, so the first of two duplicates stays first. Primitive arrays: compact on the
 * heap and serialized by Flink's POJO serializer without Kryo.
 */
public class PendingReadings {

    public long[] timestamps = new long[0];
    public double[] registersWh = new double[0];
    public double[] powersW = new double[0];

    /** NaN where the reading had no voltage. */
    public double[] voltagesV = new double[0];

    /**
     * Whether the sender estimated the reading's energy ({@code MeterReading.estimated}). Shorter
     * than the other arrays in state written before it existed: missing entries are false.
     */
    public boolean[] estimated = new boolean[0];

    /**
     * Index of the oldest reading: dropping the oldest moves it instead of copying what follows.
     */
    public int first;

    public int size;

    public PendingReadings() {}

    public void add(MeterReading reading) {
        if (first + size == timestamps.length) {
            makeRoom();
        }
        if (estimated.length != timestamps.length) {
            estimated = Arrays.copyOf(estimated, timestamps.length);
        }
        long timestamp = reading.getTimestamp().toEpochMilli();
        int end = first + size;
        int at = end;
        while (at > first && timestamps[at - 1] > timestamp) {
            at--;
        }
        int tail = end - at;
        System.arraycopy(timestamps, at, timestamps, at + 1, tail);
        System.arraycopy(registersWh, at, registersWh, at + 1, tail);
        System.arraycopy(powersW, at, powersW, at + 1, tail);
        System.arraycopy(voltagesV, at, voltagesV, at + 1, tail);
        System.arraycopy(estimated, at, estimated, at + 1, tail);
        timestamps[at] = timestamp;
        registersWh[at] = reading.getActiveEnergyWh();
        powersW[at] = reading.getAveragePowerW();
        voltagesV[at] = reading.getVoltageV() == null ? Double.NaN : reading.getVoltageV();
        estimated[at] = reading.getEstimated();
        size++;
    }

    public long timestamp(int i) {
        return timestamps[first + i];
    }

    public double registerWh(int i) {
        return registersWh[first + i];
    }

    public double powerW(int i) {
        return powersW[first + i];
    }

    /** NaN where the reading had no voltage. */
    public double voltageV(int i) {
        return voltagesV[first + i];
    }

    /** Whether the sender estimated the reading's energy. */
    public boolean estimated(int i) {
        return first + i < estimated.length && estimated[first + i];
    }

    /** How many of the oldest readings have a timestamp at or before {@code timestamp}. */
    public int countUpTo(long timestamp) {
        int n = 0;
        while (n < size && timestamps[first + n] <= timestamp) {
            n++;
        }
        return n;
    }

    /**
     * Forgets the {@code n} oldest readings. Live, a meter has a few pending readings and they move
     * to the front at once; in a BATCH run a meter's whole history is pending before its first
     * quarter closes, and moving the rest forward after every quarter would cost its length
     * squared, so the front moves instead and the arrays are compacted only once the dropped part
     * outweighs the rest.
     */
    public void dropOldest(int n) {
        first += n;
        size -= n;
        if (size <= first) {
            compact();
        }
    }

    private void makeRoom() {
        if (first > 0) {
            compact();
            return;
        }
        int capacity = Math.max(4, size * 2);
        timestamps = Arrays.copyOf(timestamps, capacity);
        registersWh = Arrays.copyOf(registersWh, capacity);
        powersW = Arrays.copyOf(powersW, capacity);
        voltagesV = Arrays.copyOf(voltagesV, capacity);
        estimated = Arrays.copyOf(estimated, capacity);
    }

    private void compact() {
        System.arraycopy(timestamps, first, timestamps, 0, size);
        System.arraycopy(registersWh, first, registersWh, 0, size);
        System.arraycopy(powersW, first, powersW, 0, size);
        System.arraycopy(voltagesV, first, voltagesV, 0, size);
        if (estimated.length != timestamps.length) {
            estimated = Arrays.copyOf(estimated, timestamps.length);
        }
        System.arraycopy(estimated, first, estimated, 0, size);
        first = 0;
    }

    /** The i-th pending reading rebuilt as a record, for dead letters. */
    public MeterReading toReading(int i, String meterId, String feederId, String districtId) {
        return MeterReading.newBuilder()
                .setMeterId(meterId)
                .setFeederId(feederId)
                .setDistrictId(districtId)
                .setTimestamp(Instant.ofEpochMilli(timestamp(i)))
                .setActiveEnergyWh(registerWh(i))
                .setAveragePowerW(powerW(i))
                .setVoltageV(Double.isNaN(voltageV(i)) ? null : voltageV(i))
                .setEstimated(estimated(i))
                .build();
    }
}
