package io.gridpulse.replay.gaps;

import io.gridpulse.core.config.DistrictZones;
import io.gridpulse.core.meter.MeterGap;
import io.gridpulse.replay.progress.Counters;
import io.gridpulse.replay.progress.Tally;
import io.gridpulse.schema.MeterAggregate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.DoubleCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per meter, an estimate for each of its gaps too long to fill (first input: the gaps {@code
 * data_gap} reports) from its own hour-of-week profile, learned from its hourly energy in the same
 * replay (second input: its {@code HOUR} aggregates). Replays only: in BATCH mode a meter's whole
 * input arrives before its timers fire, so the timer its first gap sets runs once every hour of the
 * meter is known.
 */
public final class LongGapEstimator
        extends KeyedCoProcessFunction<String, MeterGap, MeterAggregate, GapEstimate> {

    private static final long serialVersionUID = 1L;

    private final DistrictZones zones;
    private final long intervalMillis;

    private transient ListState<MeterGap> gaps;

    /** The meter's energy per hour, by hour start: a window written again replaces its value. */
    private transient MapState<Long, Double> hourlyKwh;

    private transient Tally.Accumulators counters;
    private transient DoubleCounter estimatedKwh;

    /**
     * {@code readingInterval}: the gap's energy starts one interval before its first missing
     * reading.
     */
    public LongGapEstimator(DistrictZones zones, Duration readingInterval) {
        this.zones = zones;
        this.intervalMillis = readingInterval.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        gaps =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "long-gaps", TypeInformation.of(MeterGap.class)));
        hourlyKwh =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("hourly-kwh", Types.LONG, Types.DOUBLE));
        counters = new Tally.Accumulators(getRuntimeContext());
        estimatedKwh = getRuntimeContext().getDoubleCounter(Counters.LONG_GAP_ESTIMATED_KWH);
    }

    @Override
    public void processElement1(MeterGap gap, Context ctx, Collector<GapEstimate> out)
            throws Exception {
        gaps.add(gap);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void processElement2(MeterAggregate hour, Context ctx, Collector<GapEstimate> out)
            throws Exception {
        hourlyKwh.put(hour.getWindowStart().toEpochMilli(), hour.getEnergyKwh());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<GapEstimate> out)
            throws Exception {
        List<MeterGap> meterGaps = new ArrayList<>();
        gaps.get().forEach(meterGaps::add);
        List<HourOfWeekProfile.Span> spans = meterGaps.stream().map(this::span).toList();
        Map<Long, Double> hours = new HashMap<>();
        hourlyKwh.entries().forEach(hour -> hours.put(hour.getKey(), hour.getValue()));
        HourOfWeekProfile profile =
                HourOfWeekProfile.learn(zones.zoneOf(meterGaps.get(0).districtId), hours, spans);
        for (int i = 0; i < meterGaps.size(); i++) {
            GapEstimate estimate =
                    new GapEstimate(meterGaps.get(i), spans.get(i), profile.estimate(spans.get(i)));
            counters.add(Counters.LONG_GAPS, 1);
            if (estimate.estimated()) {
                counters.add(Counters.LONG_GAPS_ESTIMATED, 1);
                estimatedKwh.add(estimate.estimatedKwh);
            }
            out.collect(estimate);
        }
        gaps.clear();
        hourlyKwh.clear();
    }

    /** The energy a gap is missing: from the last reading before it to its last missing one. */
    private HourOfWeekProfile.Span span(MeterGap gap) {
        return new HourOfWeekProfile.Span(gap.firstMissing - intervalMillis, gap.lastMissing);
    }
}
