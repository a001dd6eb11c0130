package io.gridpulse.dashboard.panels;

import io.gridpulse.dashboard.catalogue.InfluxQueries;
import io.gridpulse.dashboard.catalogue.QueryCatalogue;
import io.gridpulse.dashboard.catalogue.QueryParameters;
import io.gridpulse.dashboard.catalogue.QueryParameters.InvalidParameterException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * What a request asks to see: district, feeder, meter and time range, checked. The range ends at
 * {@code to} if given, else at the end of the newest quarter hour in InfluxDB (not the wall clock),
 * so a simulated or replayed period shows and the page follows the data as it comes.
 *
 * @param following whether the range follows the newest data (no {@code to} asked for)
 */
public record Selection(QueryParameters parameters, Duration range, boolean following) {

    public static final Duration DEFAULT_RANGE = Duration.ofDays(1);
    static final Duration MIN_RANGE = Duration.ofHours(1);
    static final Duration MAX_RANGE = Duration.ofDays(92);
    static final Duration QUARTER = Duration.ofMinutes(15);

    public Instant from() {
        return parameters.from();
    }

    public Instant to() {
        return parameters.to();
    }

    public String district() {
        return parameters.district();
    }

    public String feeder() {
        return parameters.feeder();
    }

    public String meter() {
        return parameters.meter();
    }

    /** The same selection over another range (e.g. the previous period). */
    public Selection over(Instant from, Instant to) {
        return new Selection(parameters.withRange(from, to), Duration.between(from, to), following);
    }

    /** Parses and checks the request's parameters; ids are checked against what InfluxDB knows. */
    public static Selection of(
            Map<String, String> query, Fleet fleet, InfluxQueries influx, Clock clock) {
        QueryParameters parameters =
                new QueryParameters(
                        blankToNull(query.get("district")),
                        blankToNull(query.get("feeder")),
                        blankToNull(query.get("meter")),
                        null,
                        null);
        if (parameters.district() != null) {
            fleet.requireDistrict(parameters.district());
            if (parameters.feeder() != null) {
                fleet.requireFeeder(parameters.district(), parameters.feeder());
            }
        } else if (parameters.feeder() != null) {
            throw new InvalidParameterException("a feeder needs its district");
        }
        Duration range = range(query.get("range"));
        String toText = blankToNull(query.get("to"));
        Instant to = toText == null ? newestQuarterEnd(influx, clock) : instant(toText);
        return new Selection(parameters.withRange(to.minus(range), to), range, toText == null);
    }

    /**
     * The end of the newest quarter hour any district has closed, or the wall clock if nothing is
     * written yet.
     */
    public static Instant newestQuarterEnd(InfluxQueries influx, Clock clock) {
        return influx.rows(QueryCatalogue.NEWEST_QUARTER, QueryParameters.none()).stream()
                .map(Rows::time)
                .findFirst()
                .map(start -> start.plus(QUARTER))
                .orElseGet(clock::instant);
    }

    private static Duration range(String text) {
        if (blankToNull(text) == null) {
            return DEFAULT_RANGE;
        }
        Duration range;
        try {
            range = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(
                    "range must be an ISO-8601 duration such as PT6H or P7D");
        }
        if (range.compareTo(MIN_RANGE) < 0 || range.compareTo(MAX_RANGE) > 0) {
            throw new InvalidParameterException("range must be between PT1H and P92D");
        }
        return range;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(
                    "to must be an ISO-8601 instant such as 2026-01-13T00:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
