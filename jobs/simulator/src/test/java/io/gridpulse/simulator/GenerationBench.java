package io.gridpulse.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Not a test: a small benchmark of the generator (run by hand, see the module notes). Runs the
 * default scenario (1000 households x 1 day of 1-minute readings = 1.44M readings) several times in
 * one JVM into a discarding sink and into Avro files, so the first (cold: class loading, JIT) and
 * the warmed-up rates can be told apart.
 *
 * <pre>
 * java -cp target/gridpulse-simulator-*-all.jar:target/test-classes io.gridpulse.simulator.GenerationBench [runs] [dir]
 * </pre>
 */
public final class GenerationBench {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir =
                args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("gridpulse-bench");
        SimulationConfig config = SimulationConfig.defaults();
        measure("discard", runs, () -> new DiscardingSink(), config);
        for (String codec : new String[] {"null", "snappy", "deflate", "zstandard"}) {
            Path file = dir.resolve("readings-" + codec + ".avro");
            measure("avro " + codec, runs, () -> new AvroFileSink(file, codec), config);
            System.out.printf(
                    Locale.ROOT,
                    "  file %s: %,d bytes (%.1f bytes/reading)%n",
                    file,
                    Files.size(file),
                    (double) Files.size(file) / config.expectedReadings());
        }
    }

    private static void measure(
            String label,
            int runs,
            java.util.function.Supplier<ReadingSink> sinks,
            SimulationConfig config) {
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            long readings;
            try (ReadingSink sink = sinks.get()) {
                readings = new Simulation(config).run(sink).readings();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "%-16s run %d: %,d readings in %.3f s = %,.0f readings/s%n",
                    label,
                    run,
                    readings,
                    seconds,
                    readings / seconds);
        }
    }
}
