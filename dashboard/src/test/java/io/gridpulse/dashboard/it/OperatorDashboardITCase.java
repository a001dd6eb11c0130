package io.gridpulse.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.dashboard.catalogue.InfluxQueries;
import io.gridpulse.dashboard.health.FlinkHealth;
import io.gridpulse.dashboard.http.DashboardServer;
import io.gridpulse.testkit.EmbeddedKafka;
import io.gridpulse.testkit.InfluxServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operators' dashboard in a real headless Chromium, over a real influxd that the monitor job
 * fills from a known simulation through a real Kafka broker ({@link SimulatedGrid}). What the page
 * shows is checked against InfluxDB and against the simulator's ground truth: while a feeder outage
 * is under way, and after the rest of the feed arrives with the page left open (no reload).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorDashboardITCase {

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
    @RegisterExtension static final InfluxServer INFLUX = new InfluxServer();

    private static final String DATABASE = "gridpulse_dashboard_it";
    private static final Duration PATIENCE = InfluxProbe.PATIENCE;
    private static final InfluxProbe STORED = new InfluxProbe(INFLUX, DATABASE);

    @TempDir static Path browserProfile;

    private static SimulatedGrid grid;
    private static DashboardServer dashboard;
    private static WebDriver browser;
    private static String base;
    private static String district;

    @BeforeAll
    static void start() throws Exception {
        grid = SimulatedGrid.create();
        district = grid.outage.districtId();
        URI flinkRest = grid.startJob(KAFKA, INFLUX, DATABASE);
        grid.sendFirstPart(KAFKA);
        STORED.await(
                "the outage open",
                "SELECT count(score) FROM anomaly WHERE \"open\" = true AND \"type\" ="
                        + " 'FEEDER_OUTAGE'");

        InfluxDB client = InfluxDBFactory.connect(INFLUX.url());
        dashboard =
                DashboardServer.start(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                        new DashboardServer.Settings(
                                SimulatedGrid.ZONE, Duration.ofSeconds(1), null),
                        new InfluxQueries(client, DATABASE, ""),
                        new FlinkHealth(flinkRest, Clock.systemUTC()),
                        Clock.systemUTC());
        base = "http://127.0.0.1:" + dashboard.port() + "/";
        browser = HeadlessChromium.start(browserProfile);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (grid != null) {
            grid.stopJob();
        }
    }

    @Test
    @Order(1)
    void shouldListTheFeederOutageFirstWhileItsMetersAreSilent() {
        browser.get(base + "?district=" + district);

        Instant asOf = SimulatedGrid.newestClosedQuarterEnd(grid.cutoff);
        WebElement header =
                awaitPage(
                        "the header at " + asOf,
                        () -> {
                            WebElement row =
                                    browser.findElement(
                                            By.cssSelector(
                                                    "#overview tr[data-district='"
                                                            + district
                                                            + "']"));
                            return asOf.toString()
                                            .equals(
                                                    row.findElement(By.className("as-of"))
                                                            .getDomAttribute("data-time"))
                                    ? row
                                    : null;
                        });
        int known = grid.truth.districtMeters(district);
        int silent = grid.truth.feederMeters(grid.outage.feederId());
        assertThat(header.findElement(By.className("meters-reporting")).getText())
                .isEqualTo((known - silent) + " of " + known);
        assertThat(
                        STORED.number(
                                "SELECT meters_reporting FROM district_energy WHERE \"window\" = '15m' AND district = '"
                                        + district
                                        + "' AND time = '"
                                        + asOf.minus(SimulatedGrid.QUARTER)
                                        + "'"))
                .isEqualTo(known - silent);

        WebElement first =
                awaitPage(
                        "the open anomalies",
                        () ->
                                browser.findElement(
                                        By.cssSelector("#open-anomalies tbody tr[data-type]")));
        assertThat(first.getDomAttribute("data-type")).isEqualTo("FEEDER_OUTAGE");
        assertThat(first.findElement(By.className("subject")).getText())
                .isEqualTo("feeder " + grid.outage.feederId());
        assertThat(first.findElement(By.className("severity")).getText()).isEqualTo("CRITICAL");
        Instant since =
                Instant.parse(
                        first.findElement(By.className("since")).getDomAttribute("data-time"));
        assertThat(Duration.between(grid.outage.start(), since).abs())
                .isLessThanOrEqualTo(SimulatedGrid.QUARTER);
        assertThat(header.findElement(By.cssSelector("[data-severity='CRITICAL']")).getText())
                .startsWith("1 critical");

        WebElement job =
                awaitPage(
                        "the job running with a checkpoint",
                        () -> {
                            WebElement row =
                                    browser.findElement(
                                            By.cssSelector("#health tbody tr[data-job]"));
                            return !row.getDomAttribute("data-checkpoint-age").isEmpty()
                                    ? row
                                    : null;
                        });
        assertThat(job.findElement(By.className("state")).getText()).isEqualTo("RUNNING");
        // Two simulated days are far short of the detectors' warm-up: every meter is learning, and
        // nothing judged can have been dropped as a crowd. Flink's REST API fetches the counters
        // every few seconds.
        int meters = grid.truth.households().size();
        String learning =
                "meters learning: "
                        + meters
                        + " of "
                        + meters
                        + " (not yet judged for energy anomalies)";
        awaitPage(
                "every meter learning",
                () ->
                        learning.equals(
                                        browser.findElement(
                                                        By.cssSelector(
                                                                "#health tbody tr[data-job]"
                                                                        + " .meters-learning"))
                                                .getText())
                                ? true
                                : null);
        assertThat(
                        browser.findElement(
                                        By.cssSelector(
                                                "#health tbody tr[data-job] .crowds-suppressed"))
                                .getText())
                .isEqualTo("weather crowds suppressed: 0");
        HeadlessChromium.screenshot(browser, "1-feeder-outage-open");
    }

    @Test
    @Order(2)
    void shouldShowNewDataAndTheResolvedOutageWithoutAReload() throws Exception {
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = 'still here';");

        grid.sendSecondPart(KAFKA);

        Instant asOf = SimulatedGrid.newestClosedQuarterEnd(grid.config.end());
        awaitPage(
                "the header at " + asOf,
                () ->
                        asOf.toString()
                                        .equals(
                                                browser.findElement(
                                                                By.cssSelector(
                                                                        "#overview tr[data-district='"
                                                                                + district
                                                                                + "'] .as-of"))
                                                        .getDomAttribute("data-time"))
                                ? true
                                : null);
        WebElement resolved =
                awaitPage(
                        "the outage resolved",
                        () ->
                                browser.findElement(
                                        By.cssSelector(
                                                "#resolved-anomalies tr[data-type='FEEDER_OUTAGE']")));
        assertThat(resolved.findElement(By.className("subject")).getText())
                .isEqualTo("feeder " + grid.outage.feederId());
        assertThat(
                        browser.findElements(
                                By.cssSelector("#open-anomalies tr[data-type='FEEDER_OUTAGE']")))
                .isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument;"))
                .isEqualTo("still here");

        int known = grid.truth.districtMeters(district);
        assertThat(
                        browser.findElement(
                                        By.cssSelector(
                                                "#overview tr[data-district='"
                                                        + district
                                                        + "'] .meters-reporting"))
                                .getText())
                .isEqualTo(known + " of " + known);

        // The first local day, complete: the page, InfluxDB and the simulator agree on its energy.
        Instant day = SimulatedGrid.dayStart(SimulatedGrid.FIRST_DAY);
        WebElement dayRow =
                awaitPage(
                        "the first day's row",
                        () ->
                                browser.findElement(
                                        By.cssSelector("#daily tr[data-day='" + day + "']")));
        double shown =
                Double.parseDouble(
                        dayRow.findElement(By.className("energy")).getText().replace(",", ""));
        double truth = grid.districtDayKwh(district, SimulatedGrid.FIRST_DAY);
        double stored =
                STORED.number(
                        "SELECT energy_kwh FROM district_energy WHERE \"window\" = '1d' AND district = '"
                                + district
                                + "' AND time = '"
                                + day
                                + "'");
        assertThat(stored).isCloseTo(truth, within(1e-6));
        assertThat(shown).isCloseTo(truth, within(0.05)); // shown to 0.1 kWh
        assertThat(dayRow.findElement(By.className("completeness")).getText()).isEqualTo("100.0%");
        HeadlessChromium.screenshot(browser, "2-feeder-outage-resolved");
    }

    @Test
    @Order(3)
    void shouldDrillDownIntoAMeterWithItsAnomalyMarked() throws Exception {
        String meter = grid.voltage.meterId();
        browser.get(base + "?district=" + grid.voltage.districtId() + "&range=P2D&meter=" + meter);

        WebElement marked =
                awaitPage(
                        "the meter's anomaly",
                        () ->
                                browser.findElement(
                                        By.cssSelector("#meter-anomalies li[data-anomaly-id]")));
        assertThat(marked.getText()).startsWith("VOLTAGE (resolved");
        assertThat(browser.findElement(By.id("meter-meta")).getText())
                .startsWith(meter + " · as of");
        HeadlessChromium.screenshot(browser, "3-meter-drill-down");

        // Its first day through the endpoint the chart draws from, against the simulator.
        Instant nextDay = SimulatedGrid.dayStart(SimulatedGrid.FIRST_DAY.plusDays(1));
        HttpResponse<String> response =
                get("api/meter?meter=" + meter + "&range=P1D&to=" + nextDay);
        assertThat(response.statusCode()).isEqualTo(200);
        List<Map<String, Object>> quarters =
                (List<Map<String, Object>>) json(response.body()).get("quarters");
        double sum =
                quarters.stream()
                        .mapToDouble(q -> ((Number) q.get("energyKwh")).doubleValue())
                        .sum();
        assertThat(quarters).hasSize(96);
        assertThat(sum).isCloseTo(grid.meterDayKwh(meter, SimulatedGrid.FIRST_DAY), within(1e-6));
    }

    @Test
    @Order(4)
    void shouldShowTheDeadLetterAndTheOutagesGapsPerFeeder() {
        browser.get(base + "?district=" + district + "&range=P2D");

        WebElement undecodable =
                awaitPage(
                        "the dead letter",
                        () ->
                                browser.findElement(
                                        By.cssSelector(
                                                "#dead-letters tr[data-reason='UNDECODABLE']")));
        assertThat(undecodable.findElement(By.className("count")).getText()).isEqualTo("1");
        WebElement feeder =
                awaitPage(
                        "the outage feeder's quality",
                        () ->
                                browser.findElement(
                                        By.cssSelector(
                                                "#quality tr[data-feeder='"
                                                        + grid.outage.feederId()
                                                        + "']")));
        assertThat(feeder.findElement(By.className("gaps")).getText())
                .isEqualTo(String.valueOf(grid.truth.feederMeters(grid.outage.feederId())));
        assertThat(feeder.findElement(By.className("missing")).getText())
                .isEqualTo(String.valueOf(grid.outageMissingReadings()));
        HeadlessChromium.screenshot(browser, "4-data-quality");
    }

    @Test
    @Order(5)
    void shouldRefuseBadSelectionsCleanly() throws Exception {
        browser.get(base + "?district=D99");
        assertThat(awaitPage("the error", () -> visibleError()))
                .isEqualTo("unknown district 'D99'");
        assertThat(browser.findElements(By.cssSelector("#overview tr[data-district]")))
                .hasSize(2); // the header stays

        browser.get(base + "?district=" + encode(district + "' OR '1'='1"));
        assertThat(awaitPage("the error", () -> visibleError()))
                .contains("not a valid district id");
        HeadlessChromium.screenshot(browser, "5-bad-selection");

        for (String path :
                List.of(
                        "api/demand?district=" + encode(district + "' OR '1'='1"),
                        "api/demand?district=" + encode("D01\"; DROP DATABASE \"" + DATABASE),
                        "api/demand?district="
                                + district
                                + "&feeder="
                                + encode("x' OR time > 0 --"),
                        "api/meter?meter=" + encode("/.*/"),
                        "api/daily?district=" + encode("<script>alert(1)</script>"),
                        "api/anomalies?district=" + district + "&range=" + encode("P1D; DROP"),
                        "api/quality?district=" + district + "&to=" + encode("now()"))) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(response.body())
                    .as(path)
                    .startsWith("{\"error\":")
                    .doesNotContain("SELECT", "FROM", "DROP", "<script>");
        }
        // A malformed escape, which java.net.URI would not even send: the JDK's server refuses it
        // before any handler.
        assertThat(rawGet("api/feeders?district=%ZZ")).startsWith("HTTP/1.1 400");
        assertThat(rawGet("api/feeders?district=D01%2")).startsWith("HTTP/1.1 400");
        assertThat(get("api/demand?district=D99").statusCode()).isEqualTo(404);
        assertThat(get("api/demand?district=" + district + "&feeder=D99-F01").statusCode())
                .isEqualTo(404);
        assertThat(STORED.number("SELECT count(energy_kwh) FROM district_energy"))
                .isPositive(); // nothing was dropped
    }

    private static String visibleError() {
        WebElement error = browser.findElement(By.id("error"));
        return error.isDisplayed() && !error.getText().isEmpty() ? error.getText() : null;
    }

    private static <T> T awaitPage(String what, java.util.function.Supplier<T> probe) {
        return new WebDriverWait(browser, PATIENCE)
                .withMessage("the page never showed " + what)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> probe.get());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** The status line, headers and body of a GET sent as written, byte for byte. */
    private static String rawGet(String path) throws Exception {
        try (java.net.Socket socket =
                new java.net.Socket(InetAddress.getLoopbackAddress(), dashboard.port())) {
            socket.getOutputStream()
                    .write(
                            ("GET /"
                                            + path
                                            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String body) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readValue(body, Map.class);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
