package io.gridpulse.core.window;

import io.gridpulse.schema.GroupAggregate;
import java.util.Arrays;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * A district's quarter hour from its feeders' quarter hours: the latest version of each feeder's
 * replaces the one before (a feeder quarter is rewritten after a late update), and the district is
 * their sum.
 */
public final class FeederSlots
        implements AggregateFunction<GroupAggregate, FeederSlots.Feeders, GroupSlots> {

    private static final long serialVersionUID = 1L;

    /** The latest quarter-hour aggregate of each feeder, as parallel arrays; a Flink POJO. */
    public static class Feeders {
        public String districtId;
        public long quarterEnd;
        public String[] feederIds = new String[0];
        public double[] energyWh = new double[0];
        public double[] estimatedWh = new double[0];
        public int[] meters = new int[0];
        public long[] readings = new long[0];
        public int size;

        public Feeders() {}

        void put(GroupAggregate feeder) {
            int i = 0;
            while (i < size && !feederIds[i].equals(feeder.getGroupId())) {
                i++;
            }
            if (i == size) {
                if (size == feederIds.length) {
                    int capacity = Math.max(4, size * 2);
                    feederIds = Arrays.copyOf(feederIds, capacity);
                    energyWh = Arrays.copyOf(energyWh, capacity);
                    estimatedWh = Arrays.copyOf(estimatedWh, capacity);
                    meters = Arrays.copyOf(meters, capacity);
                    readings = Arrays.copyOf(readings, capacity);
                }
                feederIds[size++] = feeder.getGroupId();
            }
            districtId = feeder.getDistrictId();
            quarterEnd = feeder.getWindowEnd().toEpochMilli();
            energyWh[i] = feeder.getEnergyKwh() * 1000;
            estimatedWh[i] = energyWh[i] * feeder.getEstimatedFraction();
            meters[i] = feeder.getMetersReporting();
            readings[i] = feeder.getReadings();
        }
    }

    @Override
    public Feeders createAccumulator() {
        return new Feeders();
    }

    @Override
    public Feeders add(GroupAggregate feeder, Feeders feeders) {
        feeders.put(feeder);
        return feeders;
    }

    @Override
    public GroupSlots getResult(Feeders feeders) {
        GroupSlots district = new GroupSlots();
        district.districtId = feeders.districtId;
        for (int i = 0; i < feeders.size; i++) {
            district.add(
                    feeders.quarterEnd,
                    feeders.energyWh[i],
                    feeders.estimatedWh[i],
                    feeders.meters[i],
                    feeders.readings[i]);
        }
        return district;
    }

    @Override
    public Feeders merge(Feeders a, Feeders b) {
        throw new UnsupportedOperationException(
                "district quarter hours are tumbling windows; nothing to merge");
    }
}
