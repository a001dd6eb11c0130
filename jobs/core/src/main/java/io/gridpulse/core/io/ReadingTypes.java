package io.gridpulse.core.io;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.GroupAggregate;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.MeterReading;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.types.Either;

/** Flink type information for the Avro records, so Flink never falls back to Kryo for them. */
public final class ReadingTypes {

    /**
     * Readings cross the keyBy shuffle at full rate, so they get a hand-written serializer instead
     * of Avro's.
     */
    public static final TypeInformation<MeterReading> READING = new MeterReadingTypeInfo();

    public static final TypeInformation<DeadLetter> DEAD_LETTER =
            new AvroTypeInfo<>(DeadLetter.class);
    public static final TypeInformation<MeterAggregate> METER_AGGREGATE =
            new AvroTypeInfo<>(MeterAggregate.class);
    public static final TypeInformation<GroupAggregate> GROUP_AGGREGATE =
            new AvroTypeInfo<>(GroupAggregate.class);
    public static final TypeInformation<Anomaly> ANOMALY = new AvroTypeInfo<>(Anomaly.class);
    public static final TypeInformation<Either<DeadLetter, MeterReading>> DECODED =
            new EitherTypeInfo<>(DEAD_LETTER, READING);

    private ReadingTypes() {}
}
