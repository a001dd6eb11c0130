package io.gridpulse.core.window;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.triggers.EventTimeTrigger;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * Calendar days in each district's own time zone: from local midnight to the next, so a day has 23 hours when the
 * clocks spring forward and 25 when they fall back. Like every GridPulse window, a day is (start, end] in event time:
 * an element stamped exactly at midnight closes the day before.
 */
public final class LocalDayWindows<T> extends WindowAssigner<T, TimeWindow> {

  private static final long serialVersionUID = 1L;

  private final KeySelector<T, String> district;
  private final DistrictZones zones;

  private LocalDayWindows(KeySelector<T, String> district, DistrictZones zones) {
    this.district = district;
    this.zones = zones;
  }

  public static <T> LocalDayWindows<T> of(KeySelector<T, String> district, DistrictZones zones) {
    return new LocalDayWindows<>(district, zones);
  }

  @Override
  public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
    try {
      return List.of(dayContaining(timestamp - 1, zones.zoneOf(district.getKey(element))));
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read the district of " + element, e);
    }
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
    Trigger<T, TimeWindow> trigger = (Trigger<T, TimeWindow>) (Trigger<?, ?>) EventTimeTrigger.create();
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
    return "LocalDayWindows(" + zones + ")";
  }
}
