package io.gridpulse.core.pipeline;

import io.gridpulse.core.meter.MeterGap;
import io.gridpulse.core.quality.QualityEvent;
import io.gridpulse.core.savings.live.SavingsDay;
import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.GroupAggregate;
import io.gridpulse.schema.MeterAggregate;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Where the workflow's results go. A job names the outputs it keeps; anything left unset is
 * discarded. Adding an output is one field here and one wiring line in {@link Workflow}. Anomalies
 * go to two places: {@code anomalies} keeps each one's latest state for dashboards (InfluxDB in
 * production), {@code anomalyEvents} carries every OPEN and RESOLVED event to whoever acts on them
 * (Kafka in production).
 */
public final class Outputs {

    private final Sink<MeterAggregate> meterAggregates;
    private final Sink<GroupAggregate> groupAggregates;
    private final Sink<DeadLetter> deadLetters;
    private final Sink<QualityEvent> dataQuality;
    private final Sink<MeterGap> gaps;
    private final Sink<Anomaly> anomalies;
    private final Sink<Anomaly> anomalyEvents;
    private final Sink<SavingsDay> savings;

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

    public Sink<MeterAggregate> meterAggregates() {
        return meterAggregates;
    }

    public Sink<GroupAggregate> groupAggregates() {
        return groupAggregates;
    }

    public Sink<DeadLetter> deadLetters() {
        return deadLetters;
    }

    public Sink<QualityEvent> dataQuality() {
        return dataQuality;
    }

    public Sink<MeterGap> gaps() {
        return gaps;
    }

    public Sink<Anomaly> anomalies() {
        return anomalies;
    }

    public Sink<Anomaly> anomalyEvents() {
        return anomalyEvents;
    }

    public Sink<SavingsDay> savings() {
        return savings;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static <T> Sink<T> orDiscard(Sink<T> sink) {
        return sink == null ? new DiscardingSink<>() : sink;
    }

    /** Collects the sinks of the outputs a job keeps. */
    public static final class Builder {
        private Sink<MeterAggregate> meterAggregates;
        private Sink<GroupAggregate> groupAggregates;
        private Sink<DeadLetter> deadLetters;
        private Sink<QualityEvent> dataQuality;
        private Sink<MeterGap> gaps;
        private Sink<Anomaly> anomalies;
        private Sink<Anomaly> anomalyEvents;
        private Sink<SavingsDay> savings;

        private Builder() {}

        /** Energy per meter and window (15 min, hour, local day). */
        public Builder meterAggregates(Sink<MeterAggregate> sink) {
            meterAggregates = sink;
            return this;
        }

        /** Energy per feeder and district and window. */
        public Builder groupAggregates(Sink<GroupAggregate> sink) {
            groupAggregates = sink;
            return this;
        }

        /** Every record the workflow could not use, with its reason (late readings among them). */
        public Builder deadLetters(Sink<DeadLetter> sink) {
            deadLetters = sink;
            return this;
        }

        /**
         * Counts per quarter hour of readings by outcome: accepted, repaired, estimated, rejected.
         */
        public Builder dataQuality(Sink<QualityEvent> sink) {
            dataQuality = sink;
            return this;
        }

        /** Gaps longer than vee.max-gap, with their duration. */
        public Builder gaps(Sink<MeterGap> sink) {
            gaps = sink;
            return this;
        }

        /** Each anomaly's latest state. */
        public Builder anomalies(Sink<Anomaly> sink) {
            anomalies = sink;
            return this;
        }

        /** Every anomaly event, in order per anomaly. */
        public Builder anomalyEvents(Sink<Anomaly> sink) {
            anomalyEvents = sink;
            return this;
        }

        /** Live savings per meter group and day (when the workflow has savings inputs). */
        public Builder savings(Sink<SavingsDay> sink) {
            savings = sink;
            return this;
        }

        public Outputs build() {
            return new Outputs(this);
        }
    }
}
