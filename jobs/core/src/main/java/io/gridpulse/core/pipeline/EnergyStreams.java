package io.gridpulse.core.pipeline;

import io.gridpulse.core.meter.MeterGap;
import io.gridpulse.core.quality.QualityEvent;
import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.GroupAggregate;
import io.gridpulse.schema.MeterAggregate;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the energy pipeline produces: per-meter aggregates (15 min and 1 h), feeder and district
 * roll-ups, and the readings the meter stage rejected (duplicates, late readings) as dead letters,
 * so they are kept and counted, and the counts of readings it repaired, flagged or estimated (for
 * the data-quality measurement), and the gaps too long to fill.
 */
public record EnergyStreams(
        DataStream<MeterAggregate> meterAggregates,
        DataStream<GroupAggregate> groupAggregates,
        DataStream<DeadLetter> rejectedReadings,
        DataStream<QualityEvent> repairs,
        DataStream<MeterGap> gaps,
        DataStream<Anomaly> anomalies) {}
