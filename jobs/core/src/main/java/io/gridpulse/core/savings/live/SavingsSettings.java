package io.gridpulse.core.savings.live;

import io.gridpulse.core.savings.Fuel;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The savings programme the live job measures: its reporting period, the reduction target (per
 * district where it differs), the fuel, and how many latest days set the pace of the projection to
 * the period's end.
 */
public record SavingsSettings(
        LocalDate reportingStart,
        LocalDate reportingEnd,
        double target,
        Map<String, Double> districtTargets,
        Fuel fuel,
        int projectionDays)
        implements Serializable {

    public SavingsSettings {
        if (reportingEnd.isBefore(reportingStart)) {
            throw new IllegalArgumentException(
                    "savings.reporting-end "
                            + reportingEnd
                            + " is before savings.reporting-start "
                            + reportingStart);
        }
        if (projectionDays < 1) {
            throw new IllegalArgumentException(
                    "savings.projection-days must be at least 1, not " + projectionDays);
        }
        districtTargets = Map.copyOf(districtTargets);
    }

    /**
     * The programme configured in {@code config}, or empty when {@code savings.reporting-start} is
     * not set.
     */
    public static Optional<SavingsSettings> from(ReadableConfig config) {
        Optional<String> start = config.getOptional(SavingsOptions.REPORTING_START);
        if (start.isEmpty() || start.get().isBlank()) {
            return Optional.empty();
        }
        LocalDate from = date(SavingsOptions.REPORTING_START.key(), start.get());
        LocalDate to =
                config.getOptional(SavingsOptions.REPORTING_END)
                        .map(end -> date(SavingsOptions.REPORTING_END.key(), end))
                        .orElse(from.plusYears(1).minusDays(1));
        return Optional.of(
                new SavingsSettings(
                        from,
                        to,
                        config.get(SavingsOptions.TARGET),
                        districtTargets(config.get(SavingsOptions.DISTRICT_TARGETS)),
                        fuel(config.get(SavingsOptions.FUEL)),
                        config.get(SavingsOptions.PROJECTION_DAYS)));
    }

    public double targetOf(String district) {
        return districtTargets.getOrDefault(district, target);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(reportingStart) && !day.isAfter(reportingEnd);
    }

    /** Days from {@code day} (exclusive) to the period's end (inclusive). */
    public long daysLeftAfter(LocalDate day) {
        return Math.max(0, ChronoUnit.DAYS.between(day, reportingEnd));
    }

    private static LocalDate date(String key, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    key + " must be a date like 2026-01-01, not '" + text + "'", e);
        }
    }

    private static Fuel fuel(String text) {
        try {
            return Fuel.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    SavingsOptions.FUEL.key() + " must be electricity or gas, not '" + text + "'");
        }
    }

    static Map<String, Double> districtTargets(String text) {
        Map<String, Double> targets = new TreeMap<>();
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("=", 2);
            try {
                targets.put(parts[0].trim(), Double.parseDouble(parts[1].trim()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        SavingsOptions.DISTRICT_TARGETS.key()
                                + " takes district=fraction pairs like D01=0.20,D02=0.10, not '"
                                + entry.trim()
                                + "'");
            }
        }
        return targets;
    }
}
