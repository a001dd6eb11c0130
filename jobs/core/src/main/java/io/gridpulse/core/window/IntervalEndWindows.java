package io.gridpulse.core.window;

import java.time.Duration;
import java.util.Collection;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * Tumbling event-time windows for readings that describe the interval ending at their timestamp.
 *
 * <p>A meter read at 10:15:00 reports the energy used up to 10:15:00, so that reading belongs to the window
 * [10:00, 10:15), not to [10:15, 10:30) where plain tumbling windows would put it. Windows are therefore
 * (start, end]: a reading is assigned by the instant just before its timestamp.
 */
public final class IntervalEndWindows extends WindowAssigner<Object, TimeWindow> {

  private static final long serialVersionUID = 1L;

  private final TumblingEventTimeWindows tumbling;
  private final Duration size;

  private IntervalEndWindows(Duration size) {
    this.size = size;
    this.tumbling = TumblingEventTimeWindows.of(size);
  }

  public static IntervalEndWindows of(Duration size) {
    return new IntervalEndWindows(size);
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    return tumbling.assignWindows(element, timestamp - 1, context);
  }

  @Override
  public Trigger<Object, TimeWindow> getDefaultTrigger() {
    return tumbling.getDefaultTrigger();
  }

  @Override
  public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig executionConfig) {
    return tumbling.getWindowSerializer(executionConfig);
  }

  @Override
  public boolean isEventTime() {
    return true;
  }

  @Override
  public String toString() {
    return "IntervalEndWindows(" + size + ")";
  }
}
