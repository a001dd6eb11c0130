package io.gridpulse.core.meter;

import static io.gridpulse.testkit.TestReadings.QUARTER;
import static io.gridpulse.testkit.TestReadings.T0;
import static io.gridpulse.testkit.TestReadings.minutes;
import static io.gridpulse.testkit.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.core.quality.QualityEvent;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.MeterReading;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-meter stage, driven through Flink's operator harness with explicit watermarks. */
class MeterProcessorTest {

  private static final double REGISTER_WIDTH_WH = 1_000_000;

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
  void shouldAttributeTheReadingOnTheBoundaryToTheQuarterItCloses() throws Exception {
    send(reading("m1", minutes(0), 1_000));
    send(reading("m1", minutes(5), 1_100));
    send(reading("m1", minutes(15), 1_300)); // closes (00:00, 00:15]
    send(reading("m1", minutes(20), 1_400));

    watermark(minutes(15));

    MeterAggregate quarter = only(T0);
    assertThat(quarter.getEnergyKwh()).isCloseTo(0.3, within(1e-9));
    assertThat(quarter.getSampleCount()).isEqualTo(2);
    assertThat(quarter.getWindowEnd()).isEqualTo(T0.plus(QUARTER));
  }

  @Test
  void shouldNotEmitBeforeTheWatermarkReachesTheQuarterEnd() throws Exception {
    send(reading("m1", minutes(1), 1_000));
    send(reading("m1", minutes(15), 1_300));

    harness.processWatermark(T0.plus(QUARTER).toEpochMilli() - 1);

    assertThat(aggregates()).isEmpty();
  }

  @Test
  void shouldProcessReadingsInTimeOrderWhateverOrderTheyArriveIn() throws Exception {
    send(reading("m1", minutes(14), 2_000));
    send(reading("m1", minutes(30), 3_000));
    send(reading("m1", minutes(16), 2_200)); // out of order, interval crosses 00:15
    send(reading("m1", minutes(10), 1_500));

    watermark(minutes(30));

    assertThat(only(T0).getEnergyKwh()).isCloseTo(0.5, within(1e-9));
    assertThat(only(T0.plus(QUARTER)).getEnergyKwh()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void shouldDropAnIdenticalDuplicateAndKeepTheFirstOfConflictingOnes() throws Exception {
    send(reading("m1", minutes(1), 1_000));
    send(reading("m1", minutes(2), 1_010));
    send(reading("m1", minutes(2), 1_010)); // identical
    send(reading("m1", minutes(3), 1_020));
    send(reading("m1", minutes(3), 1_999)); // same time, different register

    watermark(minutes(15));

    MeterAggregate quarter = only(T0);
    assertThat(quarter.getSampleCount()).isEqualTo(3);
    assertThat(quarter.getEnergyKwh()).isCloseTo(0.020, within(1e-9));
    assertThat(rejected()).extracting(DeadLetter::getReason)
        .containsExactly(DeadLetterReason.DUPLICATE, DeadLetterReason.CONFLICTING_DUPLICATE);
  }

  @Test
  void shouldRepairARegisterRolloverExactly() throws Exception {
    send(reading("m1", minutes(1), REGISTER_WIDTH_WH - 30));
    send(reading("m1", minutes(2), REGISTER_WIDTH_WH - 10));
    send(reading("m1", minutes(3), 15)); // wrapped: 10 + 15 Wh

    watermark(minutes(15));

    MeterAggregate quarter = only(T0);
    assertThat(quarter.getEnergyKwh()).isCloseTo(0.045, within(1e-9));
    assertThat(quarter.getEstimatedFraction()).isZero();
    assertThat(repairs()).singleElement().satisfies(repair -> {
      assertThat(repair.outcome).isEqualTo(QualityEvent.ROLLOVER);
      assertThat(repair.count).isEqualTo(1);
      assertThat(repair.timestamp).isEqualTo(T0.plus(minutes(15)).toEpochMilli());
    });
  }

  @Test
  void shouldStartANewEpochWhenTheMeterIsReplacedAndEstimateTheStepFromPower() throws Exception {
    send(reading("m1", "F1", "D1", T0.plus(minutes(1)), 500_000, 600));
    send(reading("m1", "F1", "D1", T0.plus(minutes(2)), 500_010, 600));
    send(reading("m1", "F1", "D1", T0.plus(minutes(3)), 3, 600)); // new meter: register starts near zero
    send(reading("m1", "F1", "D1", T0.plus(minutes(4)), 13, 600));

    watermark(minutes(15));

    MeterAggregate quarter = only(T0);
    // 10 Wh measured + 10 Wh estimated (600 W for one minute) + 10 Wh measured in the new epoch.
    assertThat(quarter.getEnergyKwh()).isCloseTo(0.030, within(1e-9));
    assertThat(quarter.getEstimatedFraction()).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(repairs()).extracting(repair -> repair.outcome, repair -> repair.meterId, repair -> repair.feederId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(QualityEvent.NEW_EPOCH, "m1", "F1"));
  }

  @Test
  void shouldNeverLetAnImplausibleJumpReachAWindow() throws Exception {
    send(reading("m1", "F1", "D1", T0.plus(minutes(1)), 1_000, 600));
    send(reading("m1", "F1", "D1", T0.plus(minutes(2)), 9_000_000, 600)); // 9 MWh in a minute

    watermark(minutes(15));

    assertThat(only(T0).getEnergyKwh()).isCloseTo(0.010, within(1e-9));
  }

  @Test
  void shouldSendReadingsForClosedQuartersToTheRejectedOutputAsLate() throws Exception {
    send(reading("m1", minutes(15), 1_300));
    watermark(minutes(20));

    send(reading("m1", minutes(14), 1_290));

    assertThat(rejected()).extracting(DeadLetter::getReason).containsExactly(DeadLetterReason.LATE);
  }

  @Test
  void shouldContinueFromTheRestoredRegisterAfterARestart() throws Exception {
    send(reading("m1", minutes(15), 5_000));
    watermark(minutes(15));
    send(reading("m1", minutes(16), 5_010)); // still pending when the snapshot is taken
    OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
    harness.close();

    harness = newHarness(snapshot);
    send(reading("m1", minutes(30), 5_500));
    watermark(minutes(30));

    MeterAggregate afterRestart = only(T0.plus(QUARTER));
    assertThat(afterRestart.getEnergyKwh()).isCloseTo(0.5, within(1e-9));
    assertThat(afterRestart.getSampleCount()).isEqualTo(2);
  }

  @Test
  void shouldReportCompletenessAgainstTheReadingInterval() throws Exception {
    for (int minute = 1; minute <= 12; minute++) {
      send(reading("m1", minutes(minute), 1_000 + minute * 10));
    }
    watermark(minutes(15));

    assertThat(only(T0).getExpectedSamples()).isEqualTo(15);
    assertThat(only(T0).getCompleteness()).isCloseTo(12 / 15.0, within(1e-9));
  }

  @Test
  void shouldKeepItsStateInFlinksPojoSerializerNotKryo() {
    assertThat(org.apache.flink.api.common.typeinfo.TypeInformation.of(MeterState.class))
        .isInstanceOf(org.apache.flink.api.java.typeutils.PojoTypeInfo.class);
    assertThat(org.apache.flink.api.common.typeinfo.TypeInformation.of(PendingReadings.class))
        .isInstanceOf(org.apache.flink.api.java.typeutils.PojoTypeInfo.class);
  }

  private KeyedOneInputStreamOperatorTestHarness<String, MeterReading, MeterAggregate> newHarness(
      OperatorSubtaskState restoreFrom) throws Exception {
    MeterSettings settings = new MeterSettings(Duration.ofMinutes(1), 30_000, REGISTER_WIDTH_WH, 15, 50);
    KeyedOneInputStreamOperatorTestHarness<String, MeterReading, MeterAggregate> h =
        new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new MeterProcessor(settings)),
            MeterReading::getMeterId, Types.STRING);
    if (restoreFrom != null) {
      h.initializeState(restoreFrom);
    }
    h.open();
    return h;
  }

  private void send(MeterReading reading) throws Exception {
    harness.processElement(reading, reading.getTimestamp().toEpochMilli());
  }

  private void watermark(Duration offset) throws Exception {
    harness.processWatermark(T0.plus(offset).toEpochMilli());
  }

  private List<MeterAggregate> aggregates() {
    return harness.extractOutputValues();
  }

  private List<DeadLetter> rejected() {
    return harness.getSideOutput(MeterProcessor.REJECTED).stream().map(StreamRecord::getValue).toList();
  }

  private List<QualityEvent> repairs() {
    return harness.getSideOutput(MeterProcessor.REPAIRS).stream().map(StreamRecord::getValue).toList();
  }

  private MeterAggregate only(java.time.Instant windowStart) {
    List<MeterAggregate> matching = aggregates().stream()
        .filter(a -> a.getWindowStart().equals(windowStart))
        .toList();
    assertThat(matching).as("aggregates starting at " + windowStart).hasSize(1);
    return matching.get(0);
  }
}
