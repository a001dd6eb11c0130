package io.gridpulse.core.io;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.annotation.Nullable;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.KafkaSourceEnumState;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A bounded {@link KafkaSource} that also ends after a restore. The connector's enumerator,
 * recreated from a checkpoint in which every partition is already assigned, never tells its readers
 * that no more splits will come (FLINK-31006, open in flink-connector-kafka 5.0.0), so a resumed
 * bounded run would read to its stopping offsets and then wait for ever. This one tells each
 * registering reader itself, once every split of the restored state is assigned and the connector
 * has not said it already.
 */
final class RestorableBoundedKafkaSource<T>
        implements Source<T, KafkaPartitionSplit, KafkaSourceEnumState>, ResultTypeQueryable<T> {

    private final KafkaSource<T> kafka;

    RestorableBoundedKafkaSource(KafkaSource<T> kafka) {
        if (kafka.getBoundedness() != Boundedness.BOUNDED) {
            throw new IllegalArgumentException("only a bounded KafkaSource needs this");
        }
        this.kafka = kafka;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<T, KafkaPartitionSplit> createReader(SourceReaderContext context)
            throws Exception {
        return kafka.createReader(context);
    }

    @Override
    public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> createEnumerator(
            SplitEnumeratorContext<KafkaPartitionSplit> context) {
        return kafka.createEnumerator(context);
    }

    @Override
    public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> restoreEnumerator(
            SplitEnumeratorContext<KafkaPartitionSplit> context, KafkaSourceEnumState state)
            throws Exception {
        AtomicBoolean signalled = new AtomicBoolean();
        SplitEnumeratorContext<KafkaPartitionSplit> watched =
                new SignalWatchingContext(context, signalled);
        SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> restored =
                kafka.restoreEnumerator(watched, state);
        boolean allAssigned =
                state.initialDiscoveryFinished() && state.unassignedSplits().isEmpty();
        return new SplitEnumerator<>() {
            @Override
            public void start() {
                restored.start();
            }

            @Override
            public void handleSplitRequest(int subtaskId, @Nullable String requesterHostname) {
                restored.handleSplitRequest(subtaskId, requesterHostname);
            }

            @Override
            public void addSplitsBack(List<KafkaPartitionSplit> splits, int subtaskId) {
                restored.addSplitsBack(splits, subtaskId);
            }

            @Override
            public void addReader(int subtaskId) {
                signalled.set(false);
                restored.addReader(subtaskId);
                if (allAssigned && !signalled.get()) {
                    context.signalNoMoreSplits(subtaskId);
                }
            }

            @Override
            public KafkaSourceEnumState snapshotState(long checkpointId) throws Exception {
                return restored.snapshotState(checkpointId);
            }

            @Override
            public void notifyCheckpointComplete(long checkpointId) throws Exception {
                restored.notifyCheckpointComplete(checkpointId);
            }

            @Override
            public void close() throws java.io.IOException {
                restored.close();
            }
        };
    }

    @Override
    public SimpleVersionedSerializer<KafkaPartitionSplit> getSplitSerializer() {
        return kafka.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<KafkaSourceEnumState> getEnumeratorCheckpointSerializer() {
        return kafka.getEnumeratorCheckpointSerializer();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return kafka.getProducedType();
    }
}
