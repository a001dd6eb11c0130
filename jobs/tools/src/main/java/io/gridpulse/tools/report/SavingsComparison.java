package io.gridpulse.tools.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.util.ParameterTool;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * Puts each district's live savings (the monitor job's latest {@code district_savings} point in
 * InfluxDB) next to the analysts' report over the same days ({@code savings.csv} of {@code
 * scripts/savings}), and fails when they differ: the two compute the same thing from the same days,
 * one as the days go by, one afterwards.
 *
 * <p>Usage: {@code SavingsComparison --influx-url URL --database DB --report DIR/savings.csv
 * [--tolerance-pct 0.01]}
 */
public final class SavingsComparison {

    private SavingsComparison() {}

    public static void main(String[] args) throws IOException {
        ParameterTool params = ParameterTool.fromArgs(args);
        Map<String, double[]> report = report(Path.of(params.getRequired("report")));
        double tolerance = params.getDouble("tolerance-pct", 0.01);
        boolean same = true;
        try (InfluxDB influx =
                InfluxDBFactory.connect(params.get("influx-url", "http://127.0.0.1:8086"))) {
            Map<String, double[]> live = live(influx, params.getRequired("database"));
            System.out.printf(
                    Locale.ROOT,
                    "%-10s %28s %28s %s%n",
                    "district",
                    "live (monitor job)",
                    "report (scripts/savings)",
                    "");
            for (String district : new java.util.TreeSet<>(report.keySet())) {
                double[] r = report.get(district);
                double[] l = live.get(district);
                boolean match = l != null && Math.abs(l[0] - r[0]) <= tolerance;
                same &= match;
                System.out.printf(
                        Locale.ROOT,
                        "%-10s %28s %28s %s%n",
                        district,
                        l == null
                                ? "no savings written"
                                : String.format(
                                        Locale.ROOT,
                                        "%.2f%% +/- %.2f pts, %d days",
                                        l[0],
                                        l[1],
                                        (long) l[2]),
                        String.format(Locale.ROOT, "%.2f%% +/- %.2f pts", r[0], r[1]),
                        match ? "same" : "DIFFERENT");
            }
        }
        if (!same) {
            System.out.printf(
                    Locale.ROOT,
                    "The live savings differ from the report by more than %.2f points.%n",
                    tolerance);
            System.exit(1);
        }
    }

    /**
     * District -> savings %, uncertainty in points, counted meter-days, from the latest point of
     * each district.
     */
    static Map<String, double[]> live(InfluxDB influx, String database) {
        QueryResult result =
                influx.query(
                        new Query(
                                "SELECT savings_pct, uncertainty_kwh, cumulative_predicted_kwh,"
                                        + " counted_days FROM district_savings GROUP BY district ORDER BY time DESC LIMIT 1",
                                database));
        Map<String, double[]> out = new TreeMap<>();
        for (QueryResult.Result r : result.getResults()) {
            if (r.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series series : r.getSeries()) {
                List<Object> row = series.getValues().get(0);
                double pct = number(row.get(1));
                double uncertaintyPts = 100 * number(row.get(2)) / number(row.get(3));
                out.put(
                        series.getTags().get("district"),
                        new double[] {pct, uncertaintyPts, number(row.get(4))});
            }
        }
        return out;
    }

    /** District -> savings %, uncertainty in points, from the report's district rows. */
    static Map<String, double[]> report(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int fraction = header.indexOf("savings_fraction");
        int uncertainty = header.indexOf("uncertainty");
        int predicted = header.indexOf("predicted");
        Map<String, double[]> out = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[0].equals("district") && !f[fraction].isEmpty()) {
                out.put(
                        f[1],
                        new double[] {
                            100 * Double.parseDouble(f[fraction]),
                            100
                                    * Double.parseDouble(f[uncertainty])
                                    / Double.parseDouble(f[predicted])
                        });
            }
        }
        return out;
    }

    private static double number(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }
}
