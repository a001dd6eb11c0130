package io.gridpulse.core.pipeline;

import io.gridpulse.core.influx.AnomalyPoints;
import io.gridpulse.core.influx.EnergyPoints;
import io.gridpulse.core.influx.InfluxSettings;
import io.gridpulse.core.influx.InfluxSink;
import io.gridpulse.core.influx.QualityPoints;
import io.gridpulse.core.influx.SavingsPoints;
import io.gridpulse.core.io.KafkaSettings;
import io.gridpulse.core.io.LiveKafkaSinks;
import io.gridpulse.core.meter.MeterGap;
import io.gridpulse.core.quality.QualityEvent;
import io.gridpulse.core.savings.live.SavingsDay;
import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.GroupAggregate;
import io.gridpulse.schema.MeterAggregate;

/**
 * The live job's outputs: InfluxDB for every result, Kafka for dead letters and anomaly events. The
 * monitor job and the benchmark both take them from here, so the benchmark writes what production
 * writes.
 */
public final class ProductionOutputs {

    private ProductionOutputs() {}

    public static Outputs of(LiveSettings settings) {
        KafkaSettings kafka = settings.kafka();
        InfluxSettings influx = settings.influx();
        return Outputs.builder()
                .meterAggregates(new InfluxSink<MeterAggregate>(influx, EnergyPoints::meter))
                .groupAggregates(new InfluxSink<GroupAggregate>(influx, EnergyPoints::group))
                .deadLetters(LiveKafkaSinks.deadLetters(kafka))
                .dataQuality(new InfluxSink<QualityEvent>(influx, QualityPoints::of))
                .gaps(new InfluxSink<MeterGap>(influx, QualityPoints::gap))
                .anomalies(new InfluxSink<Anomaly>(influx, AnomalyPoints::of))
                .anomalyEvents(LiveKafkaSinks.anomalyEvents(kafka))
                .savings(new InfluxSink<SavingsDay>(influx, SavingsPoints::of))
                .build();
    }
}
