package io.gridpulse.core.io;

import io.gridpulse.schema.MeterReading;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.SchemaNormalization;

/**
 * The fast path for the common case: a reading in single-object encoding written with the current
 * {@link MeterReading} schema. With writer schema = reader schema the body's layout is fixed (three
 * strings, a long, two doubles, a union of null and double, a boolean), so it is read field by
 * field straight from the byte array, skipping Avro's generic reader (schema walk, logical-type
 * conversion lookups, an input stream and a decoder set-up per value). Any other header goes to
 * Avro's {@code BinaryMessageDecoder}, which resolves older schemas and reports bad headers.
 *
 * <p>Reads Avro's binary encoding (zig-zag varints, little-endian doubles, length-prefixed UTF-8)
 * with Avro's own limits, so it accepts exactly what Avro accepts: {@code
 * MeterReadingKafkaDeserializerTest} checks it against Avro for every truncation and many
 * corruptions. Must stay in step with MeterReading.avsc. Not thread-safe (one per deserializer
 * instance, i.e. per source subtask).
 */
final class CurrentSchemaReadingDecoder {

    /**
     * Single-object encoding: marker 0xC3 0x01, then the writer schema's fingerprint,
     * little-endian.
     */
    private static final int HEADER_LENGTH = 10;

    private static final long CURRENT_FINGERPRINT =
            SchemaNormalization.parsingFingerprint64(MeterReading.getClassSchema());

    private byte[] bytes;
    private int position;

    /** Whether {@code value} announces the current schema (the body may still be corrupt). */
    boolean canDecode(byte[] value) {
        return value.length >= HEADER_LENGTH
                && value[0] == (byte) 0xC3
                && value[1] == (byte) 0x01
                && littleEndianLong(value, 2) == CURRENT_FINGERPRINT;
    }

    /**
     * Reads the body of a value for which {@link #canDecode} is true. A truncated or corrupt body
     * throws {@link IOException}, {@link AvroRuntimeException} or {@link
     * IndexOutOfBoundsException}, like Avro's decoder.
     */
    MeterReading decode(byte[] value) throws IOException {
        bytes = value;
        position = HEADER_LENGTH;
        MeterReading reading = new MeterReading();
        reading.setMeterId(readString());
        reading.setFeederId(readString());
        reading.setDistrictId(readString());
        reading.setTimestamp(Instant.ofEpochMilli(readLong()));
        reading.setActiveEnergyWh(readDouble());
        reading.setAveragePowerW(readDouble());
        reading.setVoltageV(readOptionalDouble());
        reading.setEstimated(readBoolean());
        return reading;
    }

    /** The union ["null", "double"]: branch 0 is null, branch 1 a double. */
    private Double readOptionalDouble() throws IOException {
        int branch = readInt();
        return switch (branch) {
            case 0 -> null;
            case 1 -> readDouble();
            default ->
                    throw new AvroRuntimeException(
                            "Malformed data: union branch " + branch + " of voltageV");
        };
    }

    /** One byte, true when it is 1, as Avro's {@code BinaryDecoder.readBoolean}. */
    private boolean readBoolean() throws IOException {
        require(1);
        return bytes[position++] == 1;
    }

    private String readString() throws IOException {
        int length = readInt();
        if (length < 0) {
            throw new AvroRuntimeException("Malformed data. Length is negative: " + length);
        }
        require(length);
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    private double readDouble() throws IOException {
        require(8);
        double value = Double.longBitsToDouble(littleEndianLong(bytes, position));
        position += 8;
        return value;
    }

    /** A zig-zag varint of at most 5 bytes, as Avro's {@code BinaryDecoder.readInt}. */
    private int readInt() throws IOException {
        int raw = 0;
        for (int shift = 0; ; shift += 7) {
            require(1);
            int next = bytes[position++] & 0xFF;
            raw |= (next & 0x7F) << shift;
            if (next < 0x80) {
                break;
            }
            if (shift == 28) {
                throw new AvroRuntimeException("Invalid int encoding");
            }
        }
        return (raw >>> 1) ^ -(raw & 1);
    }

    /** A zig-zag varint of at most 10 bytes, as Avro's {@code BinaryDecoder.readLong}. */
    private long readLong() throws IOException {
        long raw = 0;
        for (int shift = 0; ; shift += 7) {
            require(1);
            long next = bytes[position++] & 0xFF;
            raw |= (next & 0x7F) << shift;
            if (next < 0x80) {
                break;
            }
            if (shift == 63) {
                throw new AvroRuntimeException("Invalid long encoding");
            }
        }
        return (raw >>> 1) ^ -(raw & 1);
    }

    private void require(int count) throws EOFException {
        if (bytes.length - position < count) {
            throw new EOFException(
                    "MeterReading body ends after " + (position - HEADER_LENGTH) + " bytes");
        }
    }

    private static long littleEndianLong(byte[] bytes, int offset) {
        long result = 0;
        for (int i = 7; i >= 0; i--) {
            result = (result << 8) | (bytes[offset + i] & 0xFF);
        }
        return result;
    }
}
