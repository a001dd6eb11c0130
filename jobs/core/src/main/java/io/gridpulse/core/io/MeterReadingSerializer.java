package io.gridpulse.core.io;

import io.gridpulse.schema.MeterReading;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's serializer for readings on the keyBy shuffle and between chained operators, written by
 * hand because it is the hottest path of the job: flink-avro's serializer goes through Avro's
 * generic datum writer and reader (schema walks, logical-type conversions, Utf8 buffers) and copies
 * with a deep copy, which cost most of the source thread.
 *
 * <p>Layout: the three ids as UTF-8, the timestamp as epoch milliseconds (the schema's own
 * precision: {@link MeterReading} truncates to milliseconds, and Avro would too), the two doubles,
 * and a flags byte (bit 0: a voltage follows, bit 1: estimated) plus the optional voltage. A
 * reading that is not estimated is written as before the flag existed. Copies are shallow because
 * every field is immutable.
 *
 * <p>Readings never live in keyed or operator state (the meter stage keeps {@code PendingReadings}
 * arrays), so this layout only has to agree between the tasks of one running job (and its
 * unaligned-checkpoint buffers). When {@code MeterReading} gains a field, add it here and give the
 * changed layout a new snapshot class, so a restore can tell the two apart.
 */
public final class MeterReadingSerializer extends TypeSerializerSingleton<MeterReading> {

    private static final long serialVersionUID = 1L;

    public static final MeterReadingSerializer INSTANCE = new MeterReadingSerializer();

    private static final int VOLTAGE = 1;
    private static final int ESTIMATED = 2;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public MeterReading createInstance() {
        return new MeterReading();
    }

    @Override
    public MeterReading copy(MeterReading from) {
        MeterReading copy = new MeterReading();
        copy.setMeterId(from.getMeterId());
        copy.setFeederId(from.getFeederId());
        copy.setDistrictId(from.getDistrictId());
        copy.setTimestamp(from.getTimestamp());
        copy.setActiveEnergyWh(from.getActiveEnergyWh());
        copy.setAveragePowerW(from.getAveragePowerW());
        copy.setVoltageV(from.getVoltageV());
        copy.setEstimated(from.getEstimated());
        return copy;
    }

    @Override
    public MeterReading copy(MeterReading from, MeterReading reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(MeterReading reading, DataOutputView out) throws IOException {
        writeString(reading.getMeterId(), out);
        writeString(reading.getFeederId(), out);
        writeString(reading.getDistrictId(), out);
        out.writeLong(reading.getTimestamp().toEpochMilli());
        out.writeDouble(reading.getActiveEnergyWh());
        out.writeDouble(reading.getAveragePowerW());
        Double voltage = reading.getVoltageV();
        out.writeByte((voltage != null ? VOLTAGE : 0) | (reading.getEstimated() ? ESTIMATED : 0));
        if (voltage != null) {
            out.writeDouble(voltage);
        }
    }

    @Override
    public MeterReading deserialize(DataInputView in) throws IOException {
        MeterReading reading = new MeterReading();
        reading.setMeterId(readString(in));
        reading.setFeederId(readString(in));
        reading.setDistrictId(readString(in));
        reading.setTimestamp(Instant.ofEpochMilli(in.readLong()));
        reading.setActiveEnergyWh(in.readDouble());
        reading.setAveragePowerW(in.readDouble());
        int flags = in.readUnsignedByte();
        reading.setVoltageV((flags & VOLTAGE) != 0 ? in.readDouble() : null);
        reading.setEstimated((flags & ESTIMATED) != 0);
        return reading;
    }

    @Override
    public MeterReading deserialize(MeterReading reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    /**
     * UTF-8 bytes after their count as an unsigned varint. Not Flink's {@code StringValue}: its
     * reader looks up a thread-local buffer per string, which was the window task's single largest
     * cost after this serializer replaced Avro's. The ids are never null (the schema says string,
     * not a union).
     */
    private static void writeString(String value, DataOutputView out) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int length = bytes.length;
        while (length >= 0x80) {
            out.writeByte(length & 0x7F | 0x80);
            length >>>= 7;
        }
        out.writeByte(length);
        out.write(bytes);
    }

    private static String readString(DataInputView in) throws IOException {
        int length = 0;
        for (int shift = 0; ; shift += 7) {
            int next = in.readUnsignedByte();
            length |= (next & 0x7F) << shift;
            if (next < 0x80) {
                break;
            }
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public TypeSerializerSnapshot<MeterReading> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer (stateless, so the snapshot is just its class name). */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<MeterReading> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
