package io.gridpulse.core.pipeline;

import io.gridpulse.core.meter.MeterGap;
import io.gridpulse.core.quality.QualityEvent;
import io.gridpulse.core.savings.live.SavingsDay;
import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.GroupAggregate;
import io.gridpulse.schema.MeterAggregate;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Where the workflow's results go. A job names the outputs it keeps; anything left unset is
 * discarded. Adding an output is one field here and one wiring line in {@link Workflow}. Anomalies
 * go to two places: {@code anomalies} keeps each one's latest state for dashboards (InfluxDB in
 * production), {@code anomalyEvents} carries every OPEN and RESOLVED event to whoever acts on them
 * (Kafka in production). An output given several sinks (the replay's InfluxDB and CSV files) sends
 * every record to each.
 */
public final class Outputs {

    private final List<Sink<MeterAggregate>> meterAggregates;
    private final List<Sink<GroupAggregate>> groupAggregates;
    private final List<Sink<DeadLetter>> deadLetters;
    private final List<Sink<QualityEvent>> dataQuality;
    private final List<Sink<MeterGap>> gaps;
    private final List<Sink<Anomaly>> anomalies;
    private final List<Sink<Anomaly>> anomalyEvents;
    private final List<Sink<SavingsDay>> savings;

    private Outputs(Builder builder) {
        meterAggregates = orDiscard(builder.meterAggregates);
        groupAggregates = orDiscard(builder.groupAggregates);
        deadLetters = orDiscard(builder.deadLetters);
        dataQuality = orDiscard(builder.dataQuality);
        gaps = orDiscard(builder.gaps);
        anomalies = orDiscard(builder.anomalies);
        anomalyEvents = orDiscard(builder.anomalyEvents);
        savings = orDiscard(builder.savings);
    }

    public List<Sink<MeterAggregate>> meterAggregates() {
        return meterAggregates;
    }

    public List<Sink<GroupAggregate>> groupAggregates() {
        return groupAggregates;
    }

    public List<Sink<DeadLetter>> deadLetters() {
        return deadLetters;
    }

    public List<Sink<QualityEvent>> dataQuality() {
        return dataQuality;
    }

    public List<Sink<MeterGap>> gaps() {
        return gaps;
    }

    public List<Sink<Anomaly>> anomalies() {
        return anomalies;
    }

    public List<Sink<Anomaly>> anomalyEvents() {
        return anomalyEvents;
    }

    public List<Sink<SavingsDay>> savings() {
        return savings;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static <T> List<Sink<T>> orDiscard(List<Sink<T>> sinks) {
        return sinks.isEmpty() ? List.of(new DiscardingSink<>()) : List.copyOf(sinks);
    }

    /**
     * Collects the sinks of the outputs a job keeps; a second sink for an output adds to the first.
     */
    public static final class Builder {
        private final List<Sink<MeterAggregate>> meterAggregates = new ArrayList<>();
        private final List<Sink<GroupAggregate>> groupAggregates = new ArrayList<>();
        private final List<Sink<DeadLetter>> deadLetters = new ArrayList<>();
        private final List<Sink<QualityEvent>> dataQuality = new ArrayList<>();
        private final List<Sink<MeterGap>> gaps = new ArrayList<>();
        private final List<Sink<Anomaly>> anomalies = new ArrayList<>();
        private final List<Sink<Anomaly>> anomalyEvents = new ArrayList<>();
        private final List<Sink<SavingsDay>> savings = new ArrayList<>();

        private Builder() {}

        /** Energy per meter and window (15 min, hour, local day). */
        public Builder meterAggregates(Sink<MeterAggregate> sink) {
            meterAggregates.add(sink);
            return this;
        }

        /** Energy per feeder and district and window. */
        public Builder groupAggregates(Sink<GroupAggregate> sink) {
            groupAggregates.add(sink);
            return this;
        }

        /** Every record the workflow could not use, with its reason (late readings among them). */
        public Builder deadLetters(Sink<DeadLetter> sink) {
            deadLetters.add(sink);
            return this;
        }

        /**
         * Counts per quarter hour of readings by outcome: accepted, repaired, estimated, rejected.
         */
        public Builder dataQuality(Sink<QualityEvent> sink) {
            dataQuality.add(sink);
            return this;
        }

        /** Gaps longer than vee.max-gap, with their duration. */
        public Builder gaps(Sink<MeterGap> sink) {
            gaps.add(sink);
            return this;
        }

        /** Each anomaly's latest state. */
        public Builder anomalies(Sink<Anomaly> sink) {
            anomalies.add(sink);
            return this;
        }

        /** Every anomaly event, in order per anomaly. */
        public Builder anomalyEvents(Sink<Anomaly> sink) {
            anomalyEvents.add(sink);
            return this;
        }

        /** Live savings per meter group and day (when the workflow has savings inputs). */
        public Builder savings(Sink<SavingsDay> sink) {
            savings.add(sink);
            return this;
        }

        public Outputs build() {
            return new Outputs(this);
        }
    }
}
