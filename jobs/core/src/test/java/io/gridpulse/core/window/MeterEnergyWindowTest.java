package io.gridpulse.core.window;

import static io.gridpulse.testkit.TestReadings.MINUTE;
import static io.gridpulse.testkit.TestReadings.QUARTER;
import static io.gridpulse.testkit.TestReadings.T0;
import static io.gridpulse.testkit.TestReadings.minutes;
import static io.gridpulse.testkit.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.core.io.ReadingTypes;
import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.MeterReading;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.runtime.operators.windowing.WindowOperatorBuilder;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-meter quarter-hour window, driven through Flink's operator harness with explicit watermarks. */
class MeterEnergyWindowTest {

  private static final KeySelector<MeterReading, String> BY_METER = MeterReading::getMeterId;
  private static final OutputTag<MeterReading> LATE = new OutputTag<>("late", ReadingTypes.READING);

  private KeyedOneInputStreamOperatorTestHarness<String, MeterReading, MeterAggregate> harness;

  @BeforeEach
  void openHarness() throws Exception {
    harness = newHarness(null);
  }

  @AfterEach
  void closeHarness() throws Exception {
    harness.close();
  }

  @Test
  void shouldAttributeTheReadingOnTheBoundaryToTheWindowItCloses() throws Exception {
    send(reading("m1", minutes(0), 1_000));
    send(reading("m1", minutes(5), 1_100));
    send(reading("m1", minutes(15), 1_300)); // closes [00:00, 00:15)
    send(reading("m1", minutes(20), 1_400));

    harness.processWatermark(T0.plus(QUARTER).toEpochMilli());

    MeterAggregate quarter = only(emitted(), T0.toEpochMilli());
    assertThat(quarter.getEnergyKwh()).isCloseTo(0.3, within(1e-9));
    assertThat(quarter.getSampleCount()).isEqualTo(2);
    assertThat(quarter.getWindowEnd()).isEqualTo(T0.plus(QUARTER));
  }

  @Test
  void shouldCountTheIntervalAcrossABoundaryOnceUsingThePreviousWindowsRegister() throws Exception {
    send(reading("m1", minutes(14), 2_000));
    send(reading("m1", minutes(16), 2_200)); // unaligned: its interval crosses 00:15
    send(reading("m1", minutes(30), 3_000));

    harness.processWatermark(T0.plus(minutes(30)).toEpochMilli());

    List<MeterAggregate> out = emitted();
    MeterAggregate first = only(out, T0.toEpochMilli());
    MeterAggregate second = only(out, T0.plus(QUARTER).toEpochMilli());
    assertThat(first.getEnergyKwh()).as("first window of a meter starts at its first reading").isZero();
    assertThat(second.getEnergyKwh()).isCloseTo(1.0, within(1e-9));
    assertThat(first.getEnergyKwh() + second.getEnergyKwh()).isCloseTo((3_000 - 2_000) / 1000.0, within(1e-9));
  }

  @Test
  void shouldNotFireBeforeTheWatermarkPassesTheWindowEnd() throws Exception {
    send(reading("m1", minutes(1), 1_000));
    send(reading("m1", minutes(15), 1_300));

    harness.processWatermark(T0.plus(QUARTER).toEpochMilli() - 2);

    assertThat(emitted()).isEmpty();
  }

  @Test
  void shouldGiveTheSameResultWhateverTheArrivalOrderWithinAWindow() throws Exception {
    send(reading("m1", minutes(10), 1_500));
    send(reading("m1", minutes(1), 1_000));
    send(reading("m1", minutes(15), 1_700));
    send(reading("m1", minutes(5), 1_200));

    harness.processWatermark(T0.plus(QUARTER).toEpochMilli());

    MeterAggregate quarter = only(emitted(), T0.toEpochMilli());
    assertThat(quarter.getEnergyKwh()).isCloseTo(0.7, within(1e-9));
    assertThat(quarter.getSampleCount()).isEqualTo(4);
  }

  @Test
  void shouldReportCompletenessAgainstTheReadingInterval() throws Exception {
    for (int minute = 1; minute <= 12; minute++) {
      send(reading("m1", minutes(minute), 1_000 + minute * 10));
    }
    harness.processWatermark(T0.plus(QUARTER).toEpochMilli());

    MeterAggregate quarter = only(emitted(), T0.toEpochMilli());
    assertThat(quarter.getExpectedSamples()).isEqualTo(15);
    assertThat(quarter.getCompleteness()).isCloseTo(12 / 15.0, within(1e-9));
  }

  @Test
  void shouldKeepMetersApart() throws Exception {
    send(reading("m1", minutes(1), 1_000));
    send(reading("m2", minutes(1), 50_000));
    send(reading("m1", minutes(15), 1_100));
    send(reading("m2", minutes(15), 50_900));

    harness.processWatermark(T0.plus(QUARTER).toEpochMilli());

    assertThat(emitted()).extracting(MeterAggregate::getMeterId, MeterAggregate::getEnergyKwh)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("m1", 0.1), org.assertj.core.groups.Tuple.tuple("m2", 0.9));
  }

  @Test
  void shouldSendReadingsForClosedWindowsToTheLateOutput() throws Exception {
    send(reading("m1", minutes(15), 1_300));
    harness.processWatermark(T0.plus(minutes(20)).toEpochMilli());

    send(reading("m1", minutes(14), 1_290));

    assertThat(harness.getSideOutput(LATE)).extracting(StreamRecord::getValue)
        .extracting(MeterReading::getTimestamp)
        .containsExactly(T0.plus(minutes(14)));
  }

  @Test
  void shouldContinueFromTheRestoredRegisterAfterARestart() throws Exception {
    send(reading("m1", minutes(15), 5_000));
    harness.processWatermark(T0.plus(QUARTER).toEpochMilli());
    send(reading("m1", minutes(16), 5_010)); // still open when the snapshot is taken
    OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
    harness.close();

    harness = newHarness(snapshot);
    send(reading("m1", minutes(30), 5_500));
    harness.processWatermark(T0.plus(minutes(30)).toEpochMilli());

    MeterAggregate afterRestart = only(emitted(), T0.plus(QUARTER).toEpochMilli());
    assertThat(afterRestart.getEnergyKwh()).isCloseTo(0.5, within(1e-9));
    assertThat(afterRestart.getSampleCount()).isEqualTo(2);
  }

  private KeyedOneInputStreamOperatorTestHarness<String, MeterReading, MeterAggregate> newHarness(
      OperatorSubtaskState restoreFrom) throws Exception {
    WindowOperatorBuilder<MeterReading, String, TimeWindow> builder = new WindowOperatorBuilder<>(
        IntervalEndWindows.of(QUARTER), IntervalEndWindows.of(QUARTER).getDefaultTrigger(), new ExecutionConfig(),
        ReadingTypes.READING, BY_METER, Types.STRING);
    builder.sideOutputLateData(LATE);
    OneInputStreamOperator<MeterReading, MeterAggregate> operator = builder.aggregate(new ReadingSummarizer(),
        new MeterEnergyWindowFunction(AggregationWindow.QUARTER_HOUR, QUARTER, MINUTE),
        TypeInformation.of(ReadingSummary.class));
    KeyedOneInputStreamOperatorTestHarness<String, MeterReading, MeterAggregate> h =
        new KeyedOneInputStreamOperatorTestHarness<>(operator, BY_METER, Types.STRING);
    h.setup(ReadingTypes.METER_AGGREGATE.createSerializer(new ExecutionConfig().getSerializerConfig()));
    if (restoreFrom != null) {
      h.initializeState(restoreFrom);
    }
    h.open();
    return h;
  }

  private void send(MeterReading reading) throws Exception {
    harness.processElement(reading, reading.getTimestamp().toEpochMilli());
  }

  private List<MeterAggregate> emitted() {
    return harness.extractOutputValues();
  }

  private static MeterAggregate only(List<MeterAggregate> aggregates, long windowStart) {
    List<MeterAggregate> matching = aggregates.stream()
        .filter(a -> a.getWindowStart().toEpochMilli() == windowStart)
        .collect(Collectors.toList());
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }

}
