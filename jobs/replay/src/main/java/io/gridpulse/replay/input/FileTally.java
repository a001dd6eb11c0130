package io.gridpulse.replay.input;

import io.gridpulse.replay.progress.Counters;
import io.gridpulse.replay.progress.Tally;
import io.gridpulse.schema.DeadLetter;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

/**
 * Counts what a file source read into the replay's accumulators (records, bytes, outcomes: what a
 * source cannot do itself) and passes on its records and dead letters.
 */
public final class FileTally<T> extends RichFlatMapFunction<FileRecord<T>, Either<DeadLetter, T>> {

    private static final long serialVersionUID = 1L;

    private final String recordsCounter;
    private transient Tally.Accumulators counters;
    private transient LongCounter records;
    private transient LongCounter bytes;

    /** {@code recordsCounter}: the counter of the records read ({@link Counters#RECORDS}, ...). */
    FileTally(String recordsCounter) {
        this.recordsCounter = recordsCounter;
    }

    @Override
    public void open(OpenContext openContext) {
        counters = new Tally.Accumulators(getRuntimeContext());
        records = counters.get(recordsCounter);
        bytes = counters.get(Counters.BYTES);
    }

    @Override
    public void flatMap(FileRecord<T> read, Collector<Either<DeadLetter, T>> out) {
        bytes.add(read.bytes);
        if (read.isRecord()) {
            records.add(1);
        }
        if (read.outcome != null) {
            counters.add(read.outcome, 1);
        }
        if (read.record != null) {
            out.collect(read.record);
        }
    }
}
