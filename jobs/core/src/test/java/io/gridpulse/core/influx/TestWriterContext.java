package io.gridpulse.core.influx;

import java.util.OptionalLong;
import org.apache.flink.api.common.JobInfo;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.apache.flink.runtime.metrics.groups.InternalSinkWriterMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.streaming.runtime.tasks.StreamTaskActionExecutor;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.apache.flink.streaming.runtime.tasks.mailbox.MailboxExecutorImpl;
import org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailbox;
import org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailboxImpl;
import org.apache.flink.util.UserCodeClassLoader;

/**
 * What a sink writer gets from its task, for a writer driven by a test: the calling thread is the
 * task's (mailbox) thread, whose mails run when the writer waits ({@code flush}), and processing
 * time moves only when the test moves it.
 */
final class TestWriterContext implements WriterInitContext {

    final TestProcessingTimeService time = new TestProcessingTimeService();
    private final MailboxExecutor mailbox =
            new MailboxExecutorImpl(
                    new TaskMailboxImpl(Thread.currentThread()),
                    TaskMailbox.MIN_PRIORITY,
                    StreamTaskActionExecutor.IMMEDIATE);
    private final SinkWriterMetricGroup metrics =
            InternalSinkWriterMetricGroup.wrap(
                    UnregisteredMetricGroups.createUnregisteredOperatorMetricGroup());

    long numRecordsOut() {
        return metrics.getIOMetricGroup().getNumRecordsOutCounter().getCount();
    }

    @Override
    public MailboxExecutor getMailboxExecutor() {
        return mailbox;
    }

    @Override
    public ProcessingTimeService getProcessingTimeService() {
        return time;
    }

    @Override
    public SinkWriterMetricGroup metricGroup() {
        return metrics;
    }

    @Override
    public OptionalLong getRestoredCheckpointId() {
        return OptionalLong.empty();
    }

    @Override
    public boolean isObjectReuseEnabled() {
        return false;
    }

    @Override
    public UserCodeClassLoader getUserCodeClassLoader() {
        throw new UnsupportedOperationException();
    }

    @Override
    public SerializationSchema.InitializationContext asSerializationSchemaInitializationContext() {
        throw new UnsupportedOperationException();
    }

    @Override
    public <IN> TypeSerializer<IN> createInputSerializer() {
        throw new UnsupportedOperationException();
    }

    @Override
    public JobInfo getJobInfo() {
        throw new UnsupportedOperationException();
    }

    @Override
    public TaskInfo getTaskInfo() {
        throw new UnsupportedOperationException();
    }
}
