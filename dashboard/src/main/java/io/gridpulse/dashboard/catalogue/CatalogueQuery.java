package io.gridpulse.dashboard.catalogue;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One named InfluxQL query of the catalogue, written as Grafana writes its InfluxQL: variables
 * {@code $district}, {@code $feeder}, {@code $meter} inside single quotes, and the macros {@code
 * $timeFilter} and {@code $__interval}. Grafana substitutes them itself; the built-in dashboard
 * substitutes validated, quoted values ({@link QueryParameters#render}).
 *
 * @param id stable name, used by the dashboard's endpoints, the Grafana panels' {@code refId} and
 *     the tests
 * @param title what the query answers, as a panel title
 * @param influxQl the template
 * @param grafana whether the Grafana dashboard has a panel for it (queries that only steer the
 *     built-in page, such as the newest quarter hour, have none)
 */
public record CatalogueQuery(String id, String title, String influxQl, boolean grafana) {

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\$(__interval|timeFilter|district|feeder|meter)\\b");

    /** The placeholders the template uses. */
    public Set<Placeholder> placeholders() {
        Set<Placeholder> found = EnumSet.noneOf(Placeholder.class);
        Matcher matcher = PLACEHOLDER.matcher(influxQl);
        while (matcher.find()) {
            found.add(Placeholder.of(matcher.group(1)));
        }
        return found;
    }

    /** A template placeholder: a dashboard variable or a Grafana macro. */
    public enum Placeholder {
        DISTRICT("district"),
        FEEDER("feeder"),
        METER("meter"),
        TIME_FILTER("timeFilter"),
        INTERVAL("__interval");

        private final String name;

        Placeholder(String name) {
            this.name = name;
        }

        /** As written in a template, e.g. {@code $timeFilter}. */
        public String token() {
            return "$" + name;
        }

        static Placeholder of(String name) {
            for (Placeholder p : values()) {
                if (p.name.equals(name)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown placeholder $" + name);
        }
    }
}
