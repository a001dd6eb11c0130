package io.gridpulse.dashboard.catalogue;

import io.gridpulse.dashboard.catalogue.CatalogueQuery.Placeholder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The values a catalogue query is rendered with. Everything that comes from a request is checked
 * here before it can reach InfluxQL: ids must look like the ids the jobs write (letters, digits,
 * {@code _ . : -}, at most 64), and are quoted as InfluxQL string literals all the same; the time
 * range is two instants, rendered as epoch milliseconds.
 */
public record QueryParameters(
        String district, String feeder, String meter, Instant from, Instant to) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    /**
     * Grafana-like steps for {@code $__interval}, never finer than the quarter hours the jobs
     * write.
     */
    private static final List<Duration> INTERVALS =
            List.of(
                    Duration.ofMinutes(15),
                    Duration.ofMinutes(30),
                    Duration.ofHours(1),
                    Duration.ofHours(3),
                    Duration.ofHours(6),
                    Duration.ofHours(12),
                    Duration.ofDays(1));

    /** Buckets a chart shows at most: about one per two pixels of a wide panel. */
    private static final int MAX_BUCKETS = 500;

    public QueryParameters {
        checkId("district", district);
        checkId("feeder", feeder);
        checkId("meter", meter);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidParameterException(
                    "the time range must start before it ends (from " + from + ", to " + to + ")");
        }
    }

    public static QueryParameters none() {
        return new QueryParameters(null, null, null, null, null);
    }

    public QueryParameters withDistrict(String value) {
        return new QueryParameters(value, feeder, meter, from, to);
    }

    public QueryParameters withFeeder(String value) {
        return new QueryParameters(district, value, meter, from, to);
    }

    public QueryParameters withMeter(String value) {
        return new QueryParameters(district, feeder, value, from, to);
    }

    public QueryParameters withRange(Instant newFrom, Instant newTo) {
        return new QueryParameters(district, feeder, meter, newFrom, newTo);
    }

    /** True if {@code value} is a well-formed district, feeder or meter id. */
    public static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /**
     * The query's InfluxQL with every placeholder replaced; fails if the query needs a value this
     * one lacks.
     */
    public String render(CatalogueQuery query) {
        String text = query.influxQl();
        for (Placeholder placeholder : query.placeholders()) {
            text = text.replace(placeholder.token(), value(placeholder, query));
        }
        return text;
    }

    /**
     * {@code $__interval}: the smallest step that keeps the range within {@value #MAX_BUCKETS}
     * buckets.
     */
    public Duration interval() {
        Duration range =
                Duration.between(
                        require(from, "from", "the time range"),
                        require(to, "to", "the time range"));
        for (Duration step : INTERVALS) {
            if (range.dividedBy(step) <= MAX_BUCKETS) {
                return step;
            }
        }
        return INTERVALS.get(INTERVALS.size() - 1);
    }

    private String value(Placeholder placeholder, CatalogueQuery query) {
        return switch (placeholder) {
            case DISTRICT -> quoteInner(require(district, "district", query.id()));
            case FEEDER -> quoteInner(require(feeder, "feeder", query.id()));
            case METER -> quoteInner(require(meter, "meter", query.id()));
            case TIME_FILTER ->
                    "time >= "
                            + require(from, "from", query.id()).toEpochMilli()
                            + "ms and time < "
                            + require(to, "to", query.id()).toEpochMilli()
                            + "ms";
            case INTERVAL -> interval().toMinutes() + "m";
        };
    }

    /**
     * The inside of an InfluxQL single-quoted string (the templates have the quotes, as Grafana's
     * do). The ids are checked already; escaping is the second wall.
     */
    static String quoteInner(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }

    private static <T> T require(T value, String name, String what) {
        if (value == null) {
            throw new InvalidParameterException(what + " needs a " + name);
        }
        return value;
    }

    private static void checkId(String name, String value) {
        if (value != null && !isId(value)) {
            throw new InvalidParameterException(
                    "not a valid " + name + " id: use letters, digits and _ . : - (at most 64)");
        }
    }

    /**
     * A request parameter that cannot be used; its message is safe to show (it never echoes the
     * value).
     */
    public static final class InvalidParameterException extends IllegalArgumentException {
        public InvalidParameterException(String message) {
            super(message);
        }
    }
}
