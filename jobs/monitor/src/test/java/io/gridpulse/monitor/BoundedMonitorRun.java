package io.gridpulse.monitor;

import io.gridpulse.core.influx.InfluxOptions;
import io.gridpulse.core.io.KafkaOptions;
import io.gridpulse.core.pipeline.LiveSettings;
import io.gridpulse.core.pipeline.LiveWorkflow;
import io.gridpulse.testkit.EmbeddedKafka;
import io.gridpulse.testkit.InfluxServer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the monitor job as production builds it (Kafka source, InfluxDB and Kafka sinks) over
 * everything in the readings topic, then returns: what the integration tests do once their input is
 * in Kafka.
 */
final class BoundedMonitorRun {

    private BoundedMonitorRun() {}

    static void run(EmbeddedKafka kafka, InfluxServer influx, String database, String groupId)
            throws Exception {
        run(kafka, influx, database, groupId, new Configuration());
    }

    /** With more job options, e.g. a weather topic. */
    static void run(
            EmbeddedKafka kafka,
            InfluxServer influx,
            String database,
            String groupId,
            Configuration options)
            throws Exception {
        start(kafka, influx, database, groupId, options, new Configuration())
                .getJobExecutionResult()
                .get();
    }

    /**
     * Starts it and returns at once.
     *
     * @param options more job options (they override the defaults set here)
     * @param cluster the MiniCluster's configuration, e.g. a restart strategy
     */
    static JobClient start(
            EmbeddedKafka kafka,
            InfluxServer influx,
            String database,
            String groupId,
            Configuration options,
            Configuration cluster)
            throws Exception {
        Configuration config = new Configuration();
        config.set(KafkaOptions.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        config.set(KafkaOptions.GROUP_ID, groupId);
        config.set(KafkaOptions.BOUNDED, true);
        config.set(InfluxOptions.URL, influx.url());
        config.set(InfluxOptions.DATABASE, database);
        config.set(InfluxOptions.BATCH_SIZE, 500);
        config.addAll(options);
        LiveSettings settings = LiveSettings.from(config);

        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(cluster);
        env.enableCheckpointing(1_000);
        env.getConfig().enableObjectReuse(); // as flink-conf/config.yaml runs it
        LiveWorkflow.define(env, settings);
        return env.executeAsync("monitor job " + groupId);
    }
}
