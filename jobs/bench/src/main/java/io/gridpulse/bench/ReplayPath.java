package io.gridpulse.bench;

import io.gridpulse.core.influx.InfluxSettings;
import io.gridpulse.core.pipeline.PipelineSettings;
import io.gridpulse.core.vee.ReadingRules;
import io.gridpulse.replay.ReplayInputs;
import io.gridpulse.replay.ReplayPipeline;
import io.gridpulse.replay.ReplaySinks;
import io.gridpulse.replay.input.TimeRange;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The replay path: the analysts' replay job (Avro files -> the monitor job's pipeline and sinks in
 * BATCH mode -> InfluxDB), as {@code scripts/replay} builds it, without its progress line.
 */
final class ReplayPath {

    private ReplayPath() {}

    static double measure(
            FlinkCluster cluster, String influxUrl, List<Path> files, long readings, int run)
            throws Exception {
        String database = "bench_replay";
        Influx.recreateDatabase(influxUrl, database);
        Configuration config = ReplayPipeline.batchMode(cluster.config());
        StreamExecutionEnvironment env = cluster.environment(config);
        ReplaySinks sinks =
                new ReplaySinks(
                        InfluxSettings.of(influxUrl, database),
                        files.get(0).getParent().resolve("replay-output"),
                        ReplaySinks.Target.INFLUX);
        ReplayInputs inputs =
                new ReplayInputs(
                        files.stream().map(Path::toString).toList(),
                        List.of(),
                        null,
                        null,
                        List.of(),
                        null,
                        TimeRange.ALL);
        ReplayPipeline.build(
                env,
                inputs,
                sinks.monitorSinks(),
                sinks.weather(),
                PipelineSettings.from(config),
                ReadingRules.from(config));
        sinks.prepare();
        JobExecutionResult result = env.execute("bench replay path " + run);
        sinks.finish();
        double seconds = result.getNetRuntime() / 1000.0;
        Log.info(
                "replay path run %d: %,d readings in %.2f s, %,d meter points in InfluxDB",
                run,
                readings,
                seconds,
                Influx.count(influxUrl, database, "meter_energy", "energy_kwh"));
        return readings / seconds;
    }
}
