package io.gridpulse.dashboard.panels;

import io.gridpulse.dashboard.catalogue.CatalogueQuery;
import io.gridpulse.dashboard.catalogue.InfluxQueries;
import io.gridpulse.dashboard.catalogue.QueryCatalogue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Demand per 15 minutes of the district and, when one is selected, of a feeder: average kW per
 * quarter hour, the part of it that is estimated, the peak, and how complete the quarters are.
 */
public final class Demand {

    private final InfluxQueries influx;

    public Demand(InfluxQueries influx) {
        this.influx = influx;
    }

    public record Point(
            Instant t,
            double demandKw,
            double estimatedKw,
            double energyKwh,
            double completeness,
            long metersReporting) {}

    public record Peak(Instant t, double demandKw) {}

    /**
     * @param asOf end of the newest quarter hour shown
     * @param completeness readings received over expected, over the quarters shown
     * @param estimatedFraction estimated energy over energy, over the quarters shown
     */
    public record Curve(
            String group,
            List<Point> points,
            Peak peak,
            Instant asOf,
            Double completeness,
            Double estimatedFraction,
            double energyKwh) {}

    public record Response(Instant from, Instant to, Curve district, Curve feeder) {}

    public Response of(Selection selection) {
        Curve district = curve(QueryCatalogue.DISTRICT_DEMAND, selection, selection.district());
        Curve feeder =
                selection.feeder() == null
                        ? null
                        : curve(QueryCatalogue.FEEDER_DEMAND, selection, selection.feeder());
        return new Response(selection.from(), selection.to(), district, feeder);
    }

    private Curve curve(CatalogueQuery query, Selection selection, String group) {
        List<Point> points = new ArrayList<>();
        for (Map<String, Object> row : influx.rows(query, selection.parameters())) {
            points.add(
                    new Point(
                            Rows.time(row),
                            Rows.number(row, "demand_kw", 0),
                            Rows.number(row, "estimated_kw", 0),
                            Rows.number(row, "energy_kwh", 0),
                            Rows.number(row, "completeness", 0),
                            Rows.integer(row, "meters_reporting") == null
                                    ? 0
                                    : Rows.integer(row, "meters_reporting")));
        }
        Peak peak = null;
        double energy = 0;
        double estimated = 0;
        double completeness = 0;
        for (Point point : points) {
            if (peak == null || point.demandKw() > peak.demandKw()) {
                peak = new Peak(point.t(), point.demandKw());
            }
            energy += point.energyKwh();
            estimated +=
                    point.demandKw() > 0
                            ? point.energyKwh() * point.estimatedKw() / point.demandKw()
                            : 0;
            completeness += point.completeness();
        }
        Instant asOf =
                points.isEmpty() ? null : points.get(points.size() - 1).t().plus(Selection.QUARTER);
        return new Curve(
                group,
                points,
                peak,
                asOf,
                points.isEmpty() ? null : completeness / points.size(),
                energy > 0 ? estimated / energy : null,
                energy);
    }
}
