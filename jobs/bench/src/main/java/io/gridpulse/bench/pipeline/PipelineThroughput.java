package io.gridpulse.bench.pipeline;

import io.gridpulse.core.io.MeterReadingKafkaDeserializer;
import io.gridpulse.core.io.ReadingTypes;
import io.gridpulse.core.pipeline.Outputs;
import io.gridpulse.core.pipeline.PipelineSettings;
import io.gridpulse.core.pipeline.Workflow;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.MeterReading;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;

/**
 * Throughput of the monitor job's operator chain alone: pre-encoded Kafka values are decoded by the
 * production deserializer inside a generator source, run through {@link Workflow} in a local
 * MiniCluster and dropped by counting sinks. No Kafka, no InfluxDB.
 *
 * <pre>
 * java -Xmx6g -cp ... io.gridpulse.bench.pipeline.PipelineThroughput [readings=10000000] [meters=10000] [runs=3]
 *      [--key value Flink options, e.g. --pipeline.object-reuse true]
 * </pre>
 */
public final class PipelineThroughput {

    /**
     * The encoded values, shared with the in-process source readers (MiniCluster runs in this JVM).
     */
    static volatile byte[][] values;

    public static void main(String[] args) throws Exception {
        long readings = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int meters = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Configuration config = new Configuration();
        for (int i = 3; i + 1 < args.length; i += 2) {
            config.setString(args[i].replaceFirst("^--", ""), args[i + 1]);
        }

        SyntheticReadings data = new SyntheticReadings(meters, readings);
        long encodeStart = System.nanoTime();
        values = data.encodeAll();
        System.out.printf(
                "encoded %,d readings of %,d meters in %.1f s; config %s%n",
                readings, meters, (System.nanoTime() - encodeStart) / 1e9, config);

        for (int run = 1; run <= runs; run++) {
            CountingSink.reset();
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.getExecutionEnvironment(config);
            env.setParallelism(2);
            Workflow.define(
                    env,
                    encodedSource(readings),
                    Outputs.builder()
                            .meterAggregates(new CountingSink<>("meter"))
                            .groupAggregates(new CountingSink<>("group"))
                            .deadLetters(new CountingSink<>("dead"))
                            .dataQuality(new CountingSink<>("quality"))
                            .gaps(new CountingSink<>("gaps"))
                            .anomalies(new CountingSink<>("anomaly"))
                            .anomalyEvents(new CountingSink<>("anomalyEvent"))
                            .build(),
                    PipelineSettings.defaults());
            long start = System.nanoTime();
            JobExecutionResult result = env.execute("pipeline throughput");
            double wallSeconds = (System.nanoTime() - start) / 1e9;
            double netSeconds = result.getNetRuntime(TimeUnit.MILLISECONDS) / 1000.0;
            System.out.printf(
                    "run %d: %,.0f readings/s (net %.2f s, wall %.2f s) outputs %s%n",
                    run, readings / netSeconds, netSeconds, wallSeconds, CountingSink.counts());
        }
    }

    private static DataGeneratorSource<Either<DeadLetter, MeterReading>> encodedSource(
            long readings) {
        return new DataGeneratorSource<>(new DecodeEncoded(), readings, ReadingTypes.DECODED);
    }

    /** Hands the source the value at its index, decoded as the Kafka source would decode it. */
    private static final class DecodeEncoded
            implements GeneratorFunction<Long, Either<DeadLetter, MeterReading>> {
        private static final long serialVersionUID = 1L;
        private final MeterReadingKafkaDeserializer deserializer =
                new MeterReadingKafkaDeserializer();

        @Override
        public Either<DeadLetter, MeterReading> map(Long index) {
            int i = index.intValue();
            return deserializer.decode(values[i], "meter-readings", 0, i, 0L);
        }
    }
}
