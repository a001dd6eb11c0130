package io.gridpulse.bench;

import java.lang.management.ManagementFactory;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BENCHMARKS.md: the machine, the input, every figure with min / median / max, and the command that
 * made it.
 */
final class Report {

    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void figure(String name, Stats stats, String unit, String format, String target, Boolean met) {
        if (stats.isEmpty()) {
            return;
        }
        rows.add(
                String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %s | %s | %s | %s |",
                        name,
                        fmt(format, stats.min()),
                        fmt(format, stats.median()),
                        fmt(format, stats.max()),
                        unit,
                        target,
                        met == null ? "" : met ? "met" : "not yet"));
    }

    void single(String name, double value, String unit, String format, String target, Boolean met) {
        Stats stats = new Stats();
        stats.add(value);
        figure(name, stats, unit, format, target, met);
    }

    void note(String text) {
        notes.add(text);
    }

    /**
     * The whole report; {@code throughput} says whether the N readings were used (else only their
     * meters are).
     */
    String render(String command, long readings, int meters, int runs, boolean throughput) {
        StringBuilder out = new StringBuilder();
        out.append("# GridPulse benchmarks\n\n");
        out.append("Written by the benchmark itself; do not edit by hand. Rerun with:\n\n```\n")
                .append(command)
                .append("\n```\n\n");
        out.append("## Machine\n\n");
        out.append(
                String.format(
                        Locale.ROOT,
                        "- %d cores, %.1f GiB memory, %s %s (%s)%n",
                        Runtime.getRuntime().availableProcessors(),
                        totalMemoryGib(),
                        System.getProperty("java.vm.name"),
                        System.getProperty("java.runtime.version"),
                        System.getProperty("os.name") + " " + System.getProperty("os.version")));
        out.append(
                String.format(
                        Locale.ROOT,
                        "- benchmark JVM: %s%n",
                        String.join(
                                " ",
                                ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                                        .filter(arg -> arg.startsWith("-X"))
                                        .toList())));
        out.append("- run at ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append("\n\n");
        out.append("## Input\n\n");
        if (throughput) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "N = %,d simulated readings of %,d meters (one reading per meter and minute), in a Kafka topic with 2"
                                    + " partitions and in 2 Avro files; %d run(s) of each throughput figure, interleaved.%n%n",
                            readings,
                            meters,
                            runs));
        } else {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "No throughput figure in this run: the runs below generate their own"
                                    + " readings (%,d meters, %d run(s) of latency), as described under each figure.%n%n",
                            meters,
                            runs));
        }
        out.append("## Results\n\n");
        out.append("| figure | min | median | max | unit | target | status |\n");
        out.append("|---|---:|---:|---:|---|---|---|\n");
        rows.forEach(row -> out.append(row).append('\n'));
        out.append("\n## How each figure is measured\n\n");
        notes.forEach(note -> out.append("- ").append(note).append('\n'));
        return out.toString();
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }

    private static double totalMemoryGib() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024.0 * 1024 * 1024);
        }
        return Double.NaN;
    }
}
