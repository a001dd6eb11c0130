package io.gridpulse.core.savings.live;

import io.gridpulse.core.config.DistrictZones;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A feeder's or a district's savings from its meters' daily outputs: the sum of avoided over the
 * sum of predicted (not a mean of the meters' percentages, which would weigh a flat with a house),
 * the meters' absolute uncertainties in quadrature, the meters counted per status, the on-track
 * flag against the district's target, and a projection of the savings fraction to the programme's
 * end at the pace of the latest {@code savings.projection-days} days.
 *
 * <p>Meter outputs carry the change they make, so a revised meter day replaces its earlier version.
 * A day is emitted when the watermark passes its end (its meters have settled it by then), and
 * again when a late revision changes it. Only the latest days are kept; the totals since the start
 * hold the rest.
 */
public final class GroupSavings extends KeyedProcessFunction<String, SavingsDay, SavingsDay> {

    private static final long serialVersionUID = 1L;

    /** Days kept besides the projection's: a revision older than this only moves the totals. */
    static final int MIN_DAYS_KEPT = 7;

    private final String level;
    private final SavingsSettings settings;
    private final DistrictZones zones;

    private transient ValueState<GroupTotals> totals;
    private transient MapState<Long, GroupDay> days;

    public GroupSavings(String level, SavingsSettings settings, DistrictZones zones) {
        if (!SavingsDay.FEEDER.equals(level) && !SavingsDay.DISTRICT.equals(level)) {
            throw new IllegalArgumentException("groups are feeders or districts, not " + level);
        }
        this.level = level;
        this.settings = settings;
        this.zones = zones;
    }

    /** The group of a meter's output at {@code level}. */
    public static String groupOf(String level, SavingsDay meter) {
        return SavingsDay.FEEDER.equals(level) ? meter.feederId : meter.districtId;
    }

    @Override
    public void open(OpenContext openContext) {
        totals =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "group-savings", TypeInformation.of(GroupTotals.class)));
        days =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "group-days",
                                        Types.LONG,
                                        TypeInformation.of(GroupDay.class)));
    }

    @Override
    public void processElement(SavingsDay meter, Context ctx, Collector<SavingsDay> out)
            throws Exception {
        GroupTotals group = totals.value();
        if (group == null) {
            group = new GroupTotals();
            group.feederId = SavingsDay.FEEDER.equals(level) ? meter.feederId : null;
            group.districtId = meter.districtId;
        }
        group.add(meter);
        totals.update(group);
        // A day too old to be kept moves only the totals, which the newest day's point shows.
        long changed = meter.day < group.forgottenBefore ? newestDay() : meter.day;
        GroupDay day = days.get(changed);
        if (day == null) {
            day = new GroupDay();
        }
        if (changed == meter.day) {
            day.add(meter);
        } else {
            day.dirty = true;
        }
        days.put(changed, day);
        long due =
                Math.max(
                        endOf(changed, group.districtId) - 1,
                        ctx.timerService().currentWatermark() + 1);
        ctx.timerService().registerEventTimeTimer(due);
    }

    private long newestDay() throws Exception {
        long newest = Long.MIN_VALUE;
        for (long day : days.keys()) {
            newest = Math.max(newest, day);
        }
        return newest;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SavingsDay> out)
            throws Exception {
        GroupTotals group = totals.value();
        TreeMap<Long, GroupDay> kept = new TreeMap<>();
        for (Map.Entry<Long, GroupDay> entry : days.entries()) {
            kept.put(entry.getKey(), entry.getValue());
        }
        for (Map.Entry<Long, GroupDay> entry : kept.entrySet()) {
            long day = entry.getKey();
            GroupDay sums = entry.getValue();
            if (sums.dirty && endOf(day, group.districtId) - 1 <= timestamp) {
                out.collect(asOf(ctx.getCurrentKey(), group, day, kept));
                sums.dirty = false;
                days.put(day, sums);
            }
        }
        forgetOldDays(group, kept);
    }

    /**
     * The group's savings as of the end of {@code day}: the totals minus what the kept later days
     * added.
     */
    private SavingsDay asOf(String id, GroupTotals group, long day, TreeMap<Long, GroupDay> kept) {
        GroupDay sums = kept.get(day);
        SavingsDay result = new SavingsDay();
        result.level = level;
        result.id = id;
        result.feederId = group.feederId;
        result.districtId = group.districtId;
        result.day = day;
        result.dayStartMillis = sums.dayStartMillis;
        result.temperatureF = sums.temperatureF;
        result.predictedKwh = sums.predictedKwh;
        result.actualKwh = sums.actualKwh;
        double predicted = group.predictedKwh;
        double actual = group.actualKwh;
        double squared = group.uncertaintySquared;
        long counted = group.countedDays;
        for (GroupDay later : kept.tailMap(day, false).values()) {
            predicted -= later.predictedKwh;
            actual -= later.actualKwh;
            squared -= later.uncertaintySquaredChange;
            counted -= later.countedDaysChange;
        }
        result.cumulativePredictedKwh = predicted;
        result.cumulativeActualKwh = actual;
        result.countedDays = counted;
        result.uncertaintyKwh = counted > 0 ? Math.sqrt(Math.max(0, squared)) : Double.NaN;
        result.target = settings.targetOf(group.districtId);
        result.projectedFraction = projection(predicted, actual, day, kept);
        result.metersCounted = sums.counts.metersCounted;
        result.metersWithoutModel = sums.counts.metersWithoutModel;
        result.metersInsufficientBaseline = sums.counts.metersInsufficientBaseline;
        result.metersWithoutWeather = sums.counts.metersWithoutWeather;
        result.metersMissingData = sums.counts.metersMissingData;
        return result;
    }

    /**
     * The savings fraction at the programme's end if the rest of it goes like the latest days up to
     * {@code day}: their mean daily predicted and actual use, carried over the days left.
     */
    private double projection(
            double predicted, double actual, long day, TreeMap<Long, GroupDay> kept) {
        double pacePredicted = 0;
        double paceActual = 0;
        int paceDays = 0;
        for (Map.Entry<Long, GroupDay> entry :
                kept.subMap(day - settings.projectionDays(), false, day, true).entrySet()) {
            if (entry.getValue().predictedKwh > 0) {
                pacePredicted += entry.getValue().predictedKwh;
                paceActual += entry.getValue().actualKwh;
                paceDays++;
            }
        }
        if (paceDays == 0 || predicted <= 0) {
            return Double.NaN;
        }
        long left = settings.daysLeftAfter(LocalDate.ofEpochDay(day));
        double endPredicted = predicted + left * pacePredicted / paceDays;
        double endActual = actual + left * paceActual / paceDays;
        return (endPredicted - endActual) / endPredicted;
    }

    private void forgetOldDays(GroupTotals group, TreeMap<Long, GroupDay> kept) throws Exception {
        if (kept.isEmpty()) {
            return;
        }
        long oldestKept = kept.lastKey() - Math.max(MIN_DAYS_KEPT, settings.projectionDays());
        List<Long> old = new ArrayList<>(kept.headMap(oldestKept, false).keySet());
        for (long day : old) {
            if (!kept.get(day).dirty) {
                days.remove(day);
                group.forgottenBefore = Math.max(group.forgottenBefore, day + 1);
            }
        }
        totals.update(group);
    }

    private long endOf(long day, String district) {
        ZoneId zone = zones.zoneOf(district);
        return LocalDate.ofEpochDay(day).plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
