package io.gridpulse.replay.input;

import io.gridpulse.core.vee.ReadingRules;
import io.gridpulse.core.vee.Rejection;
import io.gridpulse.replay.progress.Counters;
import io.gridpulse.replay.progress.Tally;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.MeterReading;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

/**
 * Turns a meter's CSV rows into the readings the pipeline expects: a cumulative register at the end
 * of each interval. Runs keyed by meter on rows sorted by time (BATCH), so a meter may be spread
 * over several files.
 *
 * <ul>
 *   <li>interval energy and average power add up into a register that starts at 0, with a reading
 *       at the start of a meter's first interval so that its energy counts too;
 *   <li>missing rows of interval data (a gap up to {@code vee.max-gap}) get their energy from the
 *       power on either side, linear in power across the gap: a reading at the gap's end carries
 *       that estimate and is marked estimated, so the pipeline spreads it over the gap and flags it
 *       (the register interpolation a register meter gets would only spread the next interval's
 *       energy). A longer gap is missing readings to the pipeline, reported with its duration, and
 *       nothing is invented for it;
 *   <li>a register row passes as it is, with the average power since the previous row;
 *   <li>a second row for an interval already counted is a duplicate (identical) or a conflicting
 *       duplicate (the first one counts), as the pipeline treats readings; both are kept as dead
 *       letters;
 *   <li>every reading is checked by the live job's rules before it counts.
 * </ul>
 */
public final class RowsToReadings
        extends KeyedProcessFunction<String, MeterRow, Either<DeadLetter, MeterReading>> {

    private static final long serialVersionUID = 1L;

    private final ReadingRules rules;
    private final List<String> files;

    /**
     * Per meter: end of the last counted interval, the register there, the last counted row's
     * energy and its average power.
     */
    private transient ValueState<Tuple4<Long, Double, Double, Double>> chain;

    private final long maxGapMillis;

    private transient Tally.Accumulators counters;

    /**
     * {@code files}: the replay's CSV files, which rows name by index; {@code maxGap}: the longest
     * gap of interval data whose energy is estimated ({@code vee.max-gap}).
     */
    public RowsToReadings(ReadingRules rules, List<String> files, Duration maxGap) {
        this.rules = rules;
        this.files = List.copyOf(files);
        this.maxGapMillis = maxGap.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        chain =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "register-chain",
                                        Types.TUPLE(
                                                Types.LONG,
                                                Types.DOUBLE,
                                                Types.DOUBLE,
                                                Types.DOUBLE)));
        counters = new Tally.Accumulators(getRuntimeContext());
    }

    @Override
    public void processElement(
            MeterRow row, Context ctx, Collector<Either<DeadLetter, MeterReading>> out)
            throws Exception {
        Tuple4<Long, Double, Double, Double> last = chain.value();
        if (row.register) {
            double powerW =
                    last == null || row.endMillis <= last.f0
                            ? 0.0
                            : Math.max(
                                    0.0,
                                    (row.energyWh - last.f1)
                                            * 3_600_000.0
                                            / (row.endMillis - last.f0));
            MeterReading reading = reading(row, row.endMillis, row.energyWh, powerW, row.voltageV);
            if (emitChecked(row, reading, out)) {
                chain.update(Tuple4.of(row.endMillis, row.energyWh, row.energyWh, powerW));
            }
            return;
        }
        if (last != null && row.endMillis <= last.f0) {
            boolean identical = row.endMillis == last.f0 && row.energyWh == last.f2;
            DeadLetterReason reason =
                    identical ? DeadLetterReason.DUPLICATE : DeadLetterReason.CONFLICTING_DUPLICATE;
            String why =
                    row.endMillis == last.f0
                            ? "meter "
                                    + row.meterId
                                    + " has a second row for the interval ending "
                                    + Instant.ofEpochMilli(row.endMillis)
                                    + (identical
                                            ? " (identical; dropped)"
                                            : " with another value; the first row counts")
                            : "meter "
                                    + row.meterId
                                    + ": interval ending "
                                    + Instant.ofEpochMilli(row.endMillis)
                                    + " overlaps the one ending "
                                    + Instant.ofEpochMilli(last.f0)
                                    + ", already counted";
            out.collect(
                    Either.Left(
                            FileDeadLetters.rejected(
                                    files.get(row.file),
                                    "line",
                                    row.line,
                                    null,
                                    reason,
                                    why,
                                    reading(
                                            row,
                                            row.endMillis,
                                            last.f1,
                                            row.powerW,
                                            row.voltageV))));
            return;
        }
        double registerWh = last == null ? 0.0 : last.f1;
        if (last != null
                && row.startMillis > last.f0
                && row.startMillis - last.f0 <= maxGapMillis) {
            MeterReading gapEnd = gapEstimate(row, last);
            if (emitChecked(row, gapEnd, out)) {
                counters.add(Counters.GAP_ESTIMATES, 1);
                registerWh = gapEnd.getActiveEnergyWh();
            }
        }
        MeterReading end =
                reading(row, row.endMillis, registerWh + row.energyWh, row.powerW, row.voltageV);
        Rejection rejection = rules.check(end, System.currentTimeMillis());
        if (rejection != null) {
            out.collect(
                    Either.Left(
                            FileDeadLetters.rejected(
                                    files.get(row.file), "line", row.line, null, rejection, end)));
            return;
        }
        if (last == null) {
            counters.add(Counters.BOUNDARY_READINGS, 1);
            out.collect(Either.Right(reading(row, row.startMillis, registerWh, 0.0, Double.NaN)));
        }
        out.collect(Either.Right(end));
        chain.update(Tuple4.of(row.endMillis, end.getActiveEnergyWh(), row.energyWh, row.powerW));
    }

    /**
     * The reading at the start of {@code row}, after a gap since the last counted interval: the
     * gap's energy is the integral of the power drawn linearly from the last row's to this row's,
     * i.e. their mean over the gap.
     */
    private static MeterReading gapEstimate(
            MeterRow row, Tuple4<Long, Double, Double, Double> last) {
        double powerW = Math.max(0.0, (last.f3 + row.powerW) / 2);
        double energyWh = powerW * (row.startMillis - last.f0) / 3_600_000.0;
        MeterReading reading =
                reading(row, row.startMillis, last.f1 + energyWh, powerW, Double.NaN);
        reading.setEstimated(true);
        return reading;
    }

    private boolean emitChecked(
            MeterRow row, MeterReading reading, Collector<Either<DeadLetter, MeterReading>> out) {
        Rejection rejection = rules.check(reading, System.currentTimeMillis());
        if (rejection != null) {
            out.collect(
                    Either.Left(
                            FileDeadLetters.rejected(
                                    files.get(row.file),
                                    "line",
                                    row.line,
                                    null,
                                    rejection,
                                    reading)));
            return false;
        }
        out.collect(Either.Right(reading));
        return true;
    }

    private static MeterReading reading(
            MeterRow row, long timeMillis, double registerWh, double powerW, double voltageV) {
        return MeterReading.newBuilder()
                .setMeterId(row.meterId)
                .setFeederId(row.feederId)
                .setDistrictId(row.districtId)
                .setTimestamp(Instant.ofEpochMilli(timeMillis))
                .setActiveEnergyWh(registerWh)
                .setAveragePowerW(powerW)
                .setVoltageV(Double.isNaN(voltageV) ? null : voltageV)
                .build();
    }
}
