package io.gridpulse.monitor.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator's anomaly ledger ({@code anomalies.csv}): what it injected, one row per anomaly
 * with header {@code type,meter_id,feeder_id,district_id,start,end,extra_w,detail} (ISO-8601
 * instants, an empty meter for a feeder-level anomaly). Read here with a few lines so that main
 * code does not depend on the simulator.
 */
final class InjectedAnomalies {

    static final String FILE = "anomalies.csv";
    private static final Pattern NEVER_REPORTED =
            Pattern.compile("([0-9]+(?:\\.[0-9]+)?) Wh used meanwhile are never" + " reported");

    record Row(
            String type,
            String meterId,
            String feederId,
            String districtId,
            Instant start,
            Instant end,
            String detail) {}

    private InjectedAnomalies() {}

    static List<Row> read(Path truthDir) throws IOException {
        List<String> lines = Files.readAllLines(truthDir.resolve(FILE));
        List<String> header = List.of(lines.get(0).split(","));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells =
                    line.split(",", header.size()); // the last column, the detail, may hold commas
            String meter = cells[header.indexOf("meter_id")];
            String end = cells[header.indexOf("end")];
            rows.add(
                    new Row(
                            cells[header.indexOf("type")],
                            meter.isEmpty() ? null : meter,
                            cells[header.indexOf("feeder_id")],
                            cells[header.indexOf("district_id")],
                            Instant.parse(cells[header.indexOf("start")]),
                            end.isEmpty() ? null : Instant.parse(end),
                            unquote(cells[header.indexOf("detail")])));
        }
        return rows;
    }

    /**
     * Energy used but never reported, per district: a meter silent to the end of the run
     * (METER_SILENT, whose detail then says "the N Wh used meanwhile are never reported"). The
     * ground truth has it; no reading ever will.
     */
    static Map<String, Double> neverReportedKwhByDistrict(List<Row> rows) {
        Map<String, Double> kwh = new TreeMap<>();
        for (Row row : rows) {
            Matcher matcher = NEVER_REPORTED.matcher(row.detail());
            if (matcher.find()) {
                kwh.merge(
                        row.districtId(), Double.parseDouble(matcher.group(1)) / 1000, Double::sum);
            }
        }
        return kwh;
    }

    /**
     * A CSV cell as written (RFC 4180): quotes around it dropped, doubled quotes inside made
     * single.
     */
    private static String unquote(String cell) {
        return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
                ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"")
                : cell;
    }
}
