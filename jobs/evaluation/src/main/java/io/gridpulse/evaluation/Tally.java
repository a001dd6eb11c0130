package io.gridpulse.evaluation;

import io.gridpulse.schema.AnomalyType;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts pooled over runs (the seeds of a suite cell): per anomaly type the sum of each run's
 * {@link Scorecard.Row}, judged by the scorecard's own precision and recall, and the false alerts
 * on clean meters over their household-days.
 */
record Tally(
        Map<AnomalyType, Scorecard.Row> rows, int cleanFalseAlerts, double cleanHouseholdDays) {

    static final Tally EMPTY = new Tally(Map.of(), 0, 0);

    Tally {
        rows = Map.copyOf(rows);
    }

    /** One run's counts. */
    static Tally of(Scorecard card) {
        Map<AnomalyType, Scorecard.Row> rows = new EnumMap<>(AnomalyType.class);
        for (AnomalyType type : AnomalyType.values()) {
            rows.put(type, card.row(type));
        }
        return new Tally(rows, card.cleanFalseAlerts(), card.cleanHouseholdDays());
    }

    Tally plus(Tally other) {
        Map<AnomalyType, Scorecard.Row> sum = new EnumMap<>(AnomalyType.class);
        for (AnomalyType type : AnomalyType.values()) {
            sum.put(type, row(type).plus(other.row(type)));
        }
        return new Tally(
                sum,
                cleanFalseAlerts + other.cleanFalseAlerts,
                cleanHouseholdDays + other.cleanHouseholdDays);
    }

    /** A type's pooled counts (all zero if no run had any). */
    Scorecard.Row row(AnomalyType type) {
        return rows.getOrDefault(type, new Scorecard.Row(0, 0, 0, 0, 0));
    }

    double falseAlertsPer1000CleanDays() {
        return Scorecard.per1000(cleanFalseAlerts, cleanHouseholdDays);
    }
}
