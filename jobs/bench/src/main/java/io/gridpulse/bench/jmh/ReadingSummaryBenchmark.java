package io.gridpulse.bench.jmh;

import io.gridpulse.bench.pipeline.SyntheticReadings;
import io.gridpulse.core.window.ReadingSummarizer;
import io.gridpulse.core.window.ReadingSummary;
import io.gridpulse.schema.MeterReading;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Folding one meter's quarter hour (15 readings) into a window summary; reported per reading. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.gridpulse.schema")
public class ReadingSummaryBenchmark {

  private static final int READINGS_PER_QUARTER = 15;

  private final ReadingSummarizer summarizer = new ReadingSummarizer();
  private MeterReading[] quarter;

  @Setup
  public void setUp() {
    SyntheticReadings data = new SyntheticReadings(2, 2L * READINGS_PER_QUARTER);
    quarter = new MeterReading[READINGS_PER_QUARTER];
    for (int i = 0; i < READINGS_PER_QUARTER; i++) {
      quarter[i] = data.reading(i);
    }
  }

  @Benchmark
  @OperationsPerInvocation(READINGS_PER_QUARTER)
  public ReadingSummary summarizeQuarter() {
    ReadingSummary summary = summarizer.createAccumulator();
    for (MeterReading reading : quarter) {
      summary = summarizer.add(reading, summary);
    }
    return summary;
  }
}
