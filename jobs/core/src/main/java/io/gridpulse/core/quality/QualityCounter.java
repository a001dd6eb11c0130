package io.gridpulse.core.quality;

import io.gridpulse.schema.QuarterHours;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts a meter's readings per outcome and quarter hour, and emits each count when the watermark
 * closes its quarter, stamped with the quarter's start (like the energy points). A count whose own
 * time has already closed (a late reading, a clock error) goes to the quarter hour that is open
 * when it is detected: it is never dropped. So does a count with no event time of its own (an
 * undecodable record), even when its Kafka time lies ahead of the job.
 */
public final class QualityCounter extends KeyedProcessFunction<String, QualityEvent, QualityEvent> {

    private static final long serialVersionUID = 1L;

    /**
     * Key and timer of the counts that came before the first watermark and have no event time of
     * their own.
     */
    static final long PENDING = Long.MIN_VALUE + 1;

    private transient MapState<Long, QualityEvent> quarters;

    @Override
    public void open(OpenContext openContext) {
        quarters =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "quality-quarters",
                                        Types.LONG,
                                        TypeInformation.of(QualityEvent.class)));
    }

    @Override
    public void processElement(QualityEvent event, Context ctx, Collector<QualityEvent> out)
            throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        if (event.atJobTime && watermark == Long.MIN_VALUE) {
            // No job time yet (the job is catching up on a backlog faster than watermarks travel):
            // wait for the first.
            add(PENDING, Math.min(event.timestamp, System.currentTimeMillis()), event, ctx);
            return;
        }
        long bookedAt = event.atJobTime ? watermark + 1 : countedAt(event.timestamp, watermark);
        long quarterEnd = QuarterHours.endOf(bookedAt);
        add(quarterEnd, quarterEnd - QuarterHours.MILLIS, event, ctx);
    }

    /**
     * Adds the event's count to the one kept under {@code key}, emitted (stamped {@code stamp})
     * when its timer fires.
     */
    private void add(long key, long stamp, QualityEvent event, Context ctx) throws Exception {
        QualityEvent sum = quarters.get(key);
        if (sum == null) {
            sum =
                    new QualityEvent(
                            event.meterId,
                            event.feederId,
                            event.districtId,
                            event.outcome,
                            stamp,
                            0);
            ctx.timerService().registerEventTimeTimer(key);
        }
        sum.count += event.count;
        quarters.put(key, sum);
    }

    /**
     * Emits the quarter hour this timer was set for: every quarter has its own timer, so one
     * lookup, not a scan (in a BATCH run all of a meter's quarters wait in the map until its timers
     * fire, and a scan per timer was quadratic). The first watermark also fires {@link #PENDING}:
     * counts that came before it go to the quarter hour it opens.
     */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<QualityEvent> out)
            throws Exception {
        QualityEvent due = quarters.get(timestamp);
        if (due == null) {
            return;
        }
        quarters.remove(timestamp);
        long watermark = ctx.timerService().currentWatermark();
        if (timestamp == PENDING && watermark != Long.MAX_VALUE) {
            long quarterEnd = QuarterHours.endOf(watermark + 1);
            add(quarterEnd, quarterEnd - QuarterHours.MILLIS, due, ctx);
            return;
        }
        if (timestamp == PENDING) {
            // The input ended before any watermark (a BATCH run): the record's own time is all
            // there is.
            due.timestamp = QuarterHours.endOf(due.timestamp) - QuarterHours.MILLIS;
        }
        out.collect(due);
    }

    /**
     * The time a count with an event time of its own is booked at: that time, unless the watermark
     * has passed it, then just after the watermark. Before the first watermark (and throughout a
     * BATCH run) only times from the future are pulled back, to now.
     */
    static long countedAt(long eventTime, long watermark) {
        if (watermark == Long.MIN_VALUE) {
            return Math.min(eventTime, System.currentTimeMillis());
        }
        return eventTime > watermark ? eventTime : watermark + 1;
    }
}
