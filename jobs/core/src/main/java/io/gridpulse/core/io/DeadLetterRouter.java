package io.gridpulse.core.io;

import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Passes decoded records (readings, weather, models) on; dead letters go to a side output, counted
 * per reason.
 */
public final class DeadLetterRouter<T> extends ProcessFunction<Either<DeadLetter, T>, T> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", ReadingTypes.DEAD_LETTER);

    private transient DeadLetterCounters counters;

    @Override
    public void open(OpenContext openContext) {
        counters = new DeadLetterCounters(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(Either<DeadLetter, T> value, Context ctx, Collector<T> out) {
        if (value.isRight()) {
            out.collect(value.right());
        } else {
            counters.count(value.left().getReason());
            ctx.output(DEAD_LETTERS, value.left());
        }
    }

    /**
     * One Flink counter per reason under the metric group {@code deadLetters}, plus their total.
     */
    public static final class DeadLetterCounters {
        private final Counter total;
        private final Map<DeadLetterReason, Counter> byReason =
                new EnumMap<>(DeadLetterReason.class);

        public DeadLetterCounters(MetricGroup parent) {
            MetricGroup group = parent.addGroup("deadLetters");
            total = group.counter("total");
            for (DeadLetterReason reason : DeadLetterReason.values()) {
                byReason.put(reason, group.counter(reason.name()));
            }
        }

        public void count(DeadLetterReason reason) {
            total.inc();
            byReason.get(reason).inc();
        }
    }
}
