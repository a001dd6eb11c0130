package io.gridpulse.core.savings.live;

import io.gridpulse.core.config.DistrictZones;
import io.gridpulse.core.io.ReadingTypes;
import io.gridpulse.core.savings.DayModel;
import io.gridpulse.core.savings.FractionalSavingsUncertainty;
import io.gridpulse.core.savings.MeteredDays;
import io.gridpulse.schema.MeterAggregate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

/**
 * Per meter and local day of the programme: the baseline use its model predicts for the day's
 * temperature against what it used (avoided energy), cumulated since the programme's start, with
 * the fractional savings uncertainty of ASHRAE Guideline 14 and the district's target.
 *
 * <p>Keyed by meter, two kinds of records come in: the meter's baseline model (from the compacted
 * models topic; the latest replaces the one before) and its daily ({@code 1d}) aggregates, the only
 * windows it is given. The districts' daily temperatures are broadcast. A day is settled as soon as
 * both its use and its temperature are known; a day still without a temperature when the watermark
 * (the minimum of the energy and the weather streams) passes its end is settled as NO_WEATHER. A
 * day's aggregate that comes again (late readings within the roll-ups' lateness) replaces its
 * earlier contribution.
 *
 * <p>Which days count follows the analysts' report ({@link MeteredDays}): a day with at least half
 * its readings counts, scaled up to the whole day; for electricity a day of zero use counts as
 * missing. A meter with no model, or whose baseline was insufficient, is reported with that status
 * every day and never given savings.
 */
public final class MeterDaySavings
        extends KeyedBroadcastProcessFunction<
                String,
                Either<io.gridpulse.schema.BaselineModel, MeterAggregate>,
                DistrictTemperature,
                SavingsDay> {

    private static final long serialVersionUID = 1L;

    /** District temperatures by {@code district/epochDay}, the same in every subtask. */
    public static final MapStateDescriptor<String, Double> TEMPERATURES =
            new MapStateDescriptor<>("district-temperatures", Types.STRING, Types.DOUBLE);

    /**
     * The districts' hourly temperatures by {@code district/epochDay}, for models fitted on degree
     * hours; a state of its own, so that savepoints taken before it restore unchanged.
     */
    public static final MapStateDescriptor<String, double[]> HOURLY_TEMPERATURES =
            new MapStateDescriptor<>(
                    "district-hourly-temperatures",
                    Types.STRING,
                    PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO);

    /** Temperatures of days this far behind the watermark are dropped from the broadcast state. */
    static final int TEMPERATURE_DAYS_KEPT = 14;

    static final String MODEL_UNIT = "kWh";

    private final SavingsSettings settings;
    private final DistrictZones zones;

    private transient ValueState<io.gridpulse.schema.BaselineModel> model;
    private transient ValueState<MeterSavingsState> totals;

    /**
     * Days whose use is known but not their temperature: epoch day -> energy kWh, completeness, day
     * start.
     */
    private transient MapState<Long, double[]> waiting;

    public MeterDaySavings(SavingsSettings settings, DistrictZones zones) {
        this.settings = settings;
        this.zones = zones;
    }

    @Override
    public void open(OpenContext openContext) {
        model =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "baseline-model",
                                        new AvroTypeInfo<>(
                                                io.gridpulse.schema.BaselineModel.class)));
        totals =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "savings", TypeInformation.of(MeterSavingsState.class)));
        waiting =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "waiting-for-weather",
                                        Types.LONG,
                                        PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
    }

    @Override
    public void processElement(
            Either<io.gridpulse.schema.BaselineModel, MeterAggregate> input,
            ReadOnlyContext ctx,
            Collector<SavingsDay> out)
            throws Exception {
        if (input.isLeft()) {
            model.update(input.left());
            return;
        }
        MeterAggregate aggregate = input.right();
        ZoneId zone = zones.zoneOf(aggregate.getDistrictId());
        LocalDate day = aggregate.getWindowStart().atZone(zone).toLocalDate();
        if (!settings.covers(day)) {
            return;
        }
        MeterSavingsState meter = totals.value();
        if (meter == null) {
            meter = new MeterSavingsState();
        }
        meter.feederId = aggregate.getFeederId();
        meter.districtId = aggregate.getDistrictId();
        double[] use = {
            aggregate.getEnergyKwh(),
            aggregate.getCompleteness(),
            aggregate.getWindowStart().toEpochMilli()
        };
        Double temperature =
                ctx.getBroadcastState(TEMPERATURES).get(key(meter.districtId, day.toEpochDay()));
        if (temperature != null) {
            waiting.remove(day.toEpochDay()); // an earlier version of the day may wait still: this
            // one replaces it
            settle(
                    ctx.getCurrentKey(),
                    meter,
                    day.toEpochDay(),
                    use,
                    temperature,
                    ctx.getBroadcastState(HOURLY_TEMPERATURES)
                            .get(key(meter.districtId, day.toEpochDay())),
                    out);
        } else {
            waiting.put(day.toEpochDay(), use);
            ctx.timerService()
                    .registerEventTimeTimer(
                            day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1);
        }
        totals.update(meter);
    }

    @Override
    public void processBroadcastElement(
            DistrictTemperature temperature, Context ctx, Collector<SavingsDay> out)
            throws Exception {
        BroadcastState<String, Double> temperatures = ctx.getBroadcastState(TEMPERATURES);
        temperatures.put(key(temperature.districtId, temperature.day), temperature.temperatureF);
        BroadcastState<String, double[]> hours = ctx.getBroadcastState(HOURLY_TEMPERATURES);
        if (temperature.hoursF != null) {
            hours.put(key(temperature.districtId, temperature.day), temperature.hoursF);
        }
        // Forget days well behind the watermark (the slower of energy and weather), not behind the
        // newest temperature:
        // in a backfill the weather topic is read far ahead of the readings, and its days are still
        // to come for them.
        long watermark = ctx.currentWatermark();
        if (watermark == Long.MIN_VALUE) {
            return;
        }
        long oldestKept =
                Instant.ofEpochMilli(watermark).atZone(ZoneOffset.UTC).toLocalDate().toEpochDay()
                        - TEMPERATURE_DAYS_KEPT;
        List<String> old = new ArrayList<>();
        for (Map.Entry<String, Double> entry : temperatures.entries()) {
            String k = entry.getKey();
            if (Long.parseLong(k.substring(k.lastIndexOf('/') + 1)) < oldestKept) {
                old.add(k);
            }
        }
        for (String k : old) {
            temperatures.remove(k);
            hours.remove(k);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SavingsDay> out)
            throws Exception {
        MeterSavingsState meter = totals.value();
        Iterator<Map.Entry<Long, double[]>> days = waiting.iterator();
        List<Long> settled = new ArrayList<>();
        ZoneId zone = zones.zoneOf(meter.districtId);
        while (days.hasNext()) {
            Map.Entry<Long, double[]> entry = days.next();
            long day = entry.getKey();
            if (LocalDate.ofEpochDay(day).plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli()
                            - 1
                    <= timestamp) {
                Double temperature =
                        ctx.getBroadcastState(TEMPERATURES).get(key(meter.districtId, day));
                settle(
                        ctx.getCurrentKey(),
                        meter,
                        day,
                        entry.getValue(),
                        temperature == null ? Double.NaN : temperature,
                        ctx.getBroadcastState(HOURLY_TEMPERATURES).get(key(meter.districtId, day)),
                        out);
                settled.add(day);
            }
        }
        for (long day : settled) {
            waiting.remove(day);
        }
        totals.update(meter);
    }

    /**
     * Counts (or recounts) one day of the meter: {@code use} = energy kWh, completeness, day start.
     */
    private void settle(
            String meterId,
            MeterSavingsState meter,
            long day,
            double[] use,
            double temperatureF,
            double[] hoursF,
            Collector<SavingsDay> out)
            throws Exception {
        io.gridpulse.schema.BaselineModel record = model.value();
        DayModel fitted = record == null ? null : FittedModels.of(record);
        double energyKwh = use[0];
        double completeness = use[1];

        SavingsDay result = new SavingsDay();
        if (record == null) {
            result.status = SavingsDay.NO_MODEL;
            result.reason = "no baseline model has been published for this meter";
        } else if (fitted == null) {
            result.status = SavingsDay.INSUFFICIENT_BASELINE;
            result.reason = FittedModels.whyNot(record);
        } else if (!MODEL_UNIT.equalsIgnoreCase(record.getUnit())) {
            result.status = SavingsDay.NO_MODEL;
            result.reason =
                    "the model is in "
                            + record.getUnit()
                            + " per day, the meter's days in "
                            + MODEL_UNIT;
        } else if (Double.isNaN(temperatureF)) {
            result.status = SavingsDay.NO_WEATHER;
            result.reason = "no temperature for district " + meter.districtId + " that day";
        } else if (!MeteredDays.counts(energyKwh, completeness, settings.fuel())) {
            result.status = SavingsDay.MISSING_DATA;
            result.reason =
                    String.format(
                            java.util.Locale.ROOT,
                            "%.0f%% of the day's readings",
                            100 * completeness);
        } else {
            result.status = SavingsDay.COUNTED;
        }
        boolean counted = SavingsDay.COUNTED.equals(result.status);
        double predicted =
                counted
                        ? fitted.predict(
                                FittedModels.day(LocalDate.ofEpochDay(day), temperatureF, hoursF))
                        : 0;
        double actual = counted ? MeteredDays.wholeDay(energyKwh, completeness) : 0;

        int slot = meter.slotOf(day);
        String previous = slot < 0 ? null : meter.recentStatus[slot];
        double previousPredicted = slot < 0 ? 0 : meter.recentPredictedKwh[slot];
        double previousActual = slot < 0 ? 0 : meter.recentActualKwh[slot];
        int countedChange = (counted ? 1 : 0) - (SavingsDay.COUNTED.equals(previous) ? 1 : 0);
        meter.predictedKwh += predicted - previousPredicted;
        meter.actualKwh += actual - previousActual;
        meter.countedDays += countedChange;
        meter.remember(day, result.status, predicted, actual);

        double uncertainty = Double.NaN;
        if (fitted != null && meter.countedDays > 0) {
            // FSU x |avoided| = (FSU at a savings fraction of 1) x predicted: defined even when
            // nothing was avoided.
            uncertainty =
                    FractionalSavingsUncertainty.of(fitted, (int) meter.countedDays, 1.0)
                            * meter.predictedKwh;
        }
        double squared = Double.isFinite(uncertainty) ? uncertainty * uncertainty : 0;

        result.level = SavingsDay.METER;
        result.id = meterId;
        result.feederId = meter.feederId;
        result.districtId = meter.districtId;
        result.day = day;
        result.dayStartMillis = (long) use[2];
        result.temperatureF = temperatureF;
        result.previousStatus = previous;
        result.predictedKwh = predicted;
        result.actualKwh = actual;
        result.cumulativePredictedKwh = meter.predictedKwh;
        result.cumulativeActualKwh = meter.actualKwh;
        result.countedDays = meter.countedDays;
        result.uncertaintyKwh = uncertainty;
        result.target = settings.targetOf(meter.districtId);
        result.count(result.status, 1);
        result.predictedChangeKwh = predicted - previousPredicted;
        result.actualChangeKwh = actual - previousActual;
        result.uncertaintySquaredChangeKwh2 = squared - meter.uncertaintySquared;
        result.countedDaysChange = countedChange;
        meter.uncertaintySquared = squared;
        out.collect(result);
    }

    static String key(String district, long day) {
        return district + "/" + day;
    }

    /** The keyed input's type: a meter's baseline model or its aggregate. */
    public static TypeInformation<Either<io.gridpulse.schema.BaselineModel, MeterAggregate>>
            inputType() {
        return Types.EITHER(
                new AvroTypeInfo<>(io.gridpulse.schema.BaselineModel.class),
                ReadingTypes.METER_AGGREGATE);
    }
}
