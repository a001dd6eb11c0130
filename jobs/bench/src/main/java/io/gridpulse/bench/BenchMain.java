package io.gridpulse.bench;

import io.gridpulse.simulator.SimulationConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The GridPulse benchmark: generates N readings once, then measures on the same data the Kafka
 * ceiling, the live path, the replay path, the plain-InfluxDB alternative, latency and state per
 * meter, and writes BENCHMARKS.md. Run it through {@code scripts/bench}, which starts Kafka and
 * InfluxDB.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "GridPulse end-to-end benchmark")
public final class BenchMain implements Callable<Integer> {

    @Option(
            names = "--readings",
            defaultValue = "10000000",
            description = "N, readings in the throughput runs.")
    long readings;

    @Option(
            names = "--meters",
            defaultValue = "10000",
            description = "Meters in the throughput runs.")
    int meters;

    @Option(
            names = "--runs",
            defaultValue = "3",
            description = "Repetitions of each throughput figure.")
    int runs;

    @Option(
            names = "--state-meters",
            split = ",",
            defaultValue = "100000,1000000",
            description = "Meter counts for the state-size runs.")
    List<Integer> stateMeters;

    @Option(
            names = "--latency-seconds",
            defaultValue = "20",
            description = "Wall time of each latency run (at least 60 reading steps).")
    int latencySeconds;

    /** The figures a run can measure; profiling one path at a time is the main use of choosing. */
    enum Figure {
        CEILING,
        LIVE,
        REPLAY,
        ALTERNATIVE,
        LATENCY,
        STATE,
        DASHBOARD
    }

    @Option(
            names = "--only",
            split = ",",
            defaultValue = "CEILING,LIVE,REPLAY,ALTERNATIVE,LATENCY,STATE,DASHBOARD",
            description =
                    "Figures to measure (default all): ${COMPLETION-CANDIDATES}. Ratios need both of their figures;"
                            + " LATENCY runs at half the live rate (or --latency-rate).")
    java.util.EnumSet<Figure> only;

    @Option(
            names = "--dashboard-refreshes",
            defaultValue = "36",
            description =
                    "Page refreshes timed for the DASHBOARD figures (after 3 not counted); 36 = 3 minutes of a page.")
    int dashboardRefreshes;

    @Option(
            names = "--latency-rate",
            description = "Readings/s of the latency run, instead of half the live rate.")
    Double latencyRate;

    @Option(names = "--kafka-bootstrap", defaultValue = "127.0.0.1:9092")
    String bootstrap;

    @Option(names = "--influx-url", defaultValue = "http://127.0.0.1:8086")
    String influxUrl;

    @Option(
            names = "--work-dir",
            defaultValue = ".run/bench",
            description = "Generated data, checkpoints, savepoints.")
    Path workDir;

    @Option(
            names = "--flink-conf",
            defaultValue = "flink-conf",
            description = "Directory of config.yaml.")
    Path flinkConf;

    @Option(
            names = "--output",
            description = "Write the report here (e.g. BENCHMARKS.md) as well as to stdout.")
    Path output;

    @Option(
            names = "--command",
            defaultValue = "scripts/bench",
            description = "The command line to record.")
    String command;

    public static void main(String[] args) {
        // scripts/bench passes its defaults first; a repeated option on the command line overrides
        // them.
        System.exit(
                new CommandLine(new BenchMain()).setOverwrittenOptionsAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (only.contains(Figure.LATENCY) && !only.contains(Figure.LIVE) && latencyRate == null) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this),
                    "LATENCY runs at half the live rate: measure LIVE too, or give --latency-rate");
        }
        Files.createDirectories(workDir);
        BenchData data = new BenchData(bootstrap, workDir);
        SimulationConfig simulation = BenchData.simulation(readings, meters, Duration.ofMinutes(1));
        long n = simulation.expectedReadings();
        // The N readings feed the throughput figures only: LATENCY or STATE alone does not need
        // them generated.
        boolean throughput =
                only.stream().anyMatch(figure -> figure.compareTo(Figure.ALTERNATIVE) <= 0);
        String topic = throughput ? data.topic("bench-readings", simulation) : null;
        List<Path> files = throughput ? data.avroFiles(simulation) : List.of();

        Stats ceiling = new Stats();
        Stats live = new Stats();
        Stats liveOverCeiling = new Stats();
        Stats replay = new Stats();
        Stats alternativeSeconds = new Stats();
        Stats alternativeRatio = new Stats();
        Report report = new Report();
        try (FlinkCluster cluster = new FlinkCluster(flinkConf, workDir)) {
            for (int run = 1; run <= runs; run++) {
                if (only.contains(Figure.CEILING)) {
                    ceiling.add(KafkaCeiling.measure(bootstrap, topic, n));
                    Log.info("ceiling run %d: %,.0f readings/s", run, ceiling.last());
                }
                if (only.contains(Figure.LIVE)) {
                    live.add(LivePath.measure(cluster, bootstrap, influxUrl, topic, n, run));
                    if (only.contains(Figure.CEILING)) {
                        liveOverCeiling.add(live.last() / ceiling.last());
                    }
                }
                if (only.contains(Figure.REPLAY)) {
                    replay.add(ReplayPath.measure(cluster, influxUrl, files, n, run));
                }
                if (only.contains(Figure.ALTERNATIVE)) {
                    InfluxAlternative.Result alt =
                            InfluxAlternative.measure(
                                    influxUrl, files, simulation.start(), simulation.end(), run);
                    alternativeSeconds.add(alt.totalSeconds());
                    if (only.contains(Figure.LIVE)) {
                        alternativeRatio.add(alt.totalSeconds() / (n / live.last()));
                    }
                }
            }
            report.figure(
                    "Kafka ceiling: consume + Avro decode, 2 threads",
                    ceiling,
                    "readings/s",
                    "%,.0f",
                    "",
                    null);
            report.figure(
                    "live path: Kafka -> pipeline -> InfluxDB",
                    live,
                    "readings/s",
                    "%,.0f",
                    ">= 500,000",
                    live.isEmpty() ? null : live.median() >= 500_000);
            report.figure(
                    "live path / ceiling (same run)",
                    liveOverCeiling,
                    "ratio",
                    "%.2f",
                    ">= 0.5",
                    liveOverCeiling.isEmpty() ? null : liveOverCeiling.median() >= 0.5);
            report.figure(
                    "replay path: Avro files -> pipeline -> InfluxDB (BATCH)",
                    replay,
                    "readings/s",
                    "%,.0f",
                    ">= 1,000,000",
                    replay.isEmpty() ? null : replay.median() >= 1_000_000);
            report.figure(
                    "plain InfluxDB: write raw + InfluxQL 15-min energy",
                    alternativeSeconds,
                    "s",
                    "%.1f",
                    "",
                    null);
            report.figure(
                    "plain InfluxDB time / live path time",
                    alternativeRatio,
                    "ratio",
                    "%.2f",
                    ">= 5",
                    alternativeRatio.isEmpty() ? null : alternativeRatio.median() >= 5);

            double rate =
                    latencyRate != null ? latencyRate : live.isEmpty() ? 0 : live.median() / 2;
            List<LatencyRun.Result> latencies = new ArrayList<>();
            if (only.contains(Figure.LATENCY) && rate > 0) {
                Stats p50 = new Stats();
                Stats p99 = new Stats();
                Stats max = new Stats();
                // Run 0 warms up and is not counted: a monitoring job runs for days, and its first
                // minute in a fresh JVM
                // (classes loading, code compiling, the source joining its topic) is no measure of
                // its latency.
                for (int run = 0; run <= runs; run++) {
                    LatencyRun.Result latency =
                            LatencyRun.measure(
                                    cluster,
                                    data,
                                    bootstrap,
                                    influxUrl,
                                    meters,
                                    rate,
                                    Duration.ofSeconds(latencySeconds),
                                    run);
                    if (run == 0) {
                        Log.info(
                                "latency warm-up run (not counted) at %,.0f readings/s (offered %,.0f/s): p50 %.0f ms, p99 %.0f"
                                        + " ms",
                                rate, latency.offeredRate(), latency.p50Ms(), latency.p99Ms());
                        continue;
                    }
                    Log.info(
                            "latency run %d at %,.0f readings/s (offered %,.0f/s): p50 %.0f ms, p99 %.0f ms, max %.0f ms over"
                                    + " %d anomalies closed by %d quarter hours (%d missing, %d unexpected); on the client's clock p50"
                                    + " %.0f ms, p99 %.0f ms",
                            run,
                            rate,
                            latency.offeredRate(),
                            latency.p50Ms(),
                            latency.p99Ms(),
                            latency.maxMs(),
                            latency.anomalies(),
                            latency.quarters(),
                            latency.missing(),
                            latency.unexpected(),
                            latency.clientP50Ms(),
                            latency.clientP99Ms());
                    // A latency that grows from quarter to quarter means the job falls behind: the
                    // rate is not sustainable.
                    Log.info(
                            "latency run %d, median per quarter hour in order (ms): %s",
                            run,
                            latency.quarterMediansMs().stream()
                                    .map(String::valueOf)
                                    .collect(Collectors.joining(" ")));
                    if (latency.offeredRate() < 0.95 * rate) {
                        Log.info(
                                "WARNING: the producer offered only %,.0f of %,.0f readings/s (the machine is busy?)",
                                latency.offeredRate(), rate);
                    }
                    latencies.add(latency);
                    p50.add(latency.p50Ms());
                    p99.add(latency.p99Ms());
                    max.add(latency.maxMs());
                }
                String what =
                        "reading closing a quarter hour -> its anomaly event on the anomaly topic";
                report.figure("latency p50, " + what, p50, "ms", "%.0f", "", null);
                report.figure(
                        "latency p99, " + what, p99, "ms", "%.0f", "<= 250", p99.median() <= 250);
                report.figure("latency max, " + what, max, "ms", "%.0f", "", null);
            }

            for (int stateMeterCount :
                    only.contains(Figure.STATE) ? stateMeters : List.<Integer>of()) {
                StateRun.Result state =
                        StateRun.measure(cluster, data, bootstrap, workDir, stateMeterCount);
                report.single(
                        String.format(
                                "keyed state per meter, %,d meters (savepoint bytes / meters)",
                                stateMeterCount),
                        state.stateBytesPerMeter(),
                        "bytes",
                        "%,.0f",
                        "<= 2,048",
                        state.stateBytesPerMeter() <= 2048);
                report.single(
                        String.format(
                                "heap per meter, %,d meters (heap growth after GC / meters)",
                                stateMeterCount),
                        state.heapBytesPerMeter(),
                        "bytes",
                        "%,.0f",
                        "",
                        null);
            }
            DashboardCost.Result dashboard = null;
            if (only.contains(Figure.DASHBOARD)) {
                // Over what the last live run wrote (bench_live); the live runs come first in the
                // same order here.
                dashboard = DashboardCost.measure(influxUrl, LivePath.DATABASE, dashboardRefreshes);
                String over =
                        String.format(
                                Locale.ROOT,
                                "%,d meters, %.1f h",
                                dashboard.meters(),
                                dashboard.hoursOfData());
                for (Map.Entry<String, Stats> endpoint : dashboard.endpointMs().entrySet()) {
                    report.figure(
                            "dashboard: /api/" + endpoint.getKey() + " (" + over + "), per request",
                            endpoint.getValue(),
                            "ms",
                            "%.1f",
                            "",
                            null);
                }
                report.figure(
                        "dashboard: one page refresh, every endpoint one after another",
                        dashboard.refreshMs(),
                        "ms",
                        "%.0f",
                        "",
                        null);
                if (dashboard.influxCpuMsPerRefresh() != null) {
                    double share =
                            dashboard.influxCpuMsPerRefresh()
                                    / DashboardCost.DEFAULT_REFRESH.toMillis();
                    report.single(
                            "dashboard: influxd CPU per page refresh",
                            dashboard.influxCpuMsPerRefresh(),
                            "ms",
                            "%.0f",
                            "",
                            null);
                    report.single(
                            "dashboard: influxd CPU at the default refresh (every 5 s), one open page, of one core",
                            100 * share,
                            "%",
                            "%.1f",
                            "<= 5",
                            share <= 0.05);
                }
                if (dashboard.influxCpuMsPerRefresh() == null) {
                    Log.info(
                            "WARNING: not exactly one influxd process on this machine: its CPU per refresh is not reported");
                }
                Log.info(
                        "dashboard: %d refreshes over %s in %s, district %s, meter %s",
                        dashboard.refreshes(),
                        over,
                        LivePath.DATABASE,
                        dashboard.district(),
                        dashboard.meter());
            }
            describe(report, rate, latencies, dashboard);
        }
        String markdown = report.render(command, n, meters, runs, throughput);
        System.out.println(markdown);
        if (output != null) {
            Files.writeString(output, markdown);
            Log.info("wrote %s", output);
        }
        return 0;
    }

    /** Explains every figure; only those measured in this run. */
    private void describe(
            Report report,
            double rate,
            List<LatencyRun.Result> latencies,
            DashboardCost.Result dashboard) {
        if (only.contains(Figure.CEILING)) {
            report.note(
                    "Kafka ceiling: one KafkaConsumer per partition reads the topic from the start and decodes each value"
                            + " (Avro single-object encoding) into a MeterReading, nothing else.");
        }
        if (only.contains(Figure.LIVE)) {
            report.note(
                    "Live path: the monitor job's production source and sinks (KafkaSource, bounded at the latest offsets;"
                            + " InfluxDB sink; dead-letter KafkaSink) in an embedded MiniCluster (1 TaskManager, 2 slots, parallelism 2)"
                            + " configured by flink-conf/config.yaml; N / Flink's net job run time.");
        }
        if (only.contains(Figure.REPLAY)) {
            report.note(
                    "Replay path: the same energy pipeline in BATCH execution mode over two Avro container files, writing"
                            + " to InfluxDB; N / net job run time.");
        }
        if (only.contains(Figure.ALTERNATIVE)) {
            report.note(
                    "Plain InfluxDB: two threads write the N raw readings (batches of 5,000 points) into InfluxDB, then"
                            + " `"
                            + InfluxAlternative.QUERY.replace("'%s'", "<range>")
                            + "` computes the 15-minute energy per meter"
                            + " (read in chunks). Ratio = (write + query time) / (N / live-path rate) of the same run.");
        }
        if (!latencies.isEmpty()) {
            LatencyRun.Result first = latencies.get(0);
            report.note(
                    String.format(
                            Locale.ROOT,
                            "Latency: the monitor job as production wires it (Kafka source,"
                                    + " InfluxDB and Kafka sinks, flink-conf/config.yaml with its checkpoints, %s anomaly events) on fresh topics,"
                                    + " while the readings of %,d meters are appended at %,.0f readings/s (half the median live rate, unless"
                                    + " --latency-rate; offered per run: %s) for %s s per run, after one run that warms up and is not counted."
                                    + " Chosen meters report %.0f V in every reading"
                                    + " of chosen quarter hours, so that each opens one VOLTAGE anomaly when its quarter hour closes (quarter"
                                    + " hours closing in the first fifth of a run carry none). Per anomaly, from the broker's append time of the"
                                    + " reading that closes the quarter hour to the broker's append time of the anomaly's OPEN event on the"
                                    + " anomaly topic (both topics use LogAppendTime: one clock; the events are read back during the run by a"
                                    + " read_committed consumer). The closing reading: in each partition the first reading at least the"
                                    + " watermark's out-of-orderness + 1 ms past the quarter's end moves that partition's watermark past the end,"
                                    + " and the watermark is the minimum over partitions, so the last of those to be appended closes the quarter."
                                    + " p50 / p99 / max per run over its anomalies (%s), then min / median / max over the runs. Per run, p50 /"
                                    + " p99 / max ms: %s.",
                            first.guarantee().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                            meters,
                            rate,
                            joined(
                                    latencies,
                                    r -> String.format(Locale.ROOT, "%,.0f", r.offeredRate())),
                            joined(latencies, r -> String.format(Locale.ROOT, "%.0f", r.seconds())),
                            first.voltageV(),
                            joined(
                                    latencies,
                                    r ->
                                            String.format(
                                                    Locale.ROOT,
                                                    "%d anomalies closed by %d quarter hours, %d missing",
                                                    r.anomalies(),
                                                    r.quarters(),
                                                    r.missing())),
                            joined(
                                    latencies,
                                    r ->
                                            String.format(
                                                    Locale.ROOT,
                                                    "%.0f / %.0f / %.0f",
                                                    r.p50Ms(),
                                                    r.p99Ms(),
                                                    r.maxMs()))));
        }
        if (only.contains(Figure.STATE)) {
            report.note(
                    "State: 5-minute readings for 20 minutes, so every meter has crossed a quarter-hour boundary and"
                            + " holds its previous register plus an open quarter-hour and hour; savepoint (canonical format) bytes and"
                            + " heap growth after a full GC, each divided by the meter count; sinks discard in this run. Heap state"
                            + " backend, as in flink-conf/config.yaml.");
        }
        if (dashboard != null) {
            report.note(
                    String.format(
                            Locale.ROOT,
                            "Dashboard: the operators' dashboard server in this JVM over the last"
                                    + " live run's InfluxDB database (%,d meters, %.1f hours of quarter hours), district %s, meter %s, default"
                                    + " range (a day ending at the newest data). A page refresh calls every endpoint the page calls (config,"
                                    + " overview, feeders, demand, daily, anomalies, quality, the meter's drill-down; health asks Flink, not"
                                    + " InfluxDB, and is left out), here one after another; %d refreshes timed after 3 not counted, the server's"
                                    + " clock moved on 5 s at each (so its caches expire as for an open page); min / median / max over the"
                                    + " refreshes. influxd CPU: its user + system time from /proc/<pid>/stat over the timed"
                                    + " refreshes, divided by their count; the share is that over the default 5 s refresh, of one core.",
                            dashboard.meters(),
                            dashboard.hoursOfData(),
                            dashboard.district(),
                            dashboard.meter(),
                            dashboard.refreshes()));
        }
    }

    /** One text per run, joined with semicolons. */
    private static String joined(
            List<LatencyRun.Result> results, Function<LatencyRun.Result, String> text) {
        return String.join("; ", results.stream().map(text).toList());
    }
}
