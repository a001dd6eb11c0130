package io.gridpulse.core.window;

import io.gridpulse.core.meter.MeterQuarter;
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
 * Event-time windows over quarter-hour additions, placed by the quarter hour each addition belongs to (not by the
 * record's timestamp: energy interpolated into a gap belongs to earlier quarters than the reading that revealed it).
 * Either fixed tumbling windows (15 min, 1 h) or calendar days in each district's own time zone, from local midnight
 * to the next, so a day has 23 hours when the clocks spring forward and 25 when they fall back.
 *
 * <p>Like every GridPulse window they are (start, end]: a reading at 10:15 reports energy used up to 10:15, so the
 * quarter ending at 10:15 belongs to the hour 10:00-11:00 and the quarter ending at local midnight to the day before.
 */
public final class QuarterWindows extends WindowAssigner<MeterQuarter, TimeWindow> {

  private static final long serialVersionUID = 1L;

  /** Window length in milliseconds; 0 for local days. */
  private final long sizeMillis;
  private final DistrictZones zones;

  private QuarterWindows(long sizeMillis, DistrictZones zones) {
    this.sizeMillis = sizeMillis;
    this.zones = zones;
  }

  public static QuarterWindows of(Duration size) {
    return new QuarterWindows(size.toMillis(), null);
  }

  public static QuarterWindows localDays(DistrictZones zones) {
    return new QuarterWindows(0, zones);
  }

  @Override
  public Collection<TimeWindow> assignWindows(MeterQuarter quarter, long timestamp, WindowAssignerContext context) {
    long instant = quarter.end - 1;
    if (sizeMillis > 0) {
      long start = instant - Math.floorMod(instant, sizeMillis);
      return List.of(new TimeWindow(start, start + sizeMillis));
    }
    return List.of(dayContaining(instant, zones.zoneOf(quarter.districtId)));
  }

  /** The local calendar day, as UTC instants, that contains {@code instant}. */
  static TimeWindow dayContaining(long instant, ZoneId zone) {
    LocalDate day = Instant.ofEpochMilli(instant).atZone(zone).toLocalDate();
    long start = day.atStartOfDay(zone).toInstant().toEpochMilli();
    long end = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    return new TimeWindow(start, end);
  }

  @Override
  public Trigger<MeterQuarter, TimeWindow> getDefaultTrigger() {
    @SuppressWarnings("unchecked")
    Trigger<MeterQuarter, TimeWindow> trigger = (Trigger<MeterQuarter, TimeWindow>) (Trigger<?, ?>) EventTimeTrigger.create();
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
    return sizeMillis > 0 ? "QuarterWindows(" + Duration.ofMillis(sizeMillis) + ")" : "QuarterWindows(local days)";
  }
}
