package io.gridpulse.bench.jmh;

import io.gridpulse.bench.pipeline.SyntheticReadings;
import io.gridpulse.core.io.MeterReadingKafkaDeserializer;
import io.gridpulse.core.vee.ReadingRules;
import io.gridpulse.core.vee.Rejection;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.schema.SchemaHistory;
import java.util.concurrent.TimeUnit;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.flink.types.Either;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding one Kafka value (single-object encoding) into a reading: the job's deserializer against
 * Avro's own {@code BinaryMessageDecoder}, which the deserializer used for every value before its
 * current-schema fast path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.gridpulse.schema")
public class ReadingDecodeBenchmark {

    private static final int VALUES = 1024;

    private byte[][] values;
    private int next;
    private MeterReadingKafkaDeserializer deserializer;
    private BinaryMessageDecoder<MeterReading> avroDecoder;
    private MeterReading[] decoded;
    private ReadingRules rules;

    @Setup
    public void setUp() {
        values = new SyntheticReadings(VALUES, VALUES * 4L).encodeAll();
        deserializer = new MeterReadingKafkaDeserializer();
        avroDecoder = MeterReading.createDecoder(SchemaHistory.store());
        decoded = new MeterReading[VALUES];
        for (int i = 0; i < VALUES; i++) {
            decoded[i] = deserializer.decode(values[i], "meter-readings", 0, 0L, 0L).right();
        }
        rules = ReadingRules.defaults();
    }

    private byte[] nextValue() {
        next = (next + 1) & (VALUES - 1);
        return values[next];
    }

    @Benchmark
    public Either<DeadLetter, MeterReading> deserializer() {
        return deserializer.decode(nextValue(), "meter-readings", 0, 0L, 0L);
    }

    /** The validation rules alone (VEE's share of the source's per-record work). */
    @Benchmark
    public Rejection readingRules() {
        next = (next + 1) & (VALUES - 1);
        return rules.check(decoded[next], System.currentTimeMillis());
    }

    @Benchmark
    public MeterReading avroBinaryMessageDecoder() throws Exception {
        return avroDecoder.decode(nextValue());
    }
}
