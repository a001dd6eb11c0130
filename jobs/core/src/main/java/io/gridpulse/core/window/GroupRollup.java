package io.gridpulse.core.window;

import io.gridpulse.core.meter.MeterQuarter;
import io.gridpulse.schema.GroupAggregate;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * The roll-ups of a feeder or district. A feeder's quarter hour sums its meters' additions; every
 * longer window, and a district's quarter hour, is built from quarter-hour aggregates whose latest
 * version replaces the one before, so a quarter rewritten after a late update is counted once, and
 * the volume past the feeder stage is one record per feeder and quarter hour.
 */
public final class GroupRollup {

    private GroupRollup() {}

    /** A feeder's quarter hour from its meters' additions. */
    public static AggregateFunction<MeterQuarter, GroupSlots, GroupSlots> meters() {
        return new Meters();
    }

    /** A group's longer window from its own quarter hours, the latest version of each. */
    public static AggregateFunction<GroupAggregate, GroupSlots, GroupSlots> quarters() {
        return new Quarters();
    }

    /**
     * Both roll-ups keep {@link GroupSlots}; they differ only in how an element lands in its slot.
     */
    private abstract static class Slotted<T>
            implements AggregateFunction<T, GroupSlots, GroupSlots> {
        private static final long serialVersionUID = 1L;

        @Override
        public GroupSlots createAccumulator() {
            return new GroupSlots();
        }

        @Override
        public GroupSlots getResult(GroupSlots slots) {
            return slots;
        }

        @Override
        public GroupSlots merge(GroupSlots a, GroupSlots b) {
            a.addAll(b);
            return a;
        }
    }

    private static final class Meters extends Slotted<MeterQuarter> {
        private static final long serialVersionUID = 1L;

        @Override
        public GroupSlots add(MeterQuarter quarter, GroupSlots slots) {
            slots.districtId = quarter.districtId;
            slots.add(
                    quarter.end,
                    quarter.energyWh,
                    quarter.estimatedWh,
                    quarter.first ? 1 : 0,
                    quarter.samples);
            return slots;
        }
    }

    private static final class Quarters extends Slotted<GroupAggregate> {
        private static final long serialVersionUID = 1L;

        @Override
        public GroupSlots add(GroupAggregate quarter, GroupSlots slots) {
            slots.districtId = quarter.getDistrictId();
            double wh = quarter.getEnergyKwh() * 1000;
            slots.put(
                    quarter.getWindowEnd().toEpochMilli(),
                    wh,
                    wh * quarter.getEstimatedFraction(),
                    quarter.getMetersReporting(),
                    quarter.getReadings());
            return slots;
        }
    }
}
