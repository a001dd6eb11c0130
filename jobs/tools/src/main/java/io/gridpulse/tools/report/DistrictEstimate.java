package io.gridpulse.tools.report;

import io.gridpulse.simulator.CsvCells;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A district's savings as {@code scripts/savings} estimated them ({@code savings.csv}): the share
 * of predicted use avoided, its uncertainty (90%) in points, and how many of its households' chosen
 * models take their degree days from the daily mean temperature and how many from the hours.
 */
record DistrictEstimate(
        String districtId,
        double savingsFraction,
        double uncertaintyPoints,
        int dailyMeanModels,
        int hourlyModels) {

    /** The district rows of a {@code savings.csv}, with their households' chosen degree days. */
    static Map<String, DistrictEstimate> read(Path savingsCsv) throws IOException {
        List<String> lines = Files.readAllLines(savingsCsv, StandardCharsets.UTF_8);
        List<String> header = CsvCells.split(lines.get(0));
        int level = header.indexOf("level");
        int id = header.indexOf("id");
        int district = header.indexOf("district");
        int fraction = header.indexOf("savings_fraction");
        int uncertainty = header.indexOf("uncertainty");
        int predicted = header.indexOf("predicted");
        int degreeDays = header.indexOf("degree_days");
        Map<String, int[]> forms = new TreeMap<>();
        Map<String, double[]> savings = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = CsvCells.split(line);
            switch (f.get(level)) {
                case "meter" -> {
                    int[] counts = forms.computeIfAbsent(f.get(district), d -> new int[2]);
                    if (f.get(degreeDays).equals("DAILY_MEAN")) {
                        counts[0]++;
                    } else if (f.get(degreeDays).equals("HOURLY")) {
                        counts[1]++;
                    }
                }
                case "district" -> {
                    if (!f.get(fraction).isEmpty()) {
                        savings.put(
                                f.get(id),
                                new double[] {
                                    Double.parseDouble(f.get(fraction)),
                                    100
                                            * Double.parseDouble(f.get(uncertainty))
                                            / Double.parseDouble(f.get(predicted))
                                });
                    }
                }
                default -> {}
            }
        }
        Map<String, DistrictEstimate> out = new TreeMap<>();
        savings.forEach(
                (d, s) -> {
                    int[] counts = forms.getOrDefault(d, new int[2]);
                    out.put(d, new DistrictEstimate(d, s[0], s[1], counts[0], counts[1]));
                });
        return out;
    }
}
