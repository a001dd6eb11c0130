package io.gridpulse.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A household's one-minute export of average power with known values removed: the day's total comes
 * back within the interpolation's error, and the removed half hour is flagged as estimated (and
 * only it).
 */
class IntervalGapsITCase {

    private static final Instant DAY = Instant.parse("2024-03-04T00:00:00Z");
    private static final int HOLE_FROM_MINUTE = 10 * 60;
    private static final int HOLE_MINUTES = 30;

    @TempDir Path work;

    /** A smooth daily swing between 100 and 700 W, minute by minute. */
    private static double powerW(int minute) {
        return 400 + 300 * Math.sin(2 * Math.PI * minute / 1440.0);
    }

    @Test
    void shouldEstimateTheMissingHalfHourFromItsNeighboursAndFlagIt() throws IOException {
        Path csv = work.resolve("power.csv");
        List<String> lines = new ArrayList<>(List.of("time,watts"));
        double trueDayWh = 0;
        for (int minute = 0; minute < 1440; minute++) {
            trueDayWh += powerW(minute) / 60;
            boolean removed =
                    minute >= HOLE_FROM_MINUTE && minute < HOLE_FROM_MINUTE + HOLE_MINUTES;
            lines.add(
                    DAY.plusSeconds(60L * minute)
                            + ","
                            + (removed ? "?" : String.format("%.3f", powerW(minute))));
        }
        Files.write(csv, lines);

        int exit =
                CommandLines.run(
                        new ReplayJob(),
                        "--csv",
                        csv.toString(),
                        "--map",
                        "timestamp=time",
                        "--map",
                        "timestamp-marks=start",
                        "--map",
                        "interval=PT1M",
                        "--map",
                        "value=watts",
                        "--map",
                        "value-kind=average-power",
                        "--map",
                        "unit=W",
                        "--map",
                        "missing=?",
                        "--map",
                        "meter-id=home-1",
                        "--set",
                        "district.default-time-zone=UTC",
                        "--write",
                        "files",
                        "--output",
                        work.resolve("out").toString(),
                        "--quiet");
        assertThat(exit).isZero();

        List<String[]> rows =
                Files.readAllLines(work.resolve("out/meter_aggregates.csv")).stream()
                        .map(line -> line.split(",", -1))
                        .toList();
        List<String> header = Arrays.asList(rows.get(0));
        int window = header.indexOf("window");
        int start = header.indexOf("windowStart");
        int energy = header.indexOf("energyKwh");
        int estimated = header.indexOf("estimatedFraction");
        String[] day = last(rows, window, "DAY", start, DAY.toString());
        double holeWh = 0;
        for (int minute = HOLE_FROM_MINUTE; minute < HOLE_FROM_MINUTE + HOLE_MINUTES; minute++) {
            holeWh += powerW(minute) / 60;
        }
        // linear in power across 30 minutes of a smooth curve: well under a watt-hour off
        assertThat(Double.parseDouble(day[energy]) * 1000).isCloseTo(trueDayWh, within(1.0));
        assertThat(Double.parseDouble(day[estimated])).isCloseTo(holeWh / trueDayWh, within(1e-3));
        for (int q = 0; q < 96; q++) {
            Instant quarterStart = DAY.plusSeconds(900L * q);
            String[] quarter = last(rows, window, "QUARTER_HOUR", start, quarterStart.toString());
            boolean inHole = q == 40 || q == 41; // 10:00-10:15, 10:15-10:30
            assertThat(Double.parseDouble(quarter[estimated]))
                    .as("quarter from %s", quarterStart)
                    .isCloseTo(inHole ? 1.0 : 0.0, within(1e-9));
        }
    }

    /** The last row of a window (a later row rewrites the window). */
    private static String[] last(
            List<String[]> rows, int window, String kind, int start, String windowStart) {
        String[] found = null;
        for (String[] row : rows.subList(1, rows.size())) {
            if (row[window].equals(kind) && row[start].equals(windowStart)) {
                found = row;
            }
        }
        assertThat(found).as("%s row from %s", kind, windowStart).isNotNull();
        return found;
    }
}
