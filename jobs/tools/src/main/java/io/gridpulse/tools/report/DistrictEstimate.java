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
 * of predicted use avoided, its uncertainty (90%) in points, and how many of its households chose
 * each method ({@link #METHODS}: degree days from the daily mean temperature, from the hours, the
 * hourly time-of-week and temperature model).
 */
record DistrictEstimate(
        String districtId, double savingsFraction, double uncertaintyPoints, int[] chosenMethods) {

    static final List<String> METHODS = List.of("DAILY_MEAN", "HOURLY", "TIME_OF_WEEK");

    /** The counts of {@link #chosenMethods}, e.g. {@code 3/14/3}. */
    String methodCounts() {
        return java.util.Arrays.stream(chosenMethods)
                .mapToObj(String::valueOf)
                .collect(java.util.stream.Collectors.joining("/"));
    }

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
        int method = header.indexOf("method");
        Map<String, int[]> forms = new TreeMap<>();
        Map<String, double[]> savings = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = CsvCells.split(line);
            switch (f.get(level)) {
                case "meter" -> {
                    int[] counts =
                            forms.computeIfAbsent(f.get(district), d -> new int[METHODS.size()]);
                    int chosen = METHODS.indexOf(f.get(method));
                    if (chosen >= 0) {
                        counts[chosen]++;
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
                    int[] counts = forms.getOrDefault(d, new int[METHODS.size()]);
                    out.put(d, new DistrictEstimate(d, s[0], s[1], counts));
                });
        return out;
    }
}
