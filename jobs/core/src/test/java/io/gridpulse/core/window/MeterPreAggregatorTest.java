package io.gridpulse.core.window;

import static io.gridpulse.testkit.TestReadings.QUARTER;
import static io.gridpulse.testkit.TestReadings.T0;
import static io.gridpulse.testkit.TestReadings.minutes;
import static io.gridpulse.testkit.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.core.io.ReadingTypes;
import io.gridpulse.schema.MeterReading;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MeterPreAggregatorTest {

  private static final OutputTag<MeterReading> LATE = new OutputTag<>("late", ReadingTypes.READING);

  private OneInputStreamOperatorTestHarness<MeterReading, ReadingSummary> harness;

  @BeforeEach
  void open() throws Exception {
    harness = harness(1_000);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void shouldSendOneSummaryPerMeterAndQuarterHourWhenTheWatermarkPassesItsEnd() throws Exception {
    send(reading("m1", minutes(1), 1_000));
    send(reading("m1", minutes(15), 1_300)); // closes (00:00, 00:15]
    send(reading("m2", minutes(7), 9_000));
    send(reading("m1", minutes(16), 1_320)); // next quarter
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processWatermark(T0.plus(QUARTER).toEpochMilli() - 1);

    List<StreamRecord<ReadingSummary>> out = summaries();
    assertThat(out).hasSize(2);
    assertThat(out).allSatisfy(r -> assertThat(r.getTimestamp()).isEqualTo(T0.plus(QUARTER).toEpochMilli() - 1));
    ReadingSummary m1 = out.stream().map(StreamRecord::getValue).filter(s -> s.meterId.equals("m1")).findFirst()
        .orElseThrow();
    assertThat(m1.count).isEqualTo(2);
    assertThat(m1.lastRegisterWh).isEqualTo(1_300);
  }

  @Test
  void shouldSendEverythingItHoldsBeforeACheckpointBarrier() throws Exception {
    send(reading("m1", minutes(3), 1_000));
    send(reading("m1", minutes(20), 1_200));

    harness.prepareSnapshotPreBarrier(1L);

    assertThat(summaries()).hasSize(2);
  }

  @Test
  void shouldSendEarlyWhenItHoldsTooManySummaries() throws Exception {
    harness.close();
    harness = harness(2);
    send(reading("m1", minutes(3), 1_000));
    send(reading("m2", minutes(3), 1_000));
    assertThat(summaries()).isEmpty();

    send(reading("m3", minutes(3), 1_000));

    assertThat(summaries()).hasSize(3);
  }

  @Test
  void shouldPassReadingsForWindowsTheWatermarkHasPassedToTheLateOutput() throws Exception {
    harness.processWatermark(T0.plus(QUARTER).toEpochMilli() - 1);

    send(reading("m1", minutes(15), 1_000));
    send(reading("m1", minutes(16), 1_010));

    assertThat(harness.getSideOutput(LATE)).extracting(StreamRecord::getValue)
        .extracting(MeterReading::getTimestamp).containsExactly(T0.plus(minutes(15)));
  }

  private OneInputStreamOperatorTestHarness<MeterReading, ReadingSummary> harness(int maxOpen) throws Exception {
    OneInputStreamOperatorTestHarness<MeterReading, ReadingSummary> h = new OneInputStreamOperatorTestHarness<>(
        new MeterPreAggregator(QUARTER.toMillis(), maxOpen, LATE));
    h.open();
    return h;
  }

  private void send(MeterReading reading) throws Exception {
    harness.processElement(reading, reading.getTimestamp().toEpochMilli());
  }

  @SuppressWarnings("unchecked")
  private List<StreamRecord<ReadingSummary>> summaries() {
    return harness.getOutput().stream()
        .filter(o -> o instanceof StreamRecord)
        .map(o -> (StreamRecord<ReadingSummary>) o)
        .collect(java.util.stream.Collectors.toList());
  }
}
