package io.gridpulse.dashboard.panels;

import io.gridpulse.dashboard.catalogue.InfluxQueries;
import io.gridpulse.dashboard.catalogue.QueryCatalogue;
import java.time.Instant;
import java.util.List;

/** One meter's 15-minute energy over the range with its anomalies, to mark on the chart. */
public final class MeterDrillDown {

    private final InfluxQueries influx;
    private final Anomalies anomalies;

    public MeterDrillDown(InfluxQueries influx, Anomalies anomalies) {
        this.influx = influx;
        this.anomalies = anomalies;
    }

    public record Quarter(Instant t, double energyKwh, double estimatedKwh, double completeness) {}

    public record Response(
            String meter,
            Instant from,
            Instant to,
            Instant asOf,
            List<Quarter> quarters,
            List<Anomalies.Anomaly> anomalies) {}

    public Response of(Selection selection) {
        if (selection.meter() == null) {
            throw new io.gridpulse.dashboard.catalogue.QueryParameters.InvalidParameterException(
                    "meter is required");
        }
        List<Quarter> quarters =
                influx.rows(QueryCatalogue.METER_ENERGY, selection.parameters()).stream()
                        .map(
                                row ->
                                        new Quarter(
                                                Rows.time(row),
                                                Rows.number(row, "energy_kwh", 0),
                                                Rows.number(row, "estimated_kwh", 0),
                                                Rows.number(row, "completeness", 0)))
                        .toList();
        List<Anomalies.Anomaly> marked = anomalies.ofMeter(selection);
        if (quarters.isEmpty() && marked.isEmpty()) {
            throw new UnknownSelectionException(
                    "no data for meter '" + selection.meter() + "' in this time range");
        }
        Instant asOf =
                quarters.isEmpty()
                        ? null
                        : quarters.get(quarters.size() - 1).t().plus(Selection.QUARTER);
        return new Response(
                selection.meter(), selection.from(), selection.to(), asOf, quarters, marked);
    }
}
