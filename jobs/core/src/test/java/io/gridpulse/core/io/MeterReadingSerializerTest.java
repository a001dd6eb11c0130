package io.gridpulse.core.io;

import static io.gridpulse.testkit.TestReadings.minutes;
import static io.gridpulse.testkit.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.schema.MeterReading;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.junit.jupiter.api.Test;

/**
 * Flink's own contract checks for serializers: round trips, copies, snapshots and restore,
 * duplicate, equality.
 */
class MeterReadingSerializerTest extends SerializerTestBase<MeterReading> {

    @Override
    protected TypeSerializer<MeterReading> createSerializer() {
        return MeterReadingSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<MeterReading> getTypeClass() {
        return MeterReading.class;
    }

    /**
     * The hand-written serializer and {@code CurrentSchemaReadingDecoder} know MeterReading's
     * fields by heart: when the schema changes, this fails so that both are updated instead of
     * silently dropping the new field.
     */
    @Test
    void shouldKnowEveryFieldOfTheCurrentSchema() {
        assertThat(MeterReading.getClassSchema().getFields())
                .extracting(field -> field.name() + ":" + field.schema())
                .containsExactly(
                        "meterId:{\"type\":\"string\",\"avro.java.string\":\"String\"}",
                        "feederId:{\"type\":\"string\",\"avro.java.string\":\"String\"}",
                        "districtId:{\"type\":\"string\",\"avro.java.string\":\"String\"}",
                        "timestamp:{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}",
                        "activeEnergyWh:\"double\"",
                        "averagePowerW:\"double\"",
                        "voltageV:[\"null\",\"double\"]",
                        "estimated:\"boolean\"");
    }

    @Override
    protected MeterReading[] getTestData() {
        MeterReading withoutVoltage =
                MeterReading.newBuilder(reading("m2", minutes(30), 0.0)).setVoltageV(null).build();
        MeterReading unicode =
                MeterReading.newBuilder(reading("mätare-Ω", minutes(1), -1.5))
                        .setFeederId("")
                        .build();
        MeterReading estimated =
                MeterReading.newBuilder(reading("m3", minutes(45), 12.0))
                        .setEstimated(true)
                        .build();
        return new MeterReading[] {
            reading("m1", minutes(15), 1_234.5), withoutVoltage, unicode, estimated
        };
    }
}
