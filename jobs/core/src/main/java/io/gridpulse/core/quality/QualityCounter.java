package io.gridpulse.core.quality;

import io.gridpulse.core.window.QuarterHours;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts a meter's readings per outcome and quarter hour, and emits each count when the watermark closes its quarter,
 * stamped with the quarter's start (like the energy points). A count whose own time has already closed (a late
 * reading, a clock error) goes to the quarter hour that is open when it is detected: it is never dropped.
 */
public final class QualityCounter extends KeyedProcessFunction<String, QualityEvent, QualityEvent> {

  private static final long serialVersionUID = 1L;

  private transient MapState<Long, QualityEvent> quarters;

  @Override
  public void open(OpenContext openContext) {
    quarters = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("quality-quarters", Types.LONG, TypeInformation.of(QualityEvent.class)));
  }

  @Override
  public void processElement(QualityEvent event, Context ctx, Collector<QualityEvent> out) throws Exception {
    long quarterEnd = QuarterHours.endOf(countedAt(event.timestamp, ctx.timerService().currentWatermark()));
    QualityEvent sum = quarters.get(quarterEnd);
    if (sum == null) {
      sum = new QualityEvent(event.meterId, event.feederId, event.districtId, event.outcome,
          quarterEnd - QuarterHours.MILLIS, 0);
      ctx.timerService().registerEventTimeTimer(quarterEnd);
    }
    sum.count += event.count;
    quarters.put(quarterEnd, sum);
  }

  /**
   * Emits the quarter hour this timer was set for: every quarter has its own timer, so one lookup, not a scan (in a
   * BATCH run all of a meter's quarters wait in the map until its timers fire, and a scan per timer was quadratic).
   */
  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<QualityEvent> out) throws Exception {
    QualityEvent due = quarters.get(timestamp);
    if (due != null) {
      out.collect(due);
      quarters.remove(timestamp);
    }
  }

  /**
   * The time a count is booked at: its own, unless the watermark has passed it, then just after the watermark.
   * Before the first watermark (and throughout a BATCH run) only times from the future are pulled back, to now.
   */
  static long countedAt(long eventTime, long watermark) {
    if (watermark == Long.MIN_VALUE) {
      return Math.min(eventTime, System.currentTimeMillis());
    }
    return eventTime > watermark ? eventTime : watermark + 1;
  }
}
