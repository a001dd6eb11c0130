package io.gridpulse.core.window;

import io.gridpulse.schema.MeterReading;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * Summarises each meter's readings per quarter hour where they arrive, before the shuffle to the keyed windows, so
 * one summary instead of fifteen readings crosses the network (the shuffle is the pipeline's main cost).
 *
 * <p>Partial summaries are always safe to send: the keyed window merges whatever partials of a meter and window it
 * gets. They are sent when the watermark passes the window's end (before the watermark itself, so they are never
 * late downstream), before every checkpoint barrier (so this operator keeps no state of its own), at end of input,
 * and whenever more than {@code maxOpenSummaries} are held (bounded memory, e.g. in BATCH mode without watermarks).
 * A reading whose window the watermark has already passed goes to the late output untouched.
 */
public final class MeterPreAggregator extends AbstractStreamOperator<ReadingSummary>
    implements OneInputStreamOperator<MeterReading, ReadingSummary>, BoundedOneInput {

  private static final long serialVersionUID = 1L;

  private final long windowMillis;
  private final int maxOpenSummaries;
  private final OutputTag<MeterReading> lateTag;

  /** Window start -> meter -> summary of the readings seen so far. */
  private transient TreeMap<Long, Map<String, ReadingSummary>> open;
  private transient int openSummaries;
  private transient long watermark;

  public MeterPreAggregator(long windowMillis, int maxOpenSummaries, OutputTag<MeterReading> lateTag) {
    this.windowMillis = windowMillis;
    this.maxOpenSummaries = maxOpenSummaries;
    this.lateTag = lateTag;
  }

  @Override
  public void open() throws Exception {
    super.open();
    open = new TreeMap<>();
    watermark = Long.MIN_VALUE;
  }

  @Override
  public void processElement(StreamRecord<MeterReading> record) {
    MeterReading reading = record.getValue();
    long windowStart = windowStartOf(reading.getTimestamp().toEpochMilli());
    long windowMaxTimestamp = windowStart + windowMillis - 1;
    if (windowMaxTimestamp <= watermark) {
      output.collect(lateTag, record);
      return;
    }
    ReadingSummary summary = open.computeIfAbsent(windowStart, w -> new HashMap<>())
        .computeIfAbsent(reading.getMeterId(), meter -> {
          openSummaries++;
          return new ReadingSummary();
        });
    summary.add(reading);
    if (openSummaries > maxOpenSummaries) {
      emitWindowsUpTo(Long.MAX_VALUE);
    }
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    watermark = mark.getTimestamp();
    emitWindowsUpTo(mark.getTimestamp());
    super.processWatermark(mark);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    super.prepareSnapshotPreBarrier(checkpointId);
    emitWindowsUpTo(Long.MAX_VALUE);
  }

  @Override
  public void endInput() {
    emitWindowsUpTo(Long.MAX_VALUE);
  }

  /** A reading describes the interval ending at its timestamp, so it belongs to the window (start, end]. */
  long windowStartOf(long timestamp) {
    long shifted = timestamp - 1;
    return shifted - Math.floorMod(shifted, windowMillis);
  }

  /** Sends the summaries of every window whose last instant is at or before {@code upTo}. */
  private void emitWindowsUpTo(long upTo) {
    Iterator<Map.Entry<Long, Map<String, ReadingSummary>>> windows = open.entrySet().iterator();
    while (windows.hasNext()) {
      Map.Entry<Long, Map<String, ReadingSummary>> window = windows.next();
      long maxTimestamp = window.getKey() + windowMillis - 1;
      if (maxTimestamp > upTo && upTo != Long.MAX_VALUE) {
        break;
      }
      StreamRecord<ReadingSummary> out = new StreamRecord<>(null, maxTimestamp);
      for (ReadingSummary summary : window.getValue().values()) {
        output.collect(out.replace(summary));
      }
      openSummaries -= window.getValue().size();
      windows.remove();
    }
  }
}
