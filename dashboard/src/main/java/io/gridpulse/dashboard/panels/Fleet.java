package io.gridpulse.dashboard.panels;

import io.gridpulse.dashboard.catalogue.InfluxQueries;
import io.gridpulse.dashboard.catalogue.QueryCatalogue;
import io.gridpulse.dashboard.catalogue.QueryParameters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The districts and feeders InfluxDB knows, checked against every selection so that an unknown or
 * mistyped id is refused, not answered with an empty chart, and the meters known per district. Kept
 * for a while: a page refresh asks for the ids several times, and counting a district's meters is
 * the dearest query of a refresh (a scan of the meters' series), for a number that changes when
 * meters are installed, not every quarter hour.
 */
public final class Fleet {

    private static final Duration KEEP_IDS = Duration.ofSeconds(10);
    private static final Duration KEEP_METER_COUNTS = Duration.ofMinutes(1);

    private final InfluxQueries influx;
    private final Clock clock;
    private final Map<String, Cached<?>> cache = new ConcurrentHashMap<>();

    public Fleet(InfluxQueries influx, Clock clock) {
        this.influx = influx;
        this.clock = clock;
    }

    public List<String> districts() {
        return cached(
                "districts",
                KEEP_IDS,
                () -> values(QueryParameters.none(), QueryCatalogue.DISTRICTS));
    }

    public List<String> feeders(String district) {
        return cached(
                "feeders/" + district,
                KEEP_IDS,
                () ->
                        values(
                                QueryParameters.none().withDistrict(district),
                                QueryCatalogue.FEEDERS));
    }

    /** Meters that have ever written a quarter hour in the district (refreshed every minute). */
    public long metersKnown(String district) {
        return cached(
                "meters/" + district,
                KEEP_METER_COUNTS,
                () ->
                        influx
                                .rows(
                                        QueryCatalogue.METERS_KNOWN,
                                        QueryParameters.none().withDistrict(district))
                                .stream()
                                .findFirst()
                                .map(row -> Rows.integer(row, "count"))
                                .orElse(0L));
    }

    public void requireDistrict(String district) {
        if (!districts().contains(district)) {
            throw new UnknownSelectionException("unknown district '" + district + "'");
        }
    }

    public void requireFeeder(String district, String feeder) {
        if (!feeders(district).contains(feeder)) {
            throw new UnknownSelectionException(
                    "unknown feeder '" + feeder + "' in district '" + district + "'");
        }
    }

    private List<String> values(
            QueryParameters parameters, io.gridpulse.dashboard.catalogue.CatalogueQuery query) {
        return influx.rows(query, parameters).stream()
                .map(row -> Rows.text(row, "value"))
                .sorted()
                .toList();
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Duration keep, java.util.function.Supplier<T> load) {
        Instant now = clock.instant();
        Cached<?> hit = cache.get(key);
        if (hit != null && hit.until.isAfter(now)) {
            return (T) hit.value;
        }
        T value = load.get();
        cache.put(key, new Cached<>(value, now.plus(keep)));
        return value;
    }

    private record Cached<T>(T value, Instant until) {}
}
