package io.gridpulse.core.anomaly;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyState;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * BATCH only: stamps every RESOLVED event one millisecond after the decision that sent it. A keyed
 * input in BATCH is sorted by key and timestamp, and that sort is not stable: a burst's OPEN and
 * RESOLVED, sent by one decision with one timestamp, could swap on their way to the district stage,
 * and the OPEN would then overwrite the RESOLVED point in InfluxDB. Streaming keeps each channel's
 * order, so the live job needs no such stamp. Watermarks pass through unchanged.
 */
public final class ResolvedAfterOpen extends AbstractStreamOperator<Anomaly>
        implements OneInputStreamOperator<Anomaly, Anomaly> {

    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(StreamRecord<Anomaly> element) {
        if (element.getValue().getState() == AnomalyState.RESOLVED && element.hasTimestamp()) {
            element.setTimestamp(element.getTimestamp() + 1);
        }
        output.collect(element);
    }
}
