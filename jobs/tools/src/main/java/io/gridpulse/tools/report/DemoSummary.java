package io.gridpulse.tools.report;

import io.gridpulse.simulator.anomaly.InjectedAnomaly;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.util.ParameterTool;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;

/**
 * Prints what landed in InfluxDB per district and hour (per day for runs over two days) next to the
 * simulator's ground truth, and exits non-zero if any district's total is off by more than the
 * tolerance; then data quality and anomalies, next to the injected faults ({@code faults.csv}) or
 * anomalies ({@code anomalies.csv}) if there are any.
 *
 * <p>Usage: {@code DemoSummary --influx-url URL --database DB --truth-dir DIR [--zone
 * Europe/Helsinki] [--tolerance 0.001] [--reading-interval PT1M] [--kafka-bootstrap HOST:PORT
 * --dead-letter-topic TOPIC --anomaly-topic TOPIC]}
 */
public final class DemoSummary {

    /**
     * Up to this many hours (two days) the district table has a row per hour, above it a row per
     * day.
     */
    static final int MAX_HOURLY_ROWS = 48;

    private DemoSummary() {}

    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        String url = params.get("influx-url", "http://127.0.0.1:8086");
        String database = params.get("database", "gridpulse");
        Path truthDir = Path.of(params.getRequired("truth-dir"));
        ZoneId zone = ZoneId.of(params.get("zone", "Europe/Helsinki"));
        double tolerance = params.getDouble("tolerance", 0.001);

        List<DistrictHour> truth = TruthDistrictHours.read(truthDir);
        InjectedFaults faults =
                Files.exists(truthDir.resolve(InjectedFaults.FILE))
                        ? InjectedFaults.read(truthDir)
                        : null;
        List<InjectedAnomaly> anomalies =
                Files.exists(truthDir.resolve(InjectedAnomalies.FILE))
                        ? InjectedAnomalies.read(truthDir)
                        : null;
        boolean ok;
        try (InfluxDB influx = InfluxDBFactory.connect(url)) {
            // With injected faults or anomalies, some energy is known to be outside the windows:
            // reported with long gaps
            // (a fault, a silent meter), lost to a fault, or never reported (a meter silent to the
            // end of the run).
            Map<String, Double> outsideWindows = new TreeMap<>();
            String outsideNote = "energy of long gaps (data_gap)";
            if (faults != null || anomalies != null) {
                InfluxDistrictHours.unattributedKwh(influx, database)
                        .forEach((d, kwh) -> outsideWindows.merge(d, kwh, Double::sum));
            }
            if (faults != null) {
                faults.lostKwhByDistrict()
                        .forEach((d, kwh) -> outsideWindows.merge(d, kwh, Double::sum));
                outsideNote += " and lost to injected faults";
            }
            if (anomalies != null) {
                InjectedAnomalies.neverReportedKwhByDistrict(anomalies)
                        .forEach((d, kwh) -> outsideWindows.merge(d, kwh, Double::sum));
                outsideNote += " and never reported (a meter silent to the end)";
            }
            ok =
                    print(
                            System.out,
                            InfluxDistrictHours.read(influx, database),
                            truth,
                            zone,
                            tolerance,
                            url,
                            database,
                            outsideWindows,
                            outsideNote);
            // From the first simulated hour: the hour before holds only each meter's anchoring
            // first reading.
            java.time.Instant from =
                    truth.stream()
                            .map(DistrictHour::hourStart)
                            .min(java.util.Comparator.naturalOrder())
                            .orElse(java.time.Instant.EPOCH);
            printCompleteness(System.out, InfluxDistrictHours.completeness(influx, database, from));
            Map<String, Long> outcomes = InfluxDistrictHours.outcomes(influx, database);
            printOutcomes(System.out, outcomes);
            if (faults != null) {
                ok &=
                        printInjected(
                                System.out,
                                faults.expectedOutcomes(
                                        java.time.Duration.parse(
                                                params.get("reading-interval", "PT1M"))),
                                outcomes);
            }
            AnomalyComparison comparison =
                    anomalies == null
                            ? null
                            : AnomalyComparison.of(
                                    anomalies,
                                    InfluxDistrictHours.foundAnomalies(influx, database));
            printAnomalies(
                    System.out, InfluxDistrictHours.anomalies(influx, database), comparison, zone);
        }
        String kafka = params.get("kafka-bootstrap", "127.0.0.1:9092");
        if (params.has("dead-letter-topic")) {
            printDeadLetters(
                    System.out,
                    DeadLetterTopic.readAll(kafka, params.get("dead-letter-topic")),
                    params.get("dead-letter-topic"));
        }
        if (params.has("anomaly-topic")) {
            printAnomalyEvents(
                    System.out,
                    AnomalyTopic.readAll(kafka, params.get("anomaly-topic")),
                    params.get("anomaly-topic"),
                    zone);
        }
        System.exit(ok ? 0 : 1);
    }

    static boolean print(
            PrintStream out,
            List<DistrictHour> measured,
            List<DistrictHour> truth,
            ZoneId zone,
            double tolerance,
            String url,
            String database,
            Map<String, Double> outsideWindowsKwh,
            String outsideNote) {
        Map<String, DistrictHour> measuredByKey =
                measured.stream().collect(Collectors.toMap(DemoSummary::key, Function.identity()));
        Map<String, List<DistrictHour>> truthByDistrict =
                truth.stream()
                        .collect(
                                Collectors.groupingBy(
                                        DistrictHour::district, TreeMap::new, Collectors.toList()));
        DateTimeFormatter hourFormat =
                DateTimeFormatter.ofPattern("EEE dd MMM HH:mm").withZone(zone);

        boolean allWithinTolerance = true;
        out.printf(
                "%nGridPulse demo: what landed in InfluxDB (%s, database %s) next to the simulator's ground truth%n",
                url, database);
        for (Map.Entry<String, List<DistrictHour>> district : truthByDistrict.entrySet()) {
            // A long run (anomaly demo: weeks) gets one row per local day; peak and meters are then
            // the day's highest.
            boolean daily = district.getValue().size() > MAX_HOURLY_ROWS;
            out.printf(
                    "%nDistrict %s (%s in %s)%n",
                    district.getKey(), daily ? "days" : "hours", zone);
            out.printf(
                    "  %-17s %12s %12s %9s %10s %7s%n",
                    daily ? "day" : "hour", "kWh", "truth kWh", "diff %", "peak kW", "meters");
            double measuredTotal = 0;
            double truthTotal = 0;
            int missing = 0;
            Map<Instant, Row> rows = new TreeMap<>();
            for (DistrictHour expected : district.getValue()) {
                DistrictHour actual = measuredByKey.get(key(expected));
                truthTotal += expected.energyKwh();
                if (actual == null) {
                    missing++;
                } else {
                    measuredTotal += actual.energyKwh();
                }
                Instant rowStart =
                        daily
                                ? expected.hourStart()
                                        .atZone(zone)
                                        .truncatedTo(ChronoUnit.DAYS)
                                        .toInstant()
                                : expected.hourStart();
                rows.computeIfAbsent(rowStart, start -> new Row()).add(actual, expected);
            }
            DateTimeFormatter rowFormat =
                    daily ? DateTimeFormatter.ofPattern("EEE dd MMM").withZone(zone) : hourFormat;
            for (Map.Entry<Instant, Row> entry : rows.entrySet()) {
                Row row = entry.getValue();
                if (row.measured == null) {
                    out.printf(
                            "  %-17s %12s %12.3f%n",
                            rowFormat.format(entry.getKey()), "missing", row.truth.energyKwh());
                    continue;
                }
                out.printf(
                        "  %-17s %12.3f %12.3f %9.4f %10.2f %4d/%-3d%s%n",
                        rowFormat.format(entry.getKey()),
                        row.measured.energyKwh(),
                        row.truth.energyKwh(),
                        percentDiff(row.measured.energyKwh(), row.truth.energyKwh()),
                        row.measured.peakDemandKw(),
                        row.measured.meters(),
                        row.truth.meters(),
                        row.missing == 0 ? "" : "  " + row.missing + " h missing");
            }
            double outside = outsideWindowsKwh.getOrDefault(district.getKey(), 0.0);
            if (outside != 0) {
                out.printf(
                        "  %-17s %12.3f %12s   %s%n",
                        "+ outside windows", outside, "", outsideNote);
                measuredTotal += outside;
            }
            double diff = percentDiff(measuredTotal, truthTotal);
            boolean ok = missing == 0 && Math.abs(diff) <= tolerance * 100;
            allWithinTolerance &= ok;
            out.printf(
                    "  %-17s %12.3f %12.3f %9.4f   %s%n",
                    daily ? "total" : "day total",
                    measuredTotal,
                    truthTotal,
                    diff,
                    ok ? "OK (within " + tolerance * 100 + "%)" : "MISMATCH");
        }
        out.printf("%nSee more with InfluxQL, for example:%n");
        java.net.URI influx = java.net.URI.create(url);
        String cli =
                "influx -host "
                        + influx.getHost()
                        + " -port "
                        + influx.getPort()
                        + " -database "
                        + database
                        + " -precision rfc3339 -execute";
        out.printf(
                "  %s \"SELECT sum(energy_kwh) FROM meter_energy WHERE \\\"window\\\"='1h' GROUP BY meter SLIMIT 5\"%n",
                cli);
        out.printf(
                "  %s \"SELECT * FROM feeder_energy WHERE \\\"window\\\"='15m' LIMIT 10\"%n", cli);
        out.printf(
                "%n%s%n",
                allWithinTolerance
                        ? "All districts agree with ground truth."
                        : "Some districts DISAGREE.");
        return allWithinTolerance;
    }

    static void printDeadLetters(
            PrintStream out, List<io.gridpulse.schema.DeadLetter> deadLetters, String topic) {
        out.printf("%nData quality: dead letters in topic %s: %d%n", topic, deadLetters.size());
        deadLetters.stream()
                .collect(
                        Collectors.groupingBy(
                                dead -> dead.getReason().name(),
                                TreeMap::new,
                                Collectors.counting()))
                .forEach((reason, count) -> out.printf("  %-22s %d%n", reason, count));
        deadLetters.stream()
                .limit(5)
                .forEach(
                        dead ->
                                out.printf(
                                        "  e.g. %-14s %s/%d@%d: %s%n",
                                        dead.getReason(),
                                        dead.getSourceTopic(),
                                        dead.getSourcePartition(),
                                        dead.getSourceOffset(),
                                        dead.getMessage()));
    }

    /**
     * Anomalies in InfluxDB per type, open and resolved; or, if the simulator injected some ({@code
     * anomalies.csv}), found next to injected per type with the ones that match and lists of those
     * that do not.
     */
    static void printAnomalies(
            PrintStream out, Map<String, long[]> found, AnomalyComparison comparison, ZoneId zone) {
        long open = found.values().stream().mapToLong(counts -> counts[0]).sum();
        long resolved = found.values().stream().mapToLong(counts -> counts[1]).sum();
        out.printf(
                "%nAnomalies (InfluxDB anomaly): %d, %d open, %d resolved%n",
                open + resolved, open, resolved);
        if (comparison != null) {
            comparison.print(out, zone);
            return;
        }
        if (found.isEmpty()) {
            return;
        }
        out.printf("  %-18s %9s %9s %9s%n", "type", "found", "open", "resolved");
        found.forEach(
                (type, counts) ->
                        out.printf(
                                "  %-18s %,9d %,9d %,9d%n",
                                type, counts[0] + counts[1], counts[0], counts[1]));
    }

    static void printAnomalyEvents(
            PrintStream out, List<io.gridpulse.schema.Anomaly> events, String topic, ZoneId zone) {
        out.printf(
                "%nAnomaly events in topic %s: %d (OPEN and RESOLVED; times in %s)%n",
                topic, events.size(), zone);
        events.stream()
                .limit(5)
                .forEach(event -> out.printf("  e.g. %s%n", AnomalyTopic.line(event, zone)));
    }

    /**
     * Injected (the simulator's ledger) next to found (data_quality); a late copy may count as
     * either.
     */
    static boolean printInjected(
            PrintStream out, Map<String, Long> expected, Map<String, Long> found) {
        out.printf("%nInjected faults (faults.csv) next to what the job found (data_quality)%n");
        out.printf("  %-22s %9s %9s%n", "outcome", "injected", "found");
        boolean allFound = true;
        for (Map.Entry<String, Long> entry : expected.entrySet()) {
            long actual = found.getOrDefault(entry.getKey(), 0L);
            boolean match = actual == entry.getValue();
            if (entry.getKey().equals("LATE") || entry.getKey().equals("DUPLICATE")) {
                // A late copy is LATE once the watermark passed its quarter hour, else caught as a
                // DUPLICATE.
                match =
                        found.getOrDefault("LATE", 0L) + found.getOrDefault("DUPLICATE", 0L)
                                == expected.getOrDefault("LATE", 0L)
                                        + expected.getOrDefault("DUPLICATE", 0L);
            }
            allFound &= match;
            out.printf(
                    "  %-22s %,9d %,9d %s%n",
                    entry.getKey(), entry.getValue(), actual, match ? "" : "  MISMATCH");
        }
        return allFound;
    }

    static void printOutcomes(PrintStream out, Map<String, Long> outcomes) {
        out.printf(
                "%nData quality: readings per outcome (InfluxDB district_energy readings + data_quality)%n");
        outcomes.forEach((outcome, count) -> out.printf("  %-22s %,d%n", outcome, count));
    }

    static void printCompleteness(PrintStream out, Map<String, double[]> byDistrict) {
        out.printf(
                "%nData quality: hourly meter aggregates per district (completeness = readings received / expected)%n");
        out.printf("  %-10s %14s %18s%n", "district", "completeness", "estimated energy");
        byDistrict.forEach(
                (district, values) ->
                        out.printf(
                                "  %-10s %13.2f%% %17.2f%%%n",
                                district, values[0] * 100, values[1] * 100));
    }

    /**
     * One row of a district's table, an hour or a day: measured (hours present summed; {@code null}
     * if none) and truth. Energy adds up; peak and meters are the highest of the row's hours.
     */
    private static final class Row {
        DistrictHour measured;
        DistrictHour truth;
        int missing;

        void add(DistrictHour actual, DistrictHour expected) {
            truth = sum(truth, expected);
            if (actual == null) {
                missing++;
            } else {
                measured = sum(measured, actual);
            }
        }

        private static DistrictHour sum(DistrictHour a, DistrictHour b) {
            return a == null
                    ? b
                    : new DistrictHour(
                            a.district(),
                            a.hourStart(),
                            a.energyKwh() + b.energyKwh(),
                            Math.max(a.peakDemandKw(), b.peakDemandKw()),
                            Math.max(a.meters(), b.meters()));
        }
    }

    private static String key(DistrictHour hour) {
        return hour.district() + "@" + hour.hourStart();
    }

    private static double percentDiff(double actual, double expected) {
        return expected == 0 ? (actual == 0 ? 0 : 100) : (actual - expected) / expected * 100;
    }
}
