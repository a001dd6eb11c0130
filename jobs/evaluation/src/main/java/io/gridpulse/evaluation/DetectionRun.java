package io.gridpulse.evaluation;

import io.gridpulse.core.io.ReplaySources;
import io.gridpulse.core.pipeline.PipelineSettings;
import io.gridpulse.core.pipeline.Workflow;
import io.gridpulse.core.vee.ReadingRules;
import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.WeatherObservation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs production's dataflow ({@link Workflow}: the reading rules, dead-letter routing, the live
 * job's watermarks and the energy pipeline) over an Avro file of readings, with the districts'
 * hourly temperatures when given, in an embedded MiniCluster and collects the anomaly events.
 * Streaming execution with event-time watermarks, like the live job: silences are found by timers
 * as the watermark moves on.
 */
final class DetectionRun {

    private DetectionRun() {}

    /**
     * The run's own local MiniCluster (two slots, as the local runner has), started and stopped
     * with the job.
     */
    static List<Anomaly> anomalies(
            Path readingsFile, List<WeatherObservation> weather, Configuration config)
            throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(
                        config.getOptional(CoreOptions.DEFAULT_PARALLELISM).orElse(2), config);
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.getConfig().enableObjectReuse(); // as flink-conf/config.yaml runs the jobs
        PipelineSettings settings = PipelineSettings.from(config);
        var source =
                ReplaySources.checkedAvroFiles(List.of(readingsFile), ReadingRules.from(config));
        List<Anomaly> events = new ArrayList<>();
        try (CloseableIterator<Anomaly> it =
                Workflow.energy(
                                env,
                                source,
                                weather.isEmpty()
                                        ? null
                                        : env.fromData(
                                                weather,
                                                new AvroTypeInfo<>(WeatherObservation.class)),
                                settings)
                        .anomalies()
                        .executeAndCollect("anomaly evaluation")) {
            it.forEachRemaining(events::add);
        }
        return events;
    }
}
