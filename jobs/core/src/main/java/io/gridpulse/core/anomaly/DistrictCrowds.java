package io.gridpulse.core.anomaly;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyState;
import io.gridpulse.schema.AnomalyType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per district: many households raising their use at once is the weather (a hot night, a cold
 * spell) or a grid event, not many households each doing something new. A SUSTAINED_HIGH or
 * HIGH_BASE_LOAD is held for {@code anomaly.crowd.window}; if by then at least {@code
 * anomaly.crowd.min-meters} and {@code anomaly.crowd.share} of the district's meters opened one of
 * the same type within that window of it, every one of them is dropped, its RESOLVED event too, and
 * counted in {@code anomalies.crowd-suppressed}. Other anomalies pass at once.
 *
 * <p>The district's meters are counted from the detectors' SEEN and FORGOTTEN signals (second
 * input). A held anomaly reaches an operator a window late.
 */
public final class DistrictCrowds
        extends KeyedCoProcessFunction<String, Anomaly, SilenceSignal, Anomaly> {

    private static final Set<AnomalyType> CROWD_PRONE =
            Set.of(AnomalyType.SUSTAINED_HIGH, AnomalyType.HIGH_BASE_LOAD);

    private final long windowMillis;
    private final int minMeters;
    private final double share;

    /** OPEN events waiting for their decision, by anomaly id. */
    private transient MapState<String, Anomaly> held;

    /** RESOLVED events whose OPEN is still held. */
    private transient MapState<String, Anomaly> heldResolved;

    /** Anomalies dropped as part of a crowd, until their RESOLVED has passed. */
    private transient MapState<String, Boolean> dropped;

    /** Recent crowd-prone openings, by anomaly id. */
    private transient MapState<String, CrowdMember> recent;

    private transient ValueState<Integer> meters;
    private transient Counter suppressed;

    public DistrictCrowds(AnomalySettings settings) {
        this.windowMillis = settings.crowdWindow().toMillis();
        this.minMeters = settings.crowdMinMeters();
        this.share = settings.crowdShare();
    }

    @Override
    public void open(OpenContext openContext) {
        held = getRuntimeContext().getMapState(map("held", TypeInformation.of(Anomaly.class)));
        heldResolved =
                getRuntimeContext()
                        .getMapState(map("held-resolved", TypeInformation.of(Anomaly.class)));
        dropped = getRuntimeContext().getMapState(map("dropped", Types.BOOLEAN));
        recent =
                getRuntimeContext()
                        .getMapState(map("recent", TypeInformation.of(CrowdMember.class)));
        meters = getRuntimeContext().getState(new ValueStateDescriptor<>("meters", Types.INT));
        suppressed =
                getRuntimeContext()
                        .getMetricGroup()
                        .addGroup("anomalies")
                        .counter("crowd-suppressed");
    }

    private static <V> MapStateDescriptor<String, V> map(String name, TypeInformation<V> type) {
        return new MapStateDescriptor<>(name, Types.STRING, type);
    }

    @Override
    public void processElement1(Anomaly anomaly, Context ctx, Collector<Anomaly> out)
            throws Exception {
        String id = anomaly.getAnomalyId();
        if (!CROWD_PRONE.contains(anomaly.getType())) {
            out.collect(anomaly);
        } else if (anomaly.getState() == AnomalyState.OPEN) {
            long detected = anomaly.getDetectedAt().toEpochMilli();
            held.put(id, anomaly);
            recent.put(
                    id, new CrowdMember(anomaly.getType().name(), anomaly.getMeterId(), detected));
            ctx.timerService().registerEventTimeTimer(detected + windowMillis);
        } else if (held.contains(id)) {
            heldResolved.put(id, anomaly);
        } else if (dropped.contains(id)) {
            dropped.remove(id);
        } else {
            out.collect(anomaly);
        }
    }

    @Override
    public void processElement2(SilenceSignal signal, Context ctx, Collector<Anomaly> out)
            throws Exception {
        int count = meters.value() == null ? 0 : meters.value();
        if (signal.kind == SilenceSignal.Kind.SEEN) {
            meters.update(count + 1);
        } else if (signal.kind == SilenceSignal.Kind.FORGOTTEN) {
            meters.update(Math.max(0, count - 1));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out)
            throws Exception {
        List<Anomaly> due = new ArrayList<>();
        for (Map.Entry<String, Anomaly> e : held.entries()) {
            if (e.getValue().getDetectedAt().toEpochMilli() + windowMillis <= timestamp) {
                due.add(e.getValue());
            }
        }
        for (Anomaly anomaly : due) {
            String id = anomaly.getAnomalyId();
            held.remove(id);
            Anomaly resolved = heldResolved.get(id);
            heldResolved.remove(id);
            if (crowdSize(anomaly) >= threshold()) {
                suppressed.inc();
                if (resolved == null) {
                    dropped.put(id, true);
                }
            } else {
                out.collect(anomaly);
                if (resolved != null) {
                    out.collect(resolved);
                }
            }
        }
        forgetBefore(timestamp - 3 * windowMillis);
    }

    /** Meters of the district that opened the same type within the window of {@code anomaly}. */
    private int crowdSize(Anomaly anomaly) throws Exception {
        long detected = anomaly.getDetectedAt().toEpochMilli();
        String type = anomaly.getType().name();
        Set<String> crowd = new HashSet<>();
        for (CrowdMember member : recent.values()) {
            if (member.type.equals(type)
                    && Math.abs(member.detectedAt - detected) <= windowMillis) {
                crowd.add(member.meterId);
            }
        }
        return crowd.size();
    }

    private double threshold() throws Exception {
        int count = meters.value() == null ? 0 : meters.value();
        return Math.max(minMeters, share * count);
    }

    private void forgetBefore(long time) throws Exception {
        List<String> old = new ArrayList<>();
        for (Map.Entry<String, CrowdMember> e : recent.entries()) {
            if (e.getValue().detectedAt < time) {
                old.add(e.getKey());
            }
        }
        for (String id : old) {
            recent.remove(id);
        }
    }
}
