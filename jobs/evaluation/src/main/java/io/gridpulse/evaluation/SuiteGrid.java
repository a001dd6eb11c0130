package io.gridpulse.evaluation;

import io.gridpulse.simulator.HouseholdMix;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * What the suite runs: every seed in every cell, a cell being a season start x a household mix x a
 * reading interval.
 */
record SuiteGrid(
        List<Long> seeds,
        List<LocalDate> seasons,
        List<HouseholdMix> mixes,
        List<Duration> intervals) {

    /**
     * Mondays in mid January, April, July and October: winter heating, spring, summer cooling and
     * autumn, each starting with a weekday.
     */
    static final List<LocalDate> DEFAULT_SEASONS =
            List.of(
                    LocalDate.of(2026, 1, 12),
                    LocalDate.of(2026, 4, 13),
                    LocalDate.of(2026, 7, 13),
                    LocalDate.of(2026, 10, 12));

    SuiteGrid {
        seeds = List.copyOf(seeds);
        seasons = List.copyOf(seasons);
        mixes = List.copyOf(mixes);
        intervals = List.copyOf(intervals);
        if (seeds.isEmpty() || seasons.isEmpty() || mixes.isEmpty() || intervals.isEmpty()) {
            throw new IllegalArgumentException(
                    "the suite needs at least one seed, season, mix and interval");
        }
    }

    /** Season by season, then mix by mix, then interval by interval (the table's order). */
    List<SuiteCell> cells() {
        List<SuiteCell> cells = new ArrayList<>();
        for (LocalDate season : seasons) {
            for (HouseholdMix mix : mixes) {
                for (Duration interval : intervals) {
                    cells.add(new SuiteCell(season, mix, interval));
                }
            }
        }
        return cells;
    }

    int runs() {
        return seeds.size() * seasons.size() * mixes.size() * intervals.size();
    }

    /** {@code 1..10} (both included) or a list, {@code 1,4,9}. */
    static List<Long> parseSeeds(String text) {
        String trimmed = text.trim();
        int range = trimmed.indexOf("..");
        try {
            if (range >= 0) {
                long from = Long.parseLong(trimmed.substring(0, range).trim());
                long to = Long.parseLong(trimmed.substring(range + 2).trim());
                if (to < from) {
                    throw new IllegalArgumentException("empty seed range: " + text);
                }
                return LongStream.rangeClosed(from, to).boxed().toList();
            }
            return List.of(trimmed.split(",")).stream()
                    .map(String::trim)
                    .map(Long::parseLong)
                    .toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "seeds are a range like 1..10 or a list like 1,4,9, not " + text);
        }
    }
}
