package io.gridpulse.bench;

import io.gridpulse.core.influx.InfluxOptions;
import io.gridpulse.core.io.KafkaOptions;
import io.gridpulse.core.pipeline.LiveSettings;
import io.gridpulse.core.pipeline.LiveWorkflow;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The monitor job over the benchmark topic: Kafka -> the full pipeline -> InfluxDB, as production
 * wires it.
 */
final class LivePath {

    /** Where the live runs write; each run starts it afresh, so it holds the last run's output. */
    static final String DATABASE = "bench_live";

    private LivePath() {}

    /** Readings per second over the job's net run time. */
    static double measure(
            FlinkCluster cluster,
            String bootstrap,
            String influxUrl,
            String topic,
            long readings,
            int run)
            throws Exception {
        String database = DATABASE;
        Influx.recreateDatabase(influxUrl, database);
        Configuration config = cluster.config();
        config.set(KafkaOptions.BOOTSTRAP_SERVERS, bootstrap);
        config.set(KafkaOptions.READINGS_TOPIC, topic);
        config.set(KafkaOptions.DEAD_LETTER_TOPIC, "bench-dead-letters");
        config.set(KafkaOptions.GROUP_ID, "bench-live-" + System.nanoTime());
        config.set(KafkaOptions.BOUNDED, true);
        config.set(InfluxOptions.URL, influxUrl);
        config.set(InfluxOptions.DATABASE, database);
        LiveSettings settings = LiveSettings.from(config);

        StreamExecutionEnvironment env = cluster.environment(config);
        LiveWorkflow.define(env, settings);
        JobExecutionResult result = env.execute("bench live path " + run);
        double seconds = result.getNetRuntime() / 1000.0;
        Log.info(
                "live path run %d: %,d readings in %.2f s, %,d meter points in InfluxDB",
                run,
                readings,
                seconds,
                Influx.count(influxUrl, database, "meter_energy", "energy_kwh"));
        return readings / seconds;
    }
}
