package io.gridpulse.evaluation;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyState;
import io.gridpulse.schema.AnomalyType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Precision and recall per anomaly type, found against injected. A found anomaly is a true positive
 * if an injected anomaly of the same type, on the same meter (feeder for FEEDER_OUTAGE), overlaps
 * it in time (with a little slack at either end: detectors work on whole quarter hours and nights).
 * One pair of types describes the same thing at two time scales: an always-on extra load
 * (HIGH_BASE_LOAD) is, for its first hours, a SUSTAINED_HIGH, and the detector reports it so until
 * a night or a day shows it never stops. A SUSTAINED_HIGH found on an injected HIGH_BASE_LOAD is
 * therefore "explained": neither a true positive of SUSTAINED_HIGH nor a false alert, and shown in
 * its own column. So is the reverse, a HIGH_BASE_LOAD found on an injected SUSTAINED_HIGH: a load
 * that ran through a whole night lifted that night's minimum, and when the night ends nothing yet
 * tells it from one that never stops. Everything else found is a false alert; those on meters with
 * nothing injected are also counted per 1,000 clean household-days.
 */
public final class Scorecard {

    /**
     * Slack around an injected anomaly: a quarter hour of alignment, and detection from the last
     * reading heard.
     */
    static final Duration SLACK = Duration.ofHours(1);

    private final Map<AnomalyType, Row> rows = new EnumMap<>(AnomalyType.class);
    private final int cleanFalseAlerts;
    private final double cleanHouseholdDays;
    private final List<Anomaly> falseAlerts = new ArrayList<>();
    private final List<Labelled> missed = new ArrayList<>();

    /**
     * Counts of one type; {@code explained} of the found are the same event reported under its
     * related type.
     */
    public record Row(int injected, int found, int truePositives, int explained, int detected) {

        public double precision() {
            int judged = found - explained;
            return judged == 0 ? (injected == 0 ? 1.0 : 0.0) : (double) truePositives / judged;
        }

        public double recall() {
            return injected == 0 ? 1.0 : (double) detected / injected;
        }

        /** The counts of both (e.g. of one type over several runs), judged by the same rules. */
        public Row plus(Row other) {
            return new Row(
                    injected + other.injected,
                    found + other.found,
                    truePositives + other.truePositives,
                    explained + other.explained,
                    detected + other.detected);
        }

        /** Found and neither a true positive nor explained. */
        public int falsePositives() {
            return found - explained - truePositives;
        }

        /** Injected and not detected. */
        public int falseNegatives() {
            return injected - detected;
        }
    }

    /**
     * @param events every anomaly event the pipeline emitted (OPEN and RESOLVED; one anomaly per
     *     id)
     * @param cleanMeters meters with nothing injected, whose every alert is false
     * @param cleanHouseholdDays household-days of those meters in the evaluated period
     */
    public Scorecard(
            List<Labelled> injected,
            Collection<Anomaly> events,
            Set<String> cleanMeters,
            double cleanHouseholdDays) {
        Map<String, Anomaly> found = latestPerId(events);
        long slack = SLACK.toMillis();
        boolean[] detected = new boolean[injected.size()];
        int onClean = 0;
        Map<AnomalyType, int[]> counts = new EnumMap<>(AnomalyType.class);
        for (AnomalyType type : AnomalyType.values()) {
            counts.put(type, new int[3]); // found, true positives, explained
        }
        for (Anomaly anomaly : found.values()) {
            int[] c = counts.get(anomaly.getType());
            c[0]++;
            boolean hit = false;
            for (int i = 0; i < injected.size(); i++) {
                if (matches(injected.get(i), anomaly, slack)) {
                    detected[i] = true;
                    hit = true;
                }
            }
            if (hit) {
                c[1]++;
            } else if (injected.stream().anyMatch(truth -> explains(truth, anomaly, slack))) {
                c[2]++;
            } else {
                falseAlerts.add(anomaly);
                if (anomaly.getMeterId() != null && cleanMeters.contains(anomaly.getMeterId())) {
                    onClean++;
                }
            }
        }
        for (AnomalyType type : AnomalyType.values()) {
            int injectedOfType = 0;
            int detectedOfType = 0;
            for (int i = 0; i < injected.size(); i++) {
                if (injected.get(i).type() == type) {
                    injectedOfType++;
                    if (detected[i]) {
                        detectedOfType++;
                    } else {
                        missed.add(injected.get(i));
                    }
                }
            }
            int[] c = counts.get(type);
            rows.put(type, new Row(injectedOfType, c[0], c[1], c[2], detectedOfType));
        }
        this.cleanFalseAlerts = onClean;
        this.cleanHouseholdDays = cleanHouseholdDays;
    }

    private static boolean matches(Labelled truth, Anomaly found, long slack) {
        return truth.type() == found.getType() && sameSubjectAndTime(truth, found, slack);
    }

    private static boolean explains(Labelled truth, Anomaly found, long slack) {
        return twoTimeScales(truth.type(), found.getType())
                && sameSubjectAndTime(truth, found, slack);
    }

    private static boolean twoTimeScales(AnomalyType injected, AnomalyType found) {
        return injected == AnomalyType.HIGH_BASE_LOAD && found == AnomalyType.SUSTAINED_HIGH
                || injected == AnomalyType.SUSTAINED_HIGH && found == AnomalyType.HIGH_BASE_LOAD;
    }

    private static boolean sameSubjectAndTime(Labelled truth, Anomaly found, long slack) {
        String subject = found.getMeterId() != null ? found.getMeterId() : found.getFeederId();
        if (!truth.subject().equals(subject)) {
            return false;
        }
        long start = found.getStart().toEpochMilli();
        long end = found.getEnd() != null ? found.getEnd().toEpochMilli() : Long.MAX_VALUE;
        return start <= truth.end() + slack && end >= truth.start() - slack;
    }

    /** One anomaly per id: its RESOLVED event if it resolved, else its OPEN event. */
    private static Map<String, Anomaly> latestPerId(Collection<Anomaly> events) {
        Map<String, Anomaly> byId = new LinkedHashMap<>();
        for (Anomaly event : events) {
            Anomaly known = byId.get(event.getAnomalyId());
            if (known == null || event.getState() == AnomalyState.RESOLVED) {
                byId.put(event.getAnomalyId(), event);
            }
        }
        return byId;
    }

    public Row row(AnomalyType type) {
        return rows.get(type);
    }

    public int cleanFalseAlerts() {
        return cleanFalseAlerts;
    }

    public double cleanHouseholdDays() {
        return cleanHouseholdDays;
    }

    public double falseAlertsPer1000CleanDays() {
        return per1000(cleanFalseAlerts, cleanHouseholdDays);
    }

    /** False alerts per 1,000 clean household-days (0 without any such days). */
    static double per1000(int falseAlerts, double cleanHouseholdDays) {
        return cleanHouseholdDays == 0 ? 0 : 1000.0 * falseAlerts / cleanHouseholdDays;
    }

    public List<Anomaly> falseAlerts() {
        return falseAlerts;
    }

    public List<Labelled> missed() {
        return missed;
    }

    /** The table the evaluation prints (Markdown, so it can go into the README as it is). */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(
                "| type | injected | found | true positives | explained | precision | recall |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (AnomalyType type : AnomalyType.values()) {
            Row r = rows.get(type);
            out.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %d | %d | %d | %d | %.2f | %.2f |%n",
                            type,
                            r.injected(),
                            r.found(),
                            r.truePositives(),
                            r.explained(),
                            r.precision(),
                            r.recall()));
        }
        out.append(
                String.format(
                        Locale.ROOT,
                        "%nFalse alerts on clean meters: %d in %.0f clean household-days = %.2f per"
                                + " 1,000 clean household-days%n",
                        cleanFalseAlerts,
                        cleanHouseholdDays,
                        falseAlertsPer1000CleanDays()));
        return out.toString();
    }
}
