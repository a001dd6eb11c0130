package io.gridpulse.replay.progress;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.functions.RuntimeContext;

/**
 * Counts the records passing through it into accumulators named after each record ({@link
 * Counters}), and passes them on unchanged.
 */
public final class Tally<T> extends RichMapFunction<T, T> {

    private static final long serialVersionUID = 1L;

    /** Which counter a record adds to (null: none), and how much. */
    public interface Rule<T> extends Serializable {
        String counter(T record);

        default long amount(T record) {
            return 1;
        }
    }

    private final Rule<T> rule;
    private transient Accumulators counters;

    public Tally(Rule<T> rule) {
        this.rule = rule;
    }

    @Override
    public void open(OpenContext openContext) {
        counters = new Accumulators(getRuntimeContext());
    }

    @Override
    public T map(T record) {
        String name = rule.counter(record);
        if (name != null) {
            counters.add(name, rule.amount(record));
        }
        return record;
    }

    /** Accumulators by name, looked up once each. */
    public static final class Accumulators {
        private final RuntimeContext context;
        private final Map<String, LongCounter> byName = new HashMap<>();

        public Accumulators(RuntimeContext context) {
            this.context = context;
        }

        public void add(String name, long amount) {
            byName.computeIfAbsent(name, context::getLongCounter).add(amount);
        }

        public LongCounter get(String name) {
            return byName.computeIfAbsent(name, context::getLongCounter);
        }
    }
}
