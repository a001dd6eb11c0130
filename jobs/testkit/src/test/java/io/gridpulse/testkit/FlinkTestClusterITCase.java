package io.gridpulse.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FlinkTestClusterITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    @Test
    void shouldRunJobsWithParallelismTwo() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<Integer> doubled =
                env.fromData(1, 2, 3, 4).map(x -> x * 2).returns(Integer.class);

        List<Integer> result = doubled.executeAndCollect(10);

        assertThat(env.getParallelism()).isEqualTo(FlinkTestCluster.PARALLELISM);
        assertThat(result).containsExactlyInAnyOrder(2, 4, 6, 8);
    }
}
