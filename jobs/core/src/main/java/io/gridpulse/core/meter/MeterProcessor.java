package io.gridpulse.core.meter;

import io.gridpulse.core.io.AvroSingleObjectSerializer;
import io.gridpulse.core.io.DeadLetters;
import io.gridpulse.core.io.ReadingTypes;
import io.gridpulse.core.quality.DataQuality;
import io.gridpulse.core.quality.QualityEvent;
import io.gridpulse.core.window.QuarterHours;
import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.MeterReading;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Everything GridPulse does per meter, in event-time order, with one piece of state and one timer per meter and
 * quarter hour:
 *
 * <ul>
 *   <li>readings wait in the meter's state until the watermark passes the end of their quarter hour, so they are
 *       processed sorted by time whatever order they arrived in;
 *   <li>a reading with the timestamp of one already accepted is a duplicate: dropped if identical, kept out (the
 *       first one wins) and flagged if its values differ; both go to the dead-letter output, so nothing vanishes;
 *   <li>interval energy is the register delta to the previous accepted reading, with rollovers repaired and resets
 *       starting a new epoch ({@link RegisterRules}); a register that stays put while power flows is flagged;
 *   <li>a reading whose quarter hour has already been emitted is late and goes to the dead-letter output.
 * </ul>
 *
 * A quarter hour (start, end] holds the readings whose interval ends in it. Its aggregate is emitted when the
 * watermark reaches its end, stamped with the end (downstream windows are (start, end] too).
 */
public final class MeterProcessor extends KeyedProcessFunction<String, MeterReading, MeterAggregate> {

  private static final long serialVersionUID = 1L;

  public static final OutputTag<DeadLetter> REJECTED = new OutputTag<>("meter-rejected", ReadingTypes.DEAD_LETTER);
  /** Per quarter hour, how many readings were repaired (rollover, new epoch) or flagged (frozen register). */
  public static final OutputTag<QualityEvent> REPAIRS = new OutputTag<>("meter-repairs", DataQuality.EVENT);

  private final RegisterRules registers;
  private final int expectedSamples;
  private final int frozenIntervals;
  private final double frozenMinPowerW;
  private final AvroSingleObjectSerializer<MeterReading> serializer =
      new AvroSingleObjectSerializer<>(MeterReading.class);

  private transient ValueState<MeterState> state;
  private transient MeterCounters counters;

  public MeterProcessor(MeterSettings settings) {
    this.registers = new RegisterRules(settings.registerWidthWh(), settings.maxPowerW());
    this.expectedSamples = (int) Math.max(1, QuarterHours.MILLIS / settings.readingInterval().toMillis());
    this.frozenIntervals = settings.frozenIntervals();
    this.frozenMinPowerW = settings.frozenMinPowerW();
  }

  @Override
  public void open(OpenContext openContext) {
    state = getRuntimeContext().getState(
        new ValueStateDescriptor<>("meter", TypeInformation.of(MeterState.class)));
    counters = MeterCounters.register(getRuntimeContext().getMetricGroup());
  }

  @Override
  public void processElement(MeterReading reading, Context ctx, Collector<MeterAggregate> out) throws Exception {
    long windowEnd = QuarterHours.endOf(reading.getTimestamp().toEpochMilli());
    if (windowEnd <= ctx.timerService().currentWatermark()) {
      counters.late().inc();
      ctx.output(REJECTED, deadLetter(DeadLetterReason.LATE, reading, "reading of meter " + reading.getMeterId()
          + " at " + reading.getTimestamp() + " arrived after its quarter hour ending "
          + Instant.ofEpochMilli(windowEnd) + " was closed"));
      return;
    }
    MeterState meter = state.value();
    if (meter == null) {
      meter = new MeterState();
    }
    meter.feederId = reading.getFeederId();
    meter.districtId = reading.getDistrictId();
    PendingReadings pending = meter.pending;
    boolean timerAlreadySet = pending.size > 0 && QuarterHours.endOf(pending.timestamps[pending.size - 1]) == windowEnd;
    pending.add(reading);
    if (!timerAlreadySet) {
      ctx.timerService().registerEventTimeTimer(windowEnd);
    }
    state.update(meter);
  }

  @Override
  public void onTimer(long windowEnd, OnTimerContext ctx, Collector<MeterAggregate> out) throws Exception {
    MeterState meter = state.value();
    if (meter == null) {
      return;
    }
    String meterId = ctx.getCurrentKey();
    PendingReadings pending = meter.pending;
    int due = pending.countUpTo(windowEnd);
    QuarterSums sums = new QuarterSums();
    for (int i = 0; i < due; i++) {
      long timestamp = pending.timestamps[i];
      double registerWh = pending.registersWh[i];
      double powerW = pending.powersW[i];
      double voltageV = pending.voltagesV[i];
      if (meter.hasAcceptedReading() && timestamp == meter.lastTimestamp) {
        rejectDuplicate(meter, meterId, pending, i, ctx);
        continue;
      }
      if (meter.hasAcceptedReading()) {
        RegisterDelta delta =
            registers.between(meter.lastTimestamp, meter.lastRegisterWh, timestamp, registerWh, powerW);
        sums.addEnergy(delta);
        count(delta, sums);
        trackFrozen(meter, registerWh, powerW, sums);
      }
      sums.addSample(powerW);
      counters.accepted().inc();
      meter.lastTimestamp = timestamp;
      meter.lastRegisterWh = registerWh;
      meter.lastPowerW = powerW;
      meter.lastVoltageV = voltageV;
    }
    pending.dropOldest(due);
    state.update(meter);
    if (sums.samples > 0) {
      out.collect(aggregate(meterId, meter, windowEnd, sums));
    }
    reportRepairs(meterId, meter, windowEnd, sums, ctx);
  }

  private void reportRepairs(String meterId, MeterState meter, long windowEnd, QuarterSums sums, Context ctx) {
    repair(QualityEvent.ROLLOVER, sums.rollovers, meterId, meter, windowEnd, ctx);
    repair(QualityEvent.NEW_EPOCH, sums.newEpochs, meterId, meter, windowEnd, ctx);
    repair(QualityEvent.FROZEN_REGISTER, sums.frozenRegisters, meterId, meter, windowEnd, ctx);
  }

  private static void repair(String outcome, int count, String meterId, MeterState meter, long windowEnd,
      Context ctx) {
    if (count > 0) {
      ctx.output(REPAIRS, new QualityEvent(meterId, meter.feederId, meter.districtId, outcome, windowEnd, count));
    }
  }

  private void rejectDuplicate(MeterState meter, String meterId, PendingReadings pending, int i, Context ctx) {
    boolean identical = pending.registersWh[i] == meter.lastRegisterWh && pending.powersW[i] == meter.lastPowerW
        && Double.compare(pending.voltagesV[i], meter.lastVoltageV) == 0;
    MeterReading reading = pending.toReading(i, meterId, meter.feederId, meter.districtId);
    if (identical) {
      counters.duplicates().inc();
      ctx.output(REJECTED, deadLetter(DeadLetterReason.DUPLICATE, reading,
          "meter " + meterId + " sent the reading at " + reading.getTimestamp() + " again; the copy was dropped"));
    } else {
      counters.conflictingDuplicates().inc();
      ctx.output(REJECTED, deadLetter(DeadLetterReason.CONFLICTING_DUPLICATE, reading, "meter " + meterId
          + " sent a second, different reading at " + reading.getTimestamp() + " (register "
          + reading.getActiveEnergyWh() + " Wh vs " + meter.lastRegisterWh + " Wh); the first one was kept"));
    }
  }

  private void count(RegisterDelta delta, QuarterSums sums) {
    switch (delta.kind()) {
      case ROLLOVER -> {
        counters.rollovers().inc();
        sums.rollovers++;
      }
      case NEW_EPOCH -> {
        counters.newEpochs().inc();
        sums.newEpochs++;
      }
      default -> { }
    }
  }

  private void trackFrozen(MeterState meter, double registerWh, double powerW, QuarterSums sums) {
    if (registerWh == meter.lastRegisterWh && powerW >= frozenMinPowerW) {
      meter.frozenIntervals++;
      if (meter.frozenIntervals == frozenIntervals) {
        counters.frozenRegisters().inc();
        sums.frozenRegisters++;
      }
    } else {
      meter.frozenIntervals = 0;
    }
  }

  private MeterAggregate aggregate(String meterId, MeterState meter, long windowEnd, QuarterSums sums) {
    return MeterAggregate.newBuilder()
        .setMeterId(meterId)
        .setFeederId(meter.feederId)
        .setDistrictId(meter.districtId)
        .setWindow(AggregationWindow.QUARTER_HOUR)
        .setWindowStart(Instant.ofEpochMilli(windowEnd - QuarterHours.MILLIS))
        .setWindowEnd(Instant.ofEpochMilli(windowEnd))
        .setEnergyKwh(sums.energyWh / 1000.0)
        .setAveragePowerW(sums.powerSumW / sums.samples)
        .setMaxPowerW(sums.maxPowerW)
        .setSampleCount(sums.samples)
        .setExpectedSamples(expectedSamples)
        .setCompleteness(Math.min(1.0, (double) sums.samples / expectedSamples))
        .setEstimatedFraction(sums.energyWh > 0 ? sums.estimatedWh / sums.energyWh : 0.0)
        .build();
  }

  private DeadLetter deadLetter(DeadLetterReason reason, MeterReading reading, String message) {
    return DeadLetters.of(reason, message, serializer.serialize(reading), reading, DeadLetters.UNKNOWN_TOPIC,
        DeadLetters.UNKNOWN_PARTITION, DeadLetters.UNKNOWN_OFFSET, reading.getTimestamp().toEpochMilli());
  }

  /** Running sums of one quarter hour while its readings are processed. */
  private static final class QuarterSums {
    double energyWh;
    double estimatedWh;
    double powerSumW;
    double maxPowerW = Double.NEGATIVE_INFINITY;
    int samples;
    int rollovers;
    int newEpochs;
    int frozenRegisters;

    void addEnergy(RegisterDelta delta) {
      energyWh += delta.energyWh();
      if (delta.estimated()) {
        estimatedWh += delta.energyWh();
      }
    }

    void addSample(double powerW) {
      powerSumW += powerW;
      maxPowerW = Math.max(maxPowerW, powerW);
      samples++;
    }
  }
}
