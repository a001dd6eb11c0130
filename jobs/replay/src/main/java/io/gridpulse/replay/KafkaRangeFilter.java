package io.gridpulse.replay;

import io.gridpulse.replay.input.TimeRange;
import io.gridpulse.replay.progress.Counters;
import io.gridpulse.replay.progress.Tally;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.MeterReading;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.types.Either;

/**
 * Counts the records read from Kafka and keeps the readings inside the replay's time range (and
 * every dead letter).
 */
final class KafkaRangeFilter extends RichFilterFunction<Either<DeadLetter, MeterReading>> {

    private static final long serialVersionUID = 1L;

    private final TimeRange range;
    private transient Tally.Accumulators counters;

    KafkaRangeFilter(TimeRange range) {
        this.range = range;
    }

    @Override
    public void open(OpenContext openContext) {
        counters = new Tally.Accumulators(getRuntimeContext());
    }

    @Override
    public boolean filter(Either<DeadLetter, MeterReading> record) {
        counters.add(Counters.RECORDS, 1);
        if (record.isLeft() || range.contains(record.right().getTimestamp().toEpochMilli())) {
            return true;
        }
        counters.add(Counters.OUTSIDE_RANGE, 1);
        return false;
    }
}
