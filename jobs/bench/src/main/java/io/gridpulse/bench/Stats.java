package io.gridpulse.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Repeated measurements of one figure, summarised as min / median / max. */
final class Stats {

    private final List<Double> values = new ArrayList<>();

    void add(double value) {
        values.add(value);
    }

    /** The latest measurement, for ratios between figures of the same run. */
    double last() {
        return values.get(values.size() - 1);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    double min() {
        return sorted().get(0);
    }

    double max() {
        List<Double> sorted = sorted();
        return sorted.get(sorted.size() - 1);
    }

    double median() {
        List<Double> sorted = sorted();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    int count() {
        return values.size();
    }

    private List<Double> sorted() {
        if (values.isEmpty()) {
            throw new IllegalStateException("no measurements");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }

    /** The p-th percentile (0-100) of a sample, nearest-rank. */
    static double percentile(List<Long> sample, double p) {
        List<Long> sorted = new ArrayList<>(sample);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
