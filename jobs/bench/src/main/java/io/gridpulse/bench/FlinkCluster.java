package io.gridpulse.bench;

import java.nio.file.Path;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.util.MiniClusterWithClientResource;

/**
 * One embedded MiniCluster for the whole benchmark, configured from {@code flink-conf/config.yaml}
 * like the local runner, so job start-up is paid once and every job sees the README's default
 * configuration.
 */
final class FlinkCluster implements AutoCloseable {

    private final MiniClusterWithClientResource cluster;
    private final Configuration config;

    FlinkCluster(Path flinkConfDir, Path workDir) throws Exception {
        config =
                flinkConfDir != null && flinkConfDir.resolve("config.yaml").toFile().exists()
                        ? GlobalConfiguration.loadConfiguration(flinkConfDir.toString())
                        : new Configuration();
        config.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                workDir.resolve("checkpoints").toUri().toString());
        cluster =
                new MiniClusterWithClientResource(
                        new MiniClusterResourceConfiguration.Builder()
                                .setConfiguration(config)
                                .setNumberTaskManagers(1)
                                .setNumberSlotsPerTaskManager(2)
                                .build());
        cluster.before();
    }

    /** The cluster's configuration; jobs start from a copy of it. */
    Configuration config() {
        return new Configuration(config);
    }

    @Override
    public void close() {
        cluster.after();
    }
}
