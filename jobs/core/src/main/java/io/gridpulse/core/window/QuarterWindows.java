package io.gridpulse.core.window;

import io.gridpulse.core.config.DistrictZones;
import io.gridpulse.core.meter.MeterQuarter;
import io.gridpulse.schema.GroupAggregate;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.triggers.EventTimeTrigger;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * Event-time windows over quarter hours (meters' additions, or groups' quarter-hour aggregates),
 * placed by the quarter hour each element belongs to, not by the record's timestamp: energy
 * interpolated into a gap belongs to earlier quarters than the reading that revealed it. Either
 * fixed tumbling windows (15 min, 1 h) or calendar days in each district's own time zone, from
 * local midnight to the next, so a day has 23 hours when the clocks spring forward and 25 when they
 * fall back.
 *
 * <p>Like every GridPulse window they are (start, end]: a reading at 10:15 reports energy used up
 * to 10:15, so the quarter ending at 10:15 belongs to the hour 10:00-11:00 and the quarter ending
 * at local midnight to the day before.
 */
public final class QuarterWindows<T> extends WindowAssigner<T, TimeWindow> {

    private static final long serialVersionUID = 1L;

    /** Where an element's quarter hour ends and which district's calendar it follows. */
    public interface Quarter<T> extends Serializable {
        long end(T element);

        String district(T element);
    }

    private static final Quarter<MeterQuarter> METER =
            new Quarter<>() {
                @Override
                public long end(MeterQuarter quarter) {
                    return quarter.end;
                }

                @Override
                public String district(MeterQuarter quarter) {
                    return quarter.districtId;
                }
            };

    private static final Quarter<GroupAggregate> GROUP =
            new Quarter<>() {
                @Override
                public long end(GroupAggregate quarter) {
                    return quarter.getWindowEnd().toEpochMilli();
                }

                @Override
                public String district(GroupAggregate quarter) {
                    return quarter.getDistrictId();
                }
            };

    /**
     * Window length in milliseconds; 0 for local days; {@link #HOURS_AND_DAYS} for both at once.
     */
    private final long sizeMillis;

    private final DistrictZones zones;
    private final Quarter<T> quarter;

    private static final long HOURS_AND_DAYS = -1;
    private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();

    private QuarterWindows(long sizeMillis, DistrictZones zones, Quarter<T> quarter) {
        this.sizeMillis = sizeMillis;
        this.zones = zones;
        this.quarter = quarter;
    }

    /** Windows of {@code size} (or local days if null) over meters' quarter-hour additions. */
    public static QuarterWindows<MeterQuarter> ofMeters(Duration size, DistrictZones zones) {
        return new QuarterWindows<>(size == null ? 0 : size.toMillis(), zones, METER);
    }

    /**
     * Each meter addition's hour and local day at once, for one window operator instead of two: in
     * BATCH mode every keyed operator sorts its whole input, so one fewer is one sort of all
     * quarter-hour additions fewer.
     */
    public static QuarterWindows<MeterQuarter> hoursAndDaysOfMeters(DistrictZones zones) {
        return new QuarterWindows<>(HOURS_AND_DAYS, zones, METER);
    }

    /** Windows of {@code size} (or local days if null) over groups' quarter-hour aggregates. */
    public static QuarterWindows<GroupAggregate> ofGroups(Duration size, DistrictZones zones) {
        return new QuarterWindows<>(size == null ? 0 : size.toMillis(), zones, GROUP);
    }

    @Override
    public Collection<TimeWindow> assignWindows(
            T element, long timestamp, WindowAssignerContext context) {
        long instant = quarter.end(element) - 1;
        if (sizeMillis > 0) {
            return List.of(fixed(instant, sizeMillis));
        }
        TimeWindow day = dayContaining(instant, zones.zoneOf(quarter.district(element)));
        return sizeMillis == HOURS_AND_DAYS
                ? List.of(fixed(instant, HOUR_MILLIS), day)
                : List.of(day);
    }

    private static TimeWindow fixed(long instant, long sizeMillis) {
        long start = instant - Math.floorMod(instant, sizeMillis);
        return new TimeWindow(start, start + sizeMillis);
    }

    /** The local calendar day, as UTC instants, that contains {@code instant}. */
    static TimeWindow dayContaining(long instant, ZoneId zone) {
        LocalDate day = Instant.ofEpochMilli(instant).atZone(zone).toLocalDate();
        long start = day.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        return new TimeWindow(start, end);
    }

    @Override
    public Trigger<T, TimeWindow> getDefaultTrigger() {
        @SuppressWarnings("unchecked")
        Trigger<T, TimeWindow> trigger =
                (Trigger<T, TimeWindow>) (Trigger<?, ?>) EventTimeTrigger.create();
        return trigger;
    }

    @Override
    public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig executionConfig) {
        return new TimeWindow.Serializer();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        if (sizeMillis == HOURS_AND_DAYS) {
            return "QuarterWindows(hours and local days)";
        }
        return sizeMillis > 0
                ? "QuarterWindows(" + Duration.ofMillis(sizeMillis) + ")"
                : "QuarterWindows(local days)";
    }
}
