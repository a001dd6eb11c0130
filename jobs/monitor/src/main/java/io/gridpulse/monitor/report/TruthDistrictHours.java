package io.gridpulse.monitor.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the simulator's ground truth per district and hour ({@code district-hourly.csv}). */
final class TruthDistrictHours {

    private TruthDistrictHours() {}

    static List<DistrictHour> read(Path truthDir) throws IOException {
        List<String> lines = Files.readAllLines(truthDir.resolve("district-hourly.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int district = header.indexOf("district_id");
        int hour = header.indexOf("hour_start");
        int energy = header.indexOf("energy_kwh");
        int meters = header.indexOf("meters");
        List<DistrictHour> hours = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            hours.add(
                    new DistrictHour(
                            cells[district],
                            Instant.parse(cells[hour]),
                            Double.parseDouble(cells[energy]),
                            Double.NaN,
                            Integer.parseInt(cells[meters])));
        }
        return hours;
    }
}
