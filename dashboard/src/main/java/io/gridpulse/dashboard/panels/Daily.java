package io.gridpulse.dashboard.panels;

import io.gridpulse.dashboard.catalogue.InfluxQueries;
import io.gridpulse.dashboard.catalogue.QueryCatalogue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Energy per local day of the district against the previous period (the same number of days right
 * before, whole weeks, so each day faces the same weekday), against the weather-normalised baseline
 * where live savings run, and the savings against the target with their uncertainty band,
 * projection and meters by status.
 */
public final class Daily {

    static final Duration WEEK = Duration.ofDays(7);

    private final InfluxQueries influx;
    private final ZoneId zone;

    public Daily(InfluxQueries influx, ZoneId zone) {
        this.influx = influx;
        this.zone = zone;
    }

    /**
     * @param complete whether the local day had ended by the end of the range (otherwise it is
     *     still filling)
     */
    public record Day(
            Instant t,
            double energyKwh,
            double estimatedKwh,
            double completeness,
            boolean complete,
            Double previousKwh) {}

    public record BaselineDay(
            Instant t, Double actualKwh, Double predictedKwh, Double temperatureF) {}

    public record SavingsPoint(
            Instant t, Double savingsPct, Double bandPct, Double targetPct, Double projectedPct) {}

    /**
     * The newest day of the programme: where the savings stand, and the meters by status that day.
     */
    public record SavingsStatus(
            Instant day,
            Long countedDays,
            Double savingsPct,
            Double bandPct,
            Double targetPct,
            Double projectedPct,
            Boolean onTrack,
            Map<String, Long> metersByStatus) {}

    public record Response(
            Instant from,
            Instant to,
            Instant previousFrom,
            List<Day> days,
            List<BaselineDay> baseline,
            List<SavingsPoint> savings,
            SavingsStatus savingsStatus) {}

    public Response of(Selection selection) {
        long weeks =
                Math.max(1, (selection.range().toMillis() + WEEK.toMillis() - 1) / WEEK.toMillis());
        Duration period = WEEK.multipliedBy(weeks);
        Instant to = selection.to();
        Instant from = to.minus(period);
        Selection current = selection.over(from, to);
        Selection previous = selection.over(from.minus(period), from);

        List<Map<String, Object>> previousDays =
                influx.rows(QueryCatalogue.DISTRICT_DAILY, previous.parameters());
        List<Day> days = new ArrayList<>();
        for (Map<String, Object> row :
                influx.rows(QueryCatalogue.DISTRICT_DAILY, current.parameters())) {
            Instant day = Rows.time(row);
            Instant dayBefore = day.atZone(zone).minus(period).toInstant();
            Double previousKwh =
                    previousDays.stream()
                            .filter(p -> dayBefore.equals(Rows.time(p)))
                            .findFirst()
                            .map(p -> Rows.number(p, "energy_kwh"))
                            .orElse(null);
            boolean complete = !day.atZone(zone).plusDays(1).toInstant().isAfter(to);
            days.add(
                    new Day(
                            day,
                            Rows.number(row, "energy_kwh", 0),
                            Rows.number(row, "estimated_kwh", 0),
                            Rows.number(row, "completeness", 0),
                            complete,
                            previousKwh));
        }

        List<BaselineDay> baseline =
                influx.rows(QueryCatalogue.DISTRICT_BASELINE, current.parameters()).stream()
                        .map(
                                row ->
                                        new BaselineDay(
                                                Rows.time(row),
                                                Rows.number(row, "actual_kwh"),
                                                Rows.number(row, "predicted_kwh"),
                                                Rows.number(row, "temperature_f")))
                        .toList();
        List<SavingsPoint> savings =
                influx.rows(QueryCatalogue.DISTRICT_SAVINGS, current.parameters()).stream()
                        .map(
                                row ->
                                        new SavingsPoint(
                                                Rows.time(row),
                                                Rows.number(row, "savings_pct"),
                                                Rows.number(row, "band_pct"),
                                                Rows.number(row, "target_pct"),
                                                Rows.number(row, "projected_pct")))
                        .toList();
        return new Response(from, to, previous.from(), days, baseline, savings, status(selection));
    }

    /**
     * The programme's newest day up to the end of the range, whenever it was (savings are
     * cumulative).
     */
    private SavingsStatus status(Selection selection) {
        Selection all = selection.over(Instant.EPOCH, selection.to());
        return influx.rows(QueryCatalogue.DISTRICT_SAVINGS_LATEST, all.parameters()).stream()
                .findFirst()
                .map(
                        row -> {
                            Double predicted = Rows.number(row, "cumulative_predicted_kwh");
                            Double uncertainty = Rows.number(row, "uncertainty_kwh");
                            Double band =
                                    predicted != null && predicted > 0 && uncertainty != null
                                            ? 100 * uncertainty / predicted
                                            : null;
                            Map<String, Long> status = new java.util.LinkedHashMap<>();
                            status.put("counted", Rows.integer(row, "meters_counted"));
                            status.put("no model", Rows.integer(row, "meters_without_model"));
                            status.put(
                                    "insufficient baseline",
                                    Rows.integer(row, "meters_insufficient_baseline"));
                            status.put("no weather", Rows.integer(row, "meters_without_weather"));
                            status.put("missing data", Rows.integer(row, "meters_missing_data"));
                            Object onTrack = row.get("on_track");
                            return new SavingsStatus(
                                    Rows.time(row),
                                    Rows.integer(row, "counted_days"),
                                    Rows.number(row, "savings_pct"),
                                    band,
                                    Rows.number(row, "target_pct"),
                                    Rows.number(row, "projected_pct"),
                                    onTrack instanceof Boolean b ? b : null,
                                    status);
                        })
                .orElse(null);
    }
}
