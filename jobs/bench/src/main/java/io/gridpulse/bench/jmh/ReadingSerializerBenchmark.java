package io.gridpulse.bench.jmh;

import io.gridpulse.bench.pipeline.SyntheticReadings;
import io.gridpulse.core.io.MeterReadingSerializer;
import io.gridpulse.schema.MeterReading;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a reading costs on the keyBy shuffle (serialize + deserialize) and between chained operators
 * without object reuse (copy): flink-avro's {@code AvroSerializer} against the hand-written {@link
 * MeterReadingSerializer}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.gridpulse.schema")
public class ReadingSerializerBenchmark {

    @Param({"avro", "hand-written"})
    public String serializer;

    private TypeSerializer<MeterReading> typeSerializer;
    private MeterReading reading;
    private final DataOutputSerializer out = new DataOutputSerializer(256);
    private final DataInputDeserializer in = new DataInputDeserializer();

    @Setup
    public void setUp() {
        typeSerializer =
                serializer.equals("avro")
                        ? new AvroTypeInfo<>(MeterReading.class)
                                .createSerializer(new SerializerConfigImpl())
                        : MeterReadingSerializer.INSTANCE;
        reading = new SyntheticReadings(2, 2).reading(1);
    }

    @Benchmark
    public MeterReading roundTrip() throws IOException {
        out.clear();
        typeSerializer.serialize(reading, out);
        in.setBuffer(out.getSharedBuffer(), 0, out.length());
        return typeSerializer.deserialize(in);
    }

    @Benchmark
    public MeterReading copy() {
        return typeSerializer.copy(reading);
    }
}
