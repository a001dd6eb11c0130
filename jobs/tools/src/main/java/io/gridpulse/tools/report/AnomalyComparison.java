package io.gridpulse.tools.report;

import io.gridpulse.simulator.anomaly.InjectedAnomaly;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The anomalies the job found (InfluxDB {@code anomaly}) next to those the simulator injected
 * ({@code anomalies.csv}). A found anomaly matches an injected one of the same type, on the same
 * meter (for a feeder-level anomaly, one without a meter such as FEEDER_OUTAGE: the same feeder),
 * whose time range it overlaps with {@link #SLACK} either side; an anomaly still open has no end
 * yet and overlaps everything after its start. The same rule as the evaluation's scorecard ({@code
 * scripts/evaluate-anomalies}), applied here to what really went through Kafka and InfluxDB.
 */
final class AnomalyComparison {

    /**
     * Detectors work on whole quarter hours (and whole nights), and judge silences from the last
     * reading heard.
     */
    static final Duration SLACK = Duration.ofHours(1);

    /** Unmatched anomalies listed per side; the counts cover them all. */
    static final int LISTED = 10;

    /**
     * An anomaly as InfluxDB has it: one point per anomaly, its end written once it resolved
     * ({@code null} if open).
     */
    record Found(
            String type,
            String meterId,
            String feederId,
            Instant start,
            Instant end,
            String message) {}

    /**
     * Per type: injected, found, found that match an injected one, injected that no found one
     * matches.
     */
    record Counts(int injected, int found, int matching, int missed) {}

    private final List<InjectedAnomaly> injected;
    private final Map<String, Counts> byType;
    private final List<Found> notInjected;
    private final List<InjectedAnomaly> notFound;

    private AnomalyComparison(
            List<InjectedAnomaly> injected,
            Map<String, Counts> byType,
            List<Found> notInjected,
            List<InjectedAnomaly> notFound) {
        this.injected = injected;
        this.byType = byType;
        this.notInjected = notInjected;
        this.notFound = notFound;
    }

    static AnomalyComparison of(List<InjectedAnomaly> injected, List<Found> found) {
        boolean[] detected = new boolean[injected.size()];
        Map<String, int[]> counts = new TreeMap<>(); // injected, found, matching, missed
        List<Found> notInjected = new ArrayList<>();
        for (Found anomaly : found) {
            int[] c = counts.computeIfAbsent(anomaly.type(), type -> new int[4]);
            c[1]++;
            boolean hit = false;
            for (int i = 0; i < injected.size(); i++) {
                if (matches(injected.get(i), anomaly)) {
                    detected[i] = true;
                    hit = true;
                }
            }
            if (hit) {
                c[2]++;
            } else {
                notInjected.add(anomaly);
            }
        }
        List<InjectedAnomaly> notFound = new ArrayList<>();
        for (int i = 0; i < injected.size(); i++) {
            int[] c = counts.computeIfAbsent(injected.get(i).type().name(), type -> new int[4]);
            c[0]++;
            if (!detected[i]) {
                c[3]++;
                notFound.add(injected.get(i));
            }
        }
        Map<String, Counts> byType = new TreeMap<>();
        counts.forEach((type, c) -> byType.put(type, new Counts(c[0], c[1], c[2], c[3])));
        notInjected.sort(Comparator.comparing(Found::start));
        notFound.sort(Comparator.comparing(InjectedAnomaly::start));
        return new AnomalyComparison(injected, byType, notInjected, notFound);
    }

    static boolean matches(InjectedAnomaly injected, Found found) {
        return injected.type().name().equals(found.type()) && sameSubjectAndTime(injected, found);
    }

    /**
     * Same meter (same feeder for an anomaly without a meter), overlapping in time with the slack.
     */
    private static boolean sameSubjectAndTime(InjectedAnomaly injected, Found found) {
        boolean sameSubject =
                injected.meterId() != null
                        ? injected.meterId().equals(found.meterId())
                        : found.meterId() == null && injected.feederId().equals(found.feederId());
        if (!sameSubject) {
            return false;
        }
        boolean startsInTime = !found.start().isAfter(injected.end().plus(SLACK));
        boolean endsInTime =
                found.end() == null || !found.end().isBefore(injected.start().minus(SLACK));
        return startsInTime && endsInTime;
    }

    Map<String, Counts> byType() {
        return byType;
    }

    List<Found> notInjected() {
        return notInjected;
    }

    List<InjectedAnomaly> notFound() {
        return notFound;
    }

    /**
     * The types injected on the found anomaly's meter (or feeder) at its time: another type found
     * for one of them.
     */
    List<String> injectedThere(Found found) {
        return injected.stream()
                .filter(row -> sameSubjectAndTime(row, found))
                .map(row -> row.type().name())
                .distinct()
                .toList();
    }

    void print(PrintStream out, ZoneId zone) {
        out.printf(
                "  Found (InfluxDB anomaly) next to injected (%s): a found anomaly matches an injected one of the same%n"
                        + "  type on the same meter (feeder if it has no meter) that it overlaps in time, %d h slack either side.%n",
                InjectedAnomalies.FILE, SLACK.toHours());
        out.printf(
                "  %-18s %9s %9s %9s %13s %9s%n",
                "type", "injected", "found", "matching", "not injected", "missed");
        int[] total = new int[4];
        byType.forEach(
                (type, c) -> {
                    out.printf(
                            "  %-18s %,9d %,9d %,9d %,13d %,9d%n",
                            type,
                            c.injected(),
                            c.found(),
                            c.matching(),
                            c.found() - c.matching(),
                            c.missed());
                    total[0] += c.injected();
                    total[1] += c.found();
                    total[2] += c.matching();
                    total[3] += c.missed();
                });
        out.printf(
                "  %-18s %,9d %,9d %,9d %,13d %,9d%n",
                "total", total[0], total[1], total[2], total[1] - total[2], total[3]);
        out.printf(
                "  Detected %d of %d injected; %d of %d found match an injected one.%n",
                total[0] - total[3], total[0], total[2], total[1]);

        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        if (!notInjected.isEmpty()) {
            out.printf(
                    "%n  Found but not injected: %d%s (times in %s)%n",
                    notInjected.size(), firstOf(notInjected), zone);
            notInjected.stream()
                    .limit(LISTED)
                    .forEach(
                            a -> {
                                List<String> there = injectedThere(a);
                                out.printf(
                                        "    %-18s %-16s %s  %s%s%n",
                                        a.type(),
                                        subject(a.meterId(), a.feederId()),
                                        range(time, a.start(), a.end()),
                                        a.message(),
                                        there.isEmpty()
                                                ? ""
                                                : "  [injected there: "
                                                        + String.join(", ", there)
                                                        + "]");
                            });
        }
        if (!notFound.isEmpty()) {
            out.printf(
                    "%n  Injected but not found: %d%s (times in %s)%n",
                    notFound.size(), firstOf(notFound), zone);
            notFound.stream()
                    .limit(LISTED)
                    .forEach(
                            a ->
                                    out.printf(
                                            "    %-18s %-16s %s  %s%n",
                                            a.type(),
                                            subject(a.meterId(), a.feederId()),
                                            range(time, a.start(), a.end()),
                                            a.detail()));
        }
    }

    private static String firstOf(List<?> list) {
        return list.size() > LISTED ? ", the first " + LISTED : "";
    }

    private static String subject(String meterId, String feederId) {
        return meterId != null ? meterId : "feeder " + feederId;
    }

    private static String range(DateTimeFormatter time, Instant start, Instant end) {
        return time.format(start)
                + " - "
                + String.format("%-16s", end == null ? "(open)" : time.format(end));
    }
}
