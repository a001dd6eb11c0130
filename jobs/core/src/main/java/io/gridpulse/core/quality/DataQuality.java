package io.gridpulse.core.quality;

import io.gridpulse.schema.DeadLetter;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Turns every dead letter and every repair into per-meter, per-outcome counts by quarter hour. */
public final class DataQuality {

    public static final TypeInformation<QualityEvent> EVENT =
            TypeInformation.of(QualityEvent.class);

    private DataQuality() {}

    public static DataStream<QualityEvent> counts(
            DataStream<DeadLetter> deadLetters, DataStream<QualityEvent> repairs) {
        return deadLetters
                .map(QualityEvent::of)
                .returns(EVENT)
                .name("dead letters as quality events")
                .uid("dead-letter-quality")
                .union(repairs)
                .keyBy(QualityEvent::key)
                .process(new QualityCounter())
                .returns(EVENT)
                .name("data quality 15 min")
                .uid("data-quality-15m");
    }
}
