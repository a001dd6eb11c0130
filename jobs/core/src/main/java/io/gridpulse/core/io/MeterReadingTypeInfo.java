package io.gridpulse.core.io;

import io.gridpulse.schema.MeterReading;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Type information that gives readings the hand-written {@link MeterReadingSerializer}. */
public final class MeterReadingTypeInfo extends TypeInformation<MeterReading> {

    private static final long serialVersionUID = 1L;

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<MeterReading> getTypeClass() {
        return MeterReading.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<MeterReading> createSerializer(SerializerConfig config) {
        return MeterReadingSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "MeterReading";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MeterReadingTypeInfo;
    }

    @Override
    public int hashCode() {
        return MeterReadingTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof MeterReadingTypeInfo;
    }
}
