package io.gridpulse.monitor.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulator's anomaly ledger ({@code anomalies.csv}): what it injected, one row per anomaly with header
 * {@code type,meter_id,feeder_id,district_id,start,end,extra_w,detail} (ISO-8601 instants, an empty meter for a
 * feeder-level anomaly). Read here with a few lines so that main code does not depend on the simulator.
 */
final class InjectedAnomalies {

  static final String FILE = "anomalies.csv";

  record Row(String type, String meterId, String feederId, String districtId, Instant start, Instant end) {}

  private InjectedAnomalies() {}

  static List<Row> read(Path truthDir) throws IOException {
    List<String> lines = Files.readAllLines(truthDir.resolve(FILE));
    List<String> header = List.of(lines.get(0).split(","));
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", header.size()); // the last column, the detail, may hold commas
      String meter = cells[header.indexOf("meter_id")];
      String end = cells[header.indexOf("end")];
      rows.add(new Row(cells[header.indexOf("type")], meter.isEmpty() ? null : meter,
          cells[header.indexOf("feeder_id")], cells[header.indexOf("district_id")],
          Instant.parse(cells[header.indexOf("start")]), end.isEmpty() ? null : Instant.parse(end)));
    }
    return rows;
  }

  static Map<String, Long> countByType(List<Row> rows) {
    Map<String, Long> counts = new TreeMap<>();
    rows.forEach(row -> counts.merge(row.type(), 1L, Long::sum));
    return counts;
  }
}
