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
 * The districts and feeders InfluxDB knows, checked against every selection so that an unknown or mistyped id is
 * refused, not answered with an empty chart. Kept for a few seconds: a page refresh asks for them several times.
 */
public final class Fleet {

  private static final Duration KEEP = Duration.ofSeconds(10);

  private final InfluxQueries influx;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public Fleet(InfluxQueries influx, Clock clock) {
    this.influx = influx;
    this.clock = clock;
  }

  public List<String> districts() {
    return cached("", () -> values(QueryParameters.none(), QueryCatalogue.DISTRICTS));
  }

  public List<String> feeders(String district) {
    return cached("feeders/" + district, () -> values(QueryParameters.none().withDistrict(district),
        QueryCatalogue.FEEDERS));
  }

  public void requireDistrict(String district) {
    if (!districts().contains(district)) {
      throw new UnknownSelectionException("unknown district '" + district + "'");
    }
  }

  public void requireFeeder(String district, String feeder) {
    if (!feeders(district).contains(feeder)) {
      throw new UnknownSelectionException("unknown feeder '" + feeder + "' in district '" + district + "'");
    }
  }

  private List<String> values(QueryParameters parameters, io.gridpulse.dashboard.catalogue.CatalogueQuery query) {
    return influx.rows(query, parameters).stream().map(row -> Rows.text(row, "value")).sorted().toList();
  }

  private List<String> cached(String key, java.util.function.Supplier<List<String>> load) {
    Instant now = clock.instant();
    Cached hit = cache.get(key);
    if (hit != null && hit.until.isAfter(now)) {
      return hit.values;
    }
    List<String> values = load.get();
    cache.put(key, new Cached(values, now.plus(KEEP)));
    return values;
  }

  private record Cached(List<String> values, Instant until) {}
}
