package io.gridpulse.dashboard.grafana;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.dashboard.catalogue.CatalogueQuery;
import io.gridpulse.dashboard.catalogue.QueryCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Grafana dashboard, generated from the query catalogue: one panel per catalogue query that
 * Grafana shows (the daily energy twice, the second a week earlier), variables for district, feeder
 * and meter, and the datasource of {@code dashboard/grafana/provisioning}. {@code
 * GrafanaDashboardTest} fails when the checked-in file is not what this generates; {@code main}
 * rewrites it.
 */
public final class GrafanaDashboard {

    public static final Path FILE = Path.of("grafana", "dashboards", "gridpulse-operations.json");
    public static final String DATASOURCE_UID = "gridpulse-influxdb";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * How a query is drawn: panel type, width (of 24), height, result format, and a time shift if
     * any.
     */
    private record Layout(
            CatalogueQuery query,
            String type,
            int width,
            int height,
            String format,
            String timeShift,
            String title) {
        Layout(CatalogueQuery query, String type, int width, int height, String format) {
            this(query, type, width, height, format, null, query.title());
        }
    }

    private static final List<Layout> LAYOUT =
            List.of(
                    new Layout(QueryCatalogue.DISTRICT_LATEST_QUARTER, "table", 12, 5, "table"),
                    new Layout(QueryCatalogue.METERS_KNOWN, "stat", 4, 5, "table"),
                    new Layout(QueryCatalogue.OPEN_ANOMALY_COUNT, "stat", 4, 5, "time_series"),
                    new Layout(QueryCatalogue.DISTRICT_PEAK, "stat", 4, 5, "time_series"),
                    new Layout(QueryCatalogue.DISTRICT_DEMAND, "timeseries", 24, 8, "time_series"),
                    new Layout(QueryCatalogue.FEEDER_DEMAND, "timeseries", 24, 8, "time_series"),
                    new Layout(QueryCatalogue.DISTRICT_DAILY, "barchart", 12, 8, "table"),
                    new Layout(
                            QueryCatalogue.DISTRICT_DAILY,
                            "barchart",
                            12,
                            8,
                            "table",
                            "7d",
                            "District energy per local day, the week before"),
                    new Layout(
                            QueryCatalogue.DISTRICT_BASELINE, "timeseries", 12, 8, "time_series"),
                    new Layout(QueryCatalogue.DISTRICT_SAVINGS, "timeseries", 12, 8, "time_series"),
                    new Layout(QueryCatalogue.DISTRICT_SAVINGS_LATEST, "table", 24, 4, "table"),
                    new Layout(QueryCatalogue.OPEN_ANOMALIES, "table", 24, 8, "table"),
                    new Layout(QueryCatalogue.RESOLVED_ANOMALIES, "table", 24, 8, "table"),
                    new Layout(QueryCatalogue.METER_ENERGY, "timeseries", 16, 8, "time_series"),
                    new Layout(QueryCatalogue.METER_ANOMALIES, "table", 8, 8, "table"),
                    new Layout(QueryCatalogue.QUALITY_BY_FEEDER, "table", 12, 8, "table"),
                    new Layout(QueryCatalogue.GAPS_BY_FEEDER, "table", 12, 8, "table"),
                    new Layout(QueryCatalogue.DEAD_LETTERS, "table", 8, 8, "table"),
                    new Layout(
                            QueryCatalogue.DEAD_LETTERS_OVER_TIME,
                            "timeseries",
                            16,
                            8,
                            "time_series"));

    private GrafanaDashboard() {}

    /** Writes the dashboard to the file given, or to {@link #FILE} under the current directory. */
    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : FILE;
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, render(), StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }

    /** The dashboard JSON as written to the file. */
    public static String render() {
        try {
            return JSON.writeValueAsString(build()) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode build() {
        ObjectNode dashboard = JSON.createObjectNode();
        dashboard.put("uid", "gridpulse-operations");
        dashboard.put("title", "GridPulse operations");
        dashboard.put(
                "description",
                "Generated from io.gridpulse.dashboard.catalogue.QueryCatalogue; do not edit by"
                        + " hand (see dashboard/README.md).");
        dashboard.putArray("tags").add("gridpulse");
        dashboard.put("timezone", "browser");
        dashboard.put("refresh", "10s");
        dashboard.put("schemaVersion", 39);
        dashboard.put("version", 1);
        dashboard.put("editable", false);
        ObjectNode time = dashboard.putObject("time");
        time.put("from", "now-24h");
        time.put("to", "now");
        ArrayNode variables = dashboard.putObject("templating").putArray("list");
        variables.add(queryVariable("district", QueryCatalogue.DISTRICTS));
        variables.add(queryVariable("feeder", QueryCatalogue.FEEDERS));
        ObjectNode meter = variables.addObject();
        meter.put("name", "meter");
        meter.put("label", "Meter (drill-down)");
        meter.put("type", "textbox");
        meter.put("query", "");

        ArrayNode panels = dashboard.putArray("panels");
        int x = 0;
        int y = 0;
        int rowHeight = 0;
        int id = 1;
        for (Layout layout : LAYOUT) {
            if (x + layout.width() > 24) {
                x = 0;
                y += rowHeight;
                rowHeight = 0;
            }
            panels.add(panel(id++, layout, x, y));
            x += layout.width();
            rowHeight = Math.max(rowHeight, layout.height());
        }
        return dashboard;
    }

    private static ObjectNode panel(int id, Layout layout, int x, int y) {
        ObjectNode panel = JSON.createObjectNode();
        panel.put("id", id);
        panel.put("type", layout.type());
        panel.put("title", layout.title());
        panel.set("datasource", datasource());
        ObjectNode grid = panel.putObject("gridPos");
        grid.put("x", x);
        grid.put("y", y);
        grid.put("w", layout.width());
        grid.put("h", layout.height());
        if (layout.timeShift() != null) {
            panel.put("timeShift", layout.timeShift());
        }
        ObjectNode target = panel.putArray("targets").addObject();
        target.put("refId", layout.query().id());
        target.set("datasource", datasource());
        target.put("rawQuery", true);
        target.put("query", layout.query().influxQl());
        target.put("resultFormat", layout.format());
        return panel;
    }

    private static ObjectNode queryVariable(String name, CatalogueQuery query) {
        ObjectNode variable = JSON.createObjectNode();
        variable.put("name", name);
        variable.put("label", query.title());
        variable.put("type", "query");
        variable.set("datasource", datasource());
        variable.put("query", query.influxQl());
        variable.put("refresh", 1);
        variable.put("sort", 1);
        variable.put("multi", false);
        variable.put("includeAll", false);
        return variable;
    }

    private static ObjectNode datasource() {
        ObjectNode datasource = JSON.createObjectNode();
        datasource.put("type", "influxdb");
        datasource.put("uid", DATASOURCE_UID);
        return datasource;
    }
}
