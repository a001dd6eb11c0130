package io.gridpulse.bench;

import io.gridpulse.core.config.PipelineSettings;
import io.gridpulse.core.influx.EnergyPoints;
import io.gridpulse.core.influx.InfluxSettings;
import io.gridpulse.core.influx.InfluxSink;
import io.gridpulse.core.io.ReplaySources;
import io.gridpulse.core.pipeline.EnergyPipeline;
import io.gridpulse.core.pipeline.EnergyStreams;
import io.gridpulse.schema.GroupAggregate;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.MeterReading;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The replay path: Avro files -> the same energy pipeline in BATCH execution mode -> InfluxDB. (The analysts' replay
 * job, with CSV sources and progress, is its own issue; this is its core.)
 */
final class ReplayPath {

  private ReplayPath() {}

  static double measure(FlinkCluster cluster, String influxUrl, List<Path> files, long readings, int run)
      throws Exception {
    String database = "bench_replay";
    Influx.recreateDatabase(influxUrl, database);
    Configuration config = cluster.config();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    PipelineSettings settings = PipelineSettings.from(config);
    InfluxSettings influx = InfluxSettings.of(influxUrl, database);

    EnergyStreams energy = EnergyPipeline.build(
        env.fromSource(ReplaySources.avroFiles(files),
            WatermarkStrategy.<MeterReading>noWatermarks()
                .withTimestampAssigner((reading, previous) -> reading.getTimestamp().toEpochMilli()),
            "avro files").uid("avro-files-source"),
        settings);
    energy.meterAggregates().sinkTo(new InfluxSink<MeterAggregate>(influx, EnergyPoints::meter)).uid("meter-sink");
    energy.groupAggregates().sinkTo(new InfluxSink<GroupAggregate>(influx, EnergyPoints::group)).uid("group-sink");
    energy.rejectedReadings().sinkTo(new DiscardingSink<>()).uid("late-sink");
    JobExecutionResult result = env.execute("bench replay path " + run);
    double seconds = result.getNetRuntime() / 1000.0;
    Log.info("replay path run %d: %,d readings in %.2f s, %,d meter points in InfluxDB", run, readings, seconds,
        Influx.count(influxUrl, database, "meter_energy", "energy_kwh"));
    return readings / seconds;
  }
}
