package io.gridpulse.core.savings.live;

import io.gridpulse.core.config.DistrictZones;
import io.gridpulse.core.io.DeadLetters;
import io.gridpulse.core.io.ReadingTypes;
import io.gridpulse.core.savings.DayTemperatureSums;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.WeatherObservation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per district, the mean of its temperature observations over each local day and of each local hour
 * ({@link DayTemperatureSums}), as the analysts' report takes them, emitted when the weather's
 * watermark passes the day's end. An observation for a day already emitted (later than the
 * weather's out-of-orderness) cannot change it any more (the day's savings were computed on the
 * temperature emitted): it goes to {@link #LATE} as a dead letter.
 */
public final class DailyTemperatures
        extends KeyedProcessFunction<String, WeatherObservation, DistrictTemperature> {

    private static final long serialVersionUID = 1L;

    /** Observations that came after their day's temperature was emitted. */
    public static final OutputTag<DeadLetter> LATE =
            new OutputTag<>("late-weather", ReadingTypes.DEAD_LETTER);

    private final DistrictZones zones;

    /** Per open local day (epoch day): its {@link DayTemperatureSums}. */
    private transient MapState<Long, double[]> days;

    public DailyTemperatures(DistrictZones zones) {
        this.zones = zones;
    }

    @Override
    public void open(OpenContext openContext) {
        days =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "days",
                                        Types.LONG,
                                        PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
    }

    @Override
    public void processElement(
            WeatherObservation observation, Context ctx, Collector<DistrictTemperature> out)
            throws Exception {
        ZoneId zone = zones.zoneOf(observation.getDistrictId());
        LocalDate day = observation.getTime().atZone(zone).toLocalDate();
        long end = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        if (end <= ctx.timerService().currentWatermark()) {
            ctx.output(
                    LATE,
                    DeadLetters.of(
                            DeadLetterReason.LATE,
                            "weather observation of district "
                                    + observation.getDistrictId()
                                    + " at "
                                    + observation.getTime()
                                    + " ("
                                    + observation.getTemperatureC()
                                    + " C) arrived after the temperature of its day "
                                    + day
                                    + " was computed",
                            null,
                            DeadLetters.UNKNOWN_TOPIC,
                            DeadLetters.UNKNOWN_PARTITION,
                            DeadLetters.UNKNOWN_OFFSET,
                            observation.getTime().toEpochMilli()));
            return;
        }
        double[] sums = days.get(day.toEpochDay());
        if (sums == null) {
            sums = DayTemperatureSums.empty();
            ctx.timerService().registerEventTimeTimer(end - 1);
        }
        days.put(
                day.toEpochDay(),
                DayTemperatureSums.add(
                        sums, observation.getTime().atZone(zone), observation.getTemperatureC()));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<DistrictTemperature> out)
            throws Exception {
        String district = ctx.getCurrentKey();
        long day =
                Instant.ofEpochMilli(timestamp)
                        .atZone(zones.zoneOf(district))
                        .toLocalDate()
                        .toEpochDay();
        double[] sums = days.get(day);
        if (sums != null) {
            days.remove(day);
            DistrictTemperature temperature =
                    new DistrictTemperature(
                            district, day, DayTemperatureSums.meanF(sums), (int) sums[1]);
            temperature.hoursF = DayTemperatureSums.hoursF(sums);
            out.collect(temperature);
        }
    }
}
