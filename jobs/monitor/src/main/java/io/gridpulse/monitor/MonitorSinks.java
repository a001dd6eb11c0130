package io.gridpulse.monitor;

import io.gridpulse.core.meter.MeterGap;
import io.gridpulse.core.quality.QualityEvent;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.GroupAggregate;
import io.gridpulse.schema.MeterAggregate;
import org.apache.flink.api.connector.sink2.Sink;

/** Where the monitor job's outputs go. */
public record MonitorSinks(
    Sink<MeterAggregate> meterAggregates,
    Sink<GroupAggregate> groupAggregates,
    Sink<DeadLetter> deadLetters,
    Sink<QualityEvent> dataQuality,
    Sink<MeterGap> gaps) {}
