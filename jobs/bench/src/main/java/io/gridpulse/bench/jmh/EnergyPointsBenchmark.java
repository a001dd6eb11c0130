package io.gridpulse.bench.jmh;

import io.gridpulse.core.influx.EnergyPoints;
import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.MeterAggregate;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Mapping a meter aggregate to its InfluxDB point, and that point to line protocol, as the sink
 * does per aggregate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.gridpulse.schema")
public class EnergyPointsBenchmark {

    private MeterAggregate aggregate;

    @Setup
    public void setUp() {
        Instant start = Instant.parse("2026-01-12T10:00:00Z");
        aggregate =
                MeterAggregate.newBuilder()
                        .setMeterId("M004711")
                        .setFeederId("D03-F0094")
                        .setDistrictId("D03")
                        .setWindow(AggregationWindow.QUARTER_HOUR)
                        .setWindowStart(start)
                        .setWindowEnd(start.plusSeconds(900))
                        .setEnergyKwh(0.1234)
                        .setAveragePowerW(493.6)
                        .setMaxPowerW(812.0)
                        .setSampleCount(15)
                        .setExpectedSamples(15)
                        .setCompleteness(1.0)
                        .build();
    }

    @Benchmark
    public Point meterPoint() {
        return EnergyPoints.meter(aggregate);
    }

    @Benchmark
    public String meterLineProtocol() {
        return EnergyPoints.meter(aggregate).lineProtocol();
    }
}
