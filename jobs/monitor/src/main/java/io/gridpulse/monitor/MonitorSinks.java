package io.gridpulse.monitor;

import io.gridpulse.core.meter.MeterGap;
import io.gridpulse.core.quality.QualityEvent;
import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.GroupAggregate;
import io.gridpulse.schema.MeterAggregate;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where the monitor job's outputs go. Anomalies go to two places: {@code anomalies} keeps each
 * one's latest state for dashboards (InfluxDB in production), {@code anomalyEvents} carries every
 * OPEN and RESOLVED event to whoever acts on them (Kafka in production).
 */
public record MonitorSinks(
        Sink<MeterAggregate> meterAggregates,
        Sink<GroupAggregate> groupAggregates,
        Sink<DeadLetter> deadLetters,
        Sink<QualityEvent> dataQuality,
        Sink<MeterGap> gaps,
        Sink<Anomaly> anomalies,
        Sink<Anomaly> anomalyEvents) {}
