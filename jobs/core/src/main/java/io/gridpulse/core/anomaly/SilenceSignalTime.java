package io.gridpulse.core.anomaly;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Stamps a SILENT signal with the time the meter fell silent ({@link SilenceSignal#at}) rather than
 * the time of the quarter hour that revealed it. Live the two are the same (the silence timer
 * reveals it); in a BATCH run, where timers wait for the end of the input, a silence is only
 * revealed when the meter speaks again, and the feeder, whose input is sorted by event time, must
 * see it at the time it began. Watermarks pass through unchanged.
 */
public final class SilenceSignalTime extends AbstractStreamOperator<SilenceSignal>
        implements OneInputStreamOperator<SilenceSignal, SilenceSignal> {

    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(StreamRecord<SilenceSignal> element) {
        SilenceSignal signal = element.getValue();
        if (signal.kind == SilenceSignal.Kind.SILENT) {
            element.setTimestamp(signal.at);
        }
        output.collect(element);
    }
}
