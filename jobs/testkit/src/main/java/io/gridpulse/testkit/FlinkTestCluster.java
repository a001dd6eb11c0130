package io.gridpulse.testkit;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/**
 * The one Flink MiniCluster setup for every job test: one TaskManager with two slots, so pipelines
 * run with parallelism 2 and exercise their shuffles (as in the Flink cookbook). Use it on a static
 * field:
 *
 * <pre>{@code
 * @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();
 * }</pre>
 *
 * <p>Environments obtained with {@code StreamExecutionEnvironment.getExecutionEnvironment()} inside
 * such a test run on that cluster.
 */
public final class FlinkTestCluster {

    /** Slots of the test cluster, and so the default parallelism of jobs run in it. */
    public static final int PARALLELISM = 2;

    private FlinkTestCluster() {}

    /** A new MiniCluster extension with one TaskManager of {@link #PARALLELISM} slots. */
    public static MiniClusterExtension extension() {
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setNumberTaskManagers(1)
                        .setNumberSlotsPerTaskManager(PARALLELISM)
                        .build());
    }
}
