package io.gridpulse.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.core.config.PipelineOptions;
import io.gridpulse.core.influx.InfluxOptions;
import io.gridpulse.core.io.KafkaOptions;
import io.gridpulse.core.pipeline.LiveSettings;
import io.gridpulse.core.pipeline.LiveWorkflow;
import io.gridpulse.core.savings.live.SavingsOptions;
import io.gridpulse.testkit.EmbeddedKafka;
import io.gridpulse.testkit.InfluxServer;
import io.gridpulse.testkit.KnownSavingsProgramme;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Grafana dashboard as a site provisions it ({@code
 * grafana/dashboards/gridpulse-operations.json}): every panel's query and every variable's query is
 * taken from the JSON, Grafana's macros are substituted as Grafana substitutes them, and the
 * InfluxQL is run against a real influxd that the monitor job filled from known input: a simulated
 * grid with a feeder outage, a voltage anomaly and a dead letter ({@link SimulatedGrid}) for the
 * energy, anomaly and quality panels, and a programme with exactly known savings ({@link
 * KnownSavingsProgramme}) for the savings panels. Each result is checked against the simulator's
 * truth or the programme's known outcome. Grafana itself (its rendering, its transformations) is
 * not run here: it cannot be installed on these machines.
 */
class GrafanaPanelQueriesITCase {

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
    @RegisterExtension static final InfluxServer INFLUX = new InfluxServer();

    private static final String DATABASE = "gridpulse_grafana_it";
    private static final String SAVINGS_DATABASE = "gridpulse_grafana_savings_it";
    private static final InfluxProbe STORED = new InfluxProbe(INFLUX, DATABASE);
    private static final Path DASHBOARD = Path.of("grafana/dashboards/gridpulse-operations.json");

    /**
     * What Grafana makes of {@code $__interval} for this range on a panel about 1,000 pixels wide.
     */
    private static final String GRAFANA_INTERVAL = "5m";

    private static final double SAVINGS_TARGET = 0.10;

    private static SimulatedGrid grid;

    /** The simulated grid: energy, anomalies, data quality. */
    private static Scenario gridRun;

    /** A programme with known savings (live savings on): the savings panels. */
    private static Scenario savingsRun;

    /**
     * An influxd database the job filled, and what the Grafana dashboard is set to when it is
     * looked at.
     */
    record Scenario(
            String database,
            Instant from,
            Instant to,
            String district,
            String feeder,
            String meter) {}

    /** What a query's result must be, in the scenario it is run in. */
    record Expectation(Scenario scenario, Consumer<List<Map<String, Object>>> check) {}

    /**
     * One query as a Grafana panel (or variable) runs it: its refId, and the panel's time shift.
     */
    record PanelQuery(String panel, String refId, String influxQl, Duration timeShift) {
        String key() {
            return refId + (timeShift.isZero() ? "" : " shifted " + timeShift.toDays() + "d");
        }
    }

    @BeforeAll
    static void fillInfluxFromTheSimulations() throws Exception {
        runTheKnownSavingsProgramme();
        savingsRun =
                new Scenario(
                        SAVINGS_DATABASE,
                        KnownSavingsProgramme.dayStart(-1),
                        KnownSavingsProgramme.dayStart(KnownSavingsProgramme.DAYS + 1),
                        "D01",
                        "F2",
                        "m1");

        grid = SimulatedGrid.create();
        grid.startJob(KAFKA, INFLUX, DATABASE);
        grid.sendFirstPart(KAFKA);
        grid.sendSecondPart(KAFKA);
        Instant lastQuarter =
                SimulatedGrid.newestClosedQuarterEnd(grid.config.end())
                        .minus(SimulatedGrid.QUARTER);
        STORED.await(
                "the last quarter hour",
                "SELECT count(energy_kwh) FROM district_energy WHERE \"window\" = '15m'"
                        + " AND time = '"
                        + lastQuarter
                        + "'");
        STORED.await(
                "the outage resolved",
                "SELECT count(score) FROM anomaly WHERE \"open\" = false AND \"type\" ="
                        + " 'FEEDER_OUTAGE'");
        // The time picker: from a day before the simulation to its end (Grafana's range is
        // inclusive at both ends).
        gridRun =
                new Scenario(
                        DATABASE,
                        grid.config.start().minus(Duration.ofDays(1)),
                        grid.config.end(),
                        grid.outage.districtId(),
                        grid.outage.feederId(),
                        grid.voltage.meterId());
    }

    /** The monitor job with live savings on, bounded, over {@link KnownSavingsProgramme}. */
    private static void runTheKnownSavingsProgramme() throws Exception {
        KnownSavingsProgramme.Topics topics =
                new KnownSavingsProgramme.Topics(
                        "savings-readings", "savings-weather", "savings-models");
        for (String topic : List.of(topics.readings(), topics.weather(), topics.baselineModels())) {
            KAFKA.createTopic(topic, 1);
        }
        KnownSavingsProgramme.produce(KAFKA.bootstrapServers(), topics);
        Configuration options = new Configuration();
        options.set(KafkaOptions.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        options.set(KafkaOptions.GROUP_ID, "grafana-savings-it");
        options.set(KafkaOptions.BOUNDED, true);
        options.set(KafkaOptions.READINGS_TOPIC, topics.readings());
        options.set(KafkaOptions.WEATHER_TOPIC, topics.weather());
        options.set(KafkaOptions.BASELINE_MODELS_TOPIC, topics.baselineModels());
        options.set(InfluxOptions.URL, INFLUX.url());
        options.set(InfluxOptions.DATABASE, SAVINGS_DATABASE);
        options.set(PipelineOptions.READING_INTERVAL, Duration.ofHours(1));
        options.set(PipelineOptions.TIME_ZONE, "UTC");
        options.set(SavingsOptions.REPORTING_START, KnownSavingsProgramme.START.toString());
        options.set(SavingsOptions.TARGET, SAVINGS_TARGET);
        LiveSettings settings = LiveSettings.from(options);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfig().enableObjectReuse();
        LiveWorkflow.define(env, settings);
        env.execute("GridPulse monitor with live savings (Grafana test)");
    }

    @AfterAll
    static void stop() throws Exception {
        if (grid != null) {
            grid.stopJob();
        }
    }

    @Test
    void everyPanelQueryOfTheGrafanaDashboardGivesTheKnownValues() throws Exception {
        List<PanelQuery> queries = panelQueries(new ObjectMapper().readTree(DASHBOARD.toFile()));
        Map<String, Expectation> expected = expectations();

        assertThat(queries.stream().map(PanelQuery::key).collect(Collectors.toSet()))
                .as(
                        "every query of the JSON has an expectation here, and every expectation a query")
                .isEqualTo(expected.keySet());
        for (PanelQuery query : queries) {
            Expectation expectation = expected.get(query.key());
            Scenario scenario = expectation.scenario();
            expectation
                    .check()
                    .accept(
                            INFLUX.query(
                                    scenario.database(), grafanaInterpolated(query, scenario)));
        }
    }

    /** The queries of every panel target and every query variable, as the JSON has them. */
    static List<PanelQuery> panelQueries(JsonNode dashboard) {
        List<PanelQuery> out = new ArrayList<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asText())) {
                out.add(
                        new PanelQuery(
                                "variable",
                                "$" + variable.path("name").asText(),
                                variable.path("query").asText(),
                                Duration.ZERO));
            }
        }
        for (JsonNode panel : dashboard.path("panels")) {
            Duration shift =
                    panel.hasNonNull("timeShift")
                            ? grafanaDuration(panel.path("timeShift").asText())
                            : Duration.ZERO;
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("rawQuery").asBoolean())
                        .as(panel.path("title").asText())
                        .isTrue();
                out.add(
                        new PanelQuery(
                                panel.path("title").asText(),
                                target.path("refId").asText(),
                                target.path("query").asText(),
                                shift));
            }
        }
        return out;
    }

    /**
     * Grafana's InfluxQL interpolation: the time range in epoch milliseconds, the interval, the
     * variables' values.
     */
    private static String grafanaInterpolated(PanelQuery query, Scenario scenario) {
        Instant shiftedFrom = scenario.from().minus(query.timeShift());
        Instant shiftedTo = scenario.to().minus(query.timeShift());
        return query.influxQl()
                .replace(
                        "$timeFilter",
                        "time >= "
                                + shiftedFrom.toEpochMilli()
                                + "ms and time <= "
                                + shiftedTo.toEpochMilli()
                                + "ms")
                .replace("$__interval", GRAFANA_INTERVAL)
                .replace("$district", scenario.district())
                .replace("$feeder", scenario.feeder())
                .replace("$meter", scenario.meter());
    }

    private static Duration grafanaDuration(String text) {
        assertThat(text).matches("\\d+d");
        return Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1)));
    }

    /** Per query key, what its result must be for this simulation. */
    private static Map<String, Expectation> expectations() {
        Map<String, Expectation> expected = new HashMap<>();
        gridExpectations()
                .forEach((key, check) -> expected.put(key, new Expectation(gridRun, check)));
        savingsExpectations()
                .forEach((key, check) -> expected.put(key, new Expectation(savingsRun, check)));
        return expected;
    }

    /**
     * The savings panels, for district D01 of the programme: two meters counted at exactly the
     * reduction, one without a model, against the programme's target.
     */
    private static Map<String, Consumer<List<Map<String, Object>>>> savingsExpectations() {
        int days = KnownSavingsProgramme.DAYS;
        double reductionPct = 100 * KnownSavingsProgramme.REDUCTION;
        Map<String, Consumer<List<Map<String, Object>>>> expected = new HashMap<>();
        expected.put(
                "district_baseline",
                rows -> {
                    assertThat(rows).as("district_baseline: a point per day").hasSize(days);
                    for (int d = 0; d < days; d++) {
                        Map<String, Object> row = rowAt(rows, KnownSavingsProgramme.dayStart(d));
                        double predicted =
                                2
                                        * KnownSavingsProgramme.baselineDailyKwh(
                                                KnownSavingsProgramme.temperatureF(d));
                        assertThat(number(row, "predicted_kwh"))
                                .as("predicted, day " + d)
                                .isCloseTo(predicted, within(1e-6));
                        assertThat(number(row, "actual_kwh"))
                                .as("actual, day " + d)
                                .isCloseTo(
                                        predicted * (1 - KnownSavingsProgramme.REDUCTION),
                                        within(1e-6));
                        assertThat(number(row, "temperature_f"))
                                .isCloseTo(KnownSavingsProgramme.temperatureF(d), within(1e-6));
                    }
                });
        expected.put(
                "district_savings",
                rows -> {
                    assertThat(rows).as("district_savings: a point per day").hasSize(days);
                    for (Map<String, Object> row : rows) {
                        assertThat(number(row, "savings_pct"))
                                .isCloseTo(reductionPct, within(1e-6));
                        assertThat(number(row, "target_pct"))
                                .isCloseTo(100 * SAVINGS_TARGET, within(1e-9));
                        assertThat(number(row, "band_pct")).isPositive();
                    }
                    // The uncertainty narrows as the programme's days accumulate.
                    assertThat(number(rows.get(days - 1), "band_pct"))
                            .isLessThan(number(rows.get(0), "band_pct") / 2);
                    assertThat(number(rows.get(rows.size() - 1), "projected_pct"))
                            .isCloseTo(reductionPct, within(1e-6));
                });
        expected.put(
                "district_savings_latest",
                rows -> {
                    Map<String, Object> latest = single(rows, "district_savings_latest");
                    assertThat(Instant.parse((String) latest.get("time")))
                            .isEqualTo(KnownSavingsProgramme.dayStart(days - 1));
                    assertThat(number(latest, "savings_pct")).isCloseTo(reductionPct, within(1e-6));
                    assertThat(latest.get("on_track")).isEqualTo(true);
                    assertThat(number(latest, "meters_counted")).isEqualTo(2);
                    assertThat(number(latest, "meters_without_model")).isEqualTo(1);
                    assertThat(number(latest, "meters_missing_data")).isZero();
                });
        return expected;
    }

    private static Map<String, Consumer<List<Map<String, Object>>>> gridExpectations() {
        String district = grid.outage.districtId();
        String feeder = grid.outage.feederId();
        String meter = grid.voltage.meterId();
        Instant lastQuarter =
                SimulatedGrid.newestClosedQuarterEnd(grid.config.end())
                        .minus(SimulatedGrid.QUARTER);
        Instant firstDay = SimulatedGrid.dayStart(SimulatedGrid.FIRST_DAY);
        Instant secondDay = SimulatedGrid.dayStart(SimulatedGrid.FIRST_DAY.plusDays(1));
        Map<String, Consumer<List<Map<String, Object>>>> expected = new HashMap<>();

        expected.put(
                "$district",
                rows ->
                        assertThat(column(rows, "value"))
                                .as("$district")
                                .containsExactlyElementsOf(grid.truth.topology().districtIds()));
        expected.put(
                "$feeder",
                rows ->
                        assertThat(column(rows, "value"))
                                .as("$feeder")
                                .containsExactlyElementsOf(feedersOf(district)));

        expected.put(
                "district_latest_quarter",
                rows -> {
                    assertThat(rows)
                            .as("district_latest_quarter")
                            .hasSize(grid.truth.topology().districts());
                    for (Map<String, Object> row : rows) {
                        String d = (String) row.get("district");
                        assertThat(Instant.parse((String) row.get("time")))
                                .as("as of, " + d)
                                .isEqualTo(lastQuarter);
                        assertThat(number(row, "meters_reporting"))
                                .as("meters reporting, " + d)
                                .isEqualTo(grid.truth.districtMeters(d));
                        assertThat(number(row, "completeness"))
                                .as("completeness, " + d)
                                .isEqualTo(1.0);
                    }
                });
        expected.put(
                "meters_known",
                rows ->
                        assertThat(number(single(rows, "meters_known"), "count"))
                                .isEqualTo(grid.truth.districtMeters(district)));
        expected.put(
                "open_anomaly_count",
                rows -> assertThat(rows).as("open anomalies after the run").isEmpty());

        expected.put(
                "district_demand",
                rows -> {
                    assertHoursMatchTruth(
                            "district_demand",
                            rows,
                            hour -> grid.truth.districtHourKwh(district, hour),
                            firstDay,
                            lastQuarter);
                    rows.forEach(
                            row ->
                                    assertThat(number(row, "demand_kw"))
                                            .isCloseTo(
                                                    4 * number(row, "energy_kwh"), within(1e-9)));
                    assertThat(
                                    number(
                                            quarterAt(
                                                    rows,
                                                    grid.outage
                                                            .start()
                                                            .plus(Duration.ofMinutes(30))),
                                            "meters_reporting"))
                            .as("meters reporting during the outage")
                            .isEqualTo(
                                    grid.truth.districtMeters(district)
                                            - grid.truth.feederMeters(feeder));
                });
        expected.put(
                "district_peak",
                rows -> {
                    List<Map<String, Object>> quarters =
                            STORED.rows(
                                    "SELECT demand_kw FROM district_energy WHERE \"window\" ="
                                            + " '15m' AND district = '"
                                            + district
                                            + "'");
                    double highest =
                            quarters.stream()
                                    .mapToDouble(q -> number(q, "demand_kw"))
                                    .max()
                                    .orElseThrow();
                    assertThat(number(single(rows, "district_peak"), "peak_kw"))
                            .isEqualTo(highest)
                            .isPositive();
                });
        expected.put(
                "feeder_demand",
                rows -> {
                    assertHoursMatchTruth(
                            "feeder_demand",
                            rows,
                            hour -> grid.truth.feederHourKwh(feeder, hour),
                            firstDay,
                            lastQuarter);
                    Map<String, Object> inOutage =
                            quarterAt(rows, grid.outage.start().plus(Duration.ofMinutes(30)));
                    assertThat(inOutage == null ? 0 : number(inOutage, "meters_reporting"))
                            .as("feeder meters during the outage")
                            .isZero();
                });
        expected.put(
                "district_daily",
                rows -> {
                    Map<String, Object> day = rowAt(rows, firstDay);
                    assertThat(day).as("the first local day").isNotNull();
                    assertThat(number(day, "energy_kwh"))
                            .isCloseTo(
                                    grid.districtDayKwh(district, SimulatedGrid.FIRST_DAY),
                                    within(1e-6));
                    assertThat(number(day, "completeness")).isEqualTo(1.0);
                    assertThat(number(day, "estimated_kwh")).isZero();
                    assertThat(rowAt(rows, secondDay))
                            .as("the second day, not closed while the feed is live")
                            .isNull();
                });
        expected.put(
                "district_daily shifted 7d",
                rows -> assertThat(rows).as("the week before the simulation").isEmpty());
        expected.put(
                "open_anomalies",
                rows -> assertThat(rows).as("open anomalies after the run").isEmpty());
        expected.put(
                "resolved_anomalies",
                rows -> {
                    Map<String, Object> outage =
                            rows.stream()
                                    .filter(r -> "FEEDER_OUTAGE".equals(r.get("type")))
                                    .findFirst()
                                    .orElseThrow(
                                            () ->
                                                    new AssertionError(
                                                            "no resolved FEEDER_OUTAGE in "
                                                                    + rows));
                    assertThat(outage.get("feeder")).isEqualTo(feeder);
                    assertThat(outage.get("severity")).isEqualTo("CRITICAL");
                    assertThat(
                                    Duration.between(
                                                    grid.outage.start(),
                                                    Instant.parse((String) outage.get("time")))
                                            .abs())
                            .isLessThanOrEqualTo(SimulatedGrid.QUARTER);
                    assertThat(column(rows, "type"))
                            .as("resolved anomalies of the district")
                            .containsOnlyOnceElementsOf(
                                    district.equals(grid.voltage.districtId())
                                            ? List.of("FEEDER_OUTAGE", "VOLTAGE")
                                            : List.of("FEEDER_OUTAGE"));
                });
        expected.put(
                "meter_energy",
                rows -> {
                    double day =
                            rows.stream()
                                    .filter(r -> inDay(r, firstDay, secondDay))
                                    .mapToDouble(r -> number(r, "energy_kwh"))
                                    .sum();
                    assertThat(rows.stream().filter(r -> inDay(r, firstDay, secondDay)).count())
                            .isEqualTo(96);
                    assertThat(day)
                            .isCloseTo(
                                    grid.meterDayKwh(meter, SimulatedGrid.FIRST_DAY), within(1e-6));
                });
        expected.put(
                "meter_anomalies",
                rows -> {
                    assertThat(column(rows, "type")).containsExactly("VOLTAGE");
                    assertThat(
                                    Duration.between(
                                                    grid.voltage.start(),
                                                    Instant.parse((String) rows.get(0).get("time")))
                                            .abs())
                            .isLessThanOrEqualTo(SimulatedGrid.QUARTER);
                });
        expected.put(
                "quality_by_feeder",
                rows -> {
                    Map<String, Double> missing = new TreeMap<>();
                    rows.stream()
                            .filter(r -> "MISSING".equals(r.get("outcome")))
                            .forEach(
                                    r ->
                                            missing.put(
                                                    (String) r.get("feeder"),
                                                    number(r, "readings")));
                    assertThat(missing)
                            .as("readings missing per feeder")
                            .isEqualTo(Map.of(feeder, (double) grid.outageMissingReadings()));
                });
        expected.put(
                "gaps_by_feeder",
                rows -> {
                    Map<String, Object> gaps =
                            rows.stream()
                                    .filter(r -> feeder.equals(r.get("feeder")))
                                    .findFirst()
                                    .orElseThrow();
                    assertThat(number(gaps, "gaps")).isEqualTo(grid.truth.feederMeters(feeder));
                    assertThat(number(gaps, "missing_readings"))
                            .isEqualTo(grid.outageMissingReadings());
                    assertThat(rows).as("gaps only on the outage feeder").hasSize(1);
                });
        expected.put(
                "dead_letters",
                rows -> {
                    assertThat(rows).as("dead letters").hasSize(1);
                    assertThat(rows.get(0).get("outcome")).isEqualTo("UNDECODABLE");
                    assertThat(number(rows.get(0), "records")).isEqualTo(1);
                });
        expected.put(
                "dead_letters_over_time",
                rows -> {
                    List<Map<String, Object>> nonZero =
                            rows.stream().filter(r -> number(r, "records") > 0).toList();
                    assertThat(nonZero).as("buckets with dead letters").hasSize(1);
                    Instant bucket = Instant.parse((String) nonZero.get(0).get("time"));
                    // An undecodable record has no event time: it is booked in the quarter hour the
                    // job is in when it comes,
                    // somewhere between the simulation's start and the end of the first part, after
                    // which it was sent.
                    assertThat(bucket)
                            .isBetween(
                                    grid.config.start().minus(SimulatedGrid.QUARTER), grid.cutoff);
                });
        return expected;
    }

    /**
     * Each whole hour of the rows' quarter hours, from {@code first} to {@code last}, sums to the
     * truth's hour.
     */
    private static void assertHoursMatchTruth(
            String what,
            List<Map<String, Object>> rows,
            java.util.function.ToDoubleFunction<Instant> truthKwh,
            Instant first,
            Instant lastQuarter) {
        Map<Instant, Double> hours = new TreeMap<>();
        for (Map<String, Object> row : rows) {
            Instant t = Instant.parse((String) row.get("time"));
            hours.merge(
                    Instant.ofEpochMilli(t.toEpochMilli() / 3_600_000L * 3_600_000L),
                    number(row, "energy_kwh"),
                    Double::sum);
        }
        int checked = 0;
        for (Instant hour = first;
                !hour.plus(Duration.ofMinutes(45)).isAfter(lastQuarter);
                hour = hour.plus(Duration.ofHours(1))) {
            assertThat(hours.getOrDefault(hour, 0.0))
                    .as(what + " at " + hour)
                    .isCloseTo(truthKwh.applyAsDouble(hour), within(1e-6));
            checked++;
        }
        assertThat(checked).as(what + ": hours checked").isGreaterThan(40);
    }

    private static List<String> feedersOf(String district) {
        return grid.truth.topology().feederIds().stream()
                .filter(
                        f ->
                                grid.truth
                                        .topology()
                                        .districtId(
                                                grid.truth
                                                        .topology()
                                                        .districtOfFeeder(
                                                                grid.truth
                                                                        .topology()
                                                                        .feederIndex(f)))
                                        .equals(district))
                .sorted()
                .toList();
    }

    private static Map<String, Object> quarterAt(List<Map<String, Object>> rows, Instant instant) {
        long quarter = SimulatedGrid.QUARTER.toMillis();
        return rowAt(rows, Instant.ofEpochMilli(instant.toEpochMilli() / quarter * quarter));
    }

    private static Map<String, Object> rowAt(List<Map<String, Object>> rows, Instant time) {
        return rows.stream()
                .filter(r -> time.equals(Instant.parse((String) r.get("time"))))
                .findFirst()
                .orElse(null);
    }

    private static boolean inDay(Map<String, Object> row, Instant dayStart, Instant nextDay) {
        Instant t = Instant.parse((String) row.get("time"));
        return !t.isBefore(dayStart) && t.isBefore(nextDay);
    }

    private static Map<String, Object> single(List<Map<String, Object>> rows, String what) {
        assertThat(rows).as(what).hasSize(1);
        return rows.get(0);
    }

    private static List<Object> column(List<Map<String, Object>> rows, String name) {
        return rows.stream().map(r -> r.get(name)).toList();
    }

    private static double number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        assertThat(value).as(column + " in " + row).isInstanceOf(Number.class);
        return ((Number) value).doubleValue();
    }
}
