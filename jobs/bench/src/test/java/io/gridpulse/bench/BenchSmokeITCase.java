package io.gridpulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.testkit.EmbeddedKafka;
import io.gridpulse.testkit.InfluxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Keeps scripts/bench from rotting: the whole benchmark with a tiny N against a real broker and a
 * real influxd. It checks that every figure is measured and reported, never how fast (timed
 * assertions are flaky on shared machines).
 */
class BenchSmokeITCase {

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
    @RegisterExtension static final InfluxServer INFLUX = new InfluxServer();

    @TempDir Path workDir;

    @Test
    void shouldMeasureAndReportEveryFigure() throws Exception {
        Path report = workDir.resolve("BENCHMARKS.md");

        int exit =
                new CommandLine(new BenchMain())
                        .execute(
                                "--readings",
                                "20000",
                                "--meters",
                                "200",
                                "--runs",
                                "1",
                                "--state-meters",
                                "2000",
                                "--latency-seconds",
                                "3",
                                "--kafka-bootstrap",
                                KAFKA.bootstrapServers(),
                                "--influx-url",
                                INFLUX.url(),
                                "--work-dir",
                                workDir.toString(),
                                "--flink-conf",
                                Path.of("../../flink-conf").toString(),
                                "--output",
                                report.toString(),
                                "--command",
                                "smoke test");

        assertThat(exit).isZero();
        String markdown = Files.readString(report);
        assertThat(markdown)
                .contains(
                        "| Kafka ceiling",
                        "| live path: Kafka",
                        "| live path / ceiling",
                        "| replay path",
                        "| plain InfluxDB: write raw",
                        "| plain InfluxDB time / live path time",
                        "| latency p50",
                        "| latency p99",
                        "| latency max",
                        "| keyed state per meter, 2,000 meters",
                        "| heap per meter, 2,000 meters",
                        "| dashboard: /api/overview (200 meters",
                        "| dashboard: one page refresh");
        // Every planted VOLTAGE anomaly reached the anomaly topic, and latency was measured to it.
        assertThat(markdown)
                .contains("its anomaly event on the anomaly topic", "quarter hours, 0 missing");
        assertThat(markdown).contains("N = 20,000 simulated readings of 200 meters");
    }
}
