package io.gridpulse.bench;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.flink.api.dag.Pipeline;
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One embedded MiniCluster for the whole benchmark, configured from {@code flink-conf/config.yaml}
 * like the local runner, so job start-up is paid once and every job sees the README's default
 * configuration. It is the MiniCluster a local run starts for its job, kept for all of them: a
 * savepoint or the heap a job added can then be measured against the same running cluster.
 */
final class FlinkCluster implements AutoCloseable {

    /** One TaskManager with two slots, the parallelism of config.yaml; every job uses both. */
    private static final int SLOTS = 2;

    /** The execution target of the jobs' environments: this cluster. */
    private static final String TARGET = "bench-minicluster";

    private final MiniCluster cluster;
    private final Configuration config;

    FlinkCluster(Path flinkConfDir, Path workDir) throws Exception {
        config =
                flinkConfDir != null && flinkConfDir.resolve("config.yaml").toFile().exists()
                        ? GlobalConfiguration.loadConfiguration(flinkConfDir.toString())
                        : new Configuration();
        config.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                workDir.resolve("checkpoints").toUri().toString());
        // The Prometheus reporter is the monitor deployment's (its factory is the monitor's, not on
        // the bench's classpath); the jobs register the same metrics without it.
        config.keySet().stream()
                .filter(key -> key.startsWith("metrics.reporter."))
                .toList()
                .forEach(config::removeKey);
        if (!config.contains(RestOptions.PORT) && !config.contains(RestOptions.BIND_PORT)) {
            // Any free port, as a local run takes: 8081 may be a running monitor job's.
            config.set(RestOptions.BIND_PORT, "0");
        }
        cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(config)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(SLOTS)
                                .build());
        cluster.start();
    }

    /** The cluster's configuration; jobs start from a copy of it. */
    Configuration config() {
        return new Configuration(config);
    }

    /**
     * An environment with the job's configuration that runs its jobs on this cluster; {@code
     * execute} waits for the job's end, as a local run's does.
     */
    StreamExecutionEnvironment environment(Configuration jobConfig) {
        Configuration submission = new Configuration(jobConfig);
        submission.set(DeploymentOptions.TARGET, TARGET);
        submission.set(DeploymentOptions.ATTACHED, true);
        StreamExecutionEnvironment env =
                new StreamExecutionEnvironment(new Submitter(), submission, null);
        env.setParallelism(SLOTS);
        return env;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }

    /** Submits a job's stream graph to the cluster, which keeps running after the job ends. */
    private final class Submitter
            implements PipelineExecutorServiceLoader, PipelineExecutorFactory, PipelineExecutor {

        @Override
        public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
            return this;
        }

        @Override
        public Stream<String> getExecutorNames() {
            return Stream.of(TARGET);
        }

        @Override
        public String getName() {
            return TARGET;
        }

        @Override
        public boolean isCompatibleWith(Configuration configuration) {
            return TARGET.equals(configuration.get(DeploymentOptions.TARGET));
        }

        @Override
        public PipelineExecutor getExecutor(Configuration configuration) {
            return this;
        }

        @Override
        public CompletableFuture<JobClient> execute(
                Pipeline pipeline, Configuration configuration, ClassLoader classLoader)
                throws Exception {
            return cluster.submitJob(PipelineExecutorUtils.getStreamGraph(pipeline, configuration))
                    .thenApply(
                            submitted ->
                                    new MiniClusterJobClient(
                                            submitted.getJobID(),
                                            cluster,
                                            classLoader,
                                            MiniClusterJobClient.JobFinalizationBehavior.NOTHING));
        }
    }
}
