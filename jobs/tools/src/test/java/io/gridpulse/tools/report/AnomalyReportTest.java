package io.gridpulse.tools.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyState;
import io.gridpulse.schema.AnomalyType;
import io.gridpulse.schema.Severity;
import io.gridpulse.simulator.anomaly.AnomalyKind;
import io.gridpulse.simulator.anomaly.InjectedAnomaly;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyReportTest {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    @Test
    void shouldPrintOneLinePerEventWithTheSubjectAndTheEndOnceResolved() {
        Anomaly.Builder outage =
                Anomaly.newBuilder()
                        .setAnomalyId("FEEDER_OUTAGE/D01-F02/2026-01-12T16:00:00Z")
                        .setType(AnomalyType.FEEDER_OUTAGE)
                        .setState(AnomalyState.OPEN)
                        .setSeverity(Severity.CRITICAL)
                        .setScore(0.8)
                        .setExpected(50)
                        .setActual(10)
                        .setUnit("meters")
                        .setFeederId("D01-F02")
                        .setDistrictId("D01")
                        .setStart(Instant.parse("2026-01-12T16:00:00Z"))
                        .setDetectedAt(Instant.parse("2026-01-12T16:05:00Z"))
                        .setMessage("40 of 50 meters silent");

        String open = AnomalyTopic.line(outage.build(), HELSINKI);
        String resolved =
                AnomalyTopic.line(
                        outage.setState(AnomalyState.RESOLVED)
                                .setEnd(Instant.parse("2026-01-12T17:30:00Z"))
                                .build(),
                        HELSINKI);

        assertThat(open)
                .startsWith(
                        "2026-01-12 18:00  OPEN      FEEDER_OUTAGE     CRITICAL  feeder D01-F02")
                .endsWith("0.80  40 of 50 meters silent");
        assertThat(resolved)
                .contains("RESOLVED")
                .endsWith("until 2026-01-12 19:30: 40 of 50 meters silent");
    }

    @Test
    void shouldCountInjectedAnomaliesPerTypeFromTheSimulatorsLedger(@TempDir Path truth)
            throws Exception {
        Files.writeString(
                truth.resolve(InjectedAnomalies.FILE),
                String.join(
                        "\n",
                        "type,meter_id,feeder_id,district_id,start,end,extra_w,detail",
                        "SPIKE,M000001,D01-F01,D01,2026-01-12T10:00:00Z,2026-01-12T10:15:00Z,3000.0,\"kettle, oven and sauna\"",
                        "SPIKE,M000002,D01-F01,D01,2026-01-12T11:00:00Z,2026-01-12T11:15:00Z,2500,oven",
                        "FEEDER_OUTAGE,,D01-F02,D01,2026-01-12T16:00:00Z,2026-01-12T17:30:00Z,0,breaker",
                        ""));

        var rows = InjectedAnomalies.read(truth);

        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).meterId()).isNull();
        assertThat(rows.get(0).end()).isEqualTo(Instant.parse("2026-01-12T10:15:00Z"));
        assertThat(rows.get(0).detail()).isEqualTo("kettle, oven and sauna");
        assertThat(rows.get(1).detail()).isEqualTo("oven");
        assertThat(rows)
                .extracting(InjectedAnomaly::type)
                .containsExactly(AnomalyKind.SPIKE, AnomalyKind.SPIKE, AnomalyKind.FEEDER_OUTAGE);
    }

    @Test
    void shouldSumTheEnergyOfMetersSilentToTheEndPerDistrict(@TempDir Path truth) throws Exception {
        Files.writeString(
                truth.resolve(InjectedAnomalies.FILE),
                String.join(
                        "\n",
                        "type,meter_id,feeder_id,district_id,start,end,extra_w,detail",
                        "METER_SILENT,M000145,D01-F02,D01,2026-01-28T19:50:00Z,2026-01-29T00:30:00Z,0.0,\"no readings for 4.67 h: the"
                                + " 9228.106 Wh used meanwhile arrive with the reading at 2026-01-29T00:35:00Z\"",
                        "METER_SILENT,M000186,D02-F02,D02,2026-02-07T23:25:00Z,2026-02-08T22:00:00Z,0.0,\"no readings from then to the"
                                + " end of the run (22.58 h): the 48688.935 Wh used meanwhile are never reported\"",
                        ""));

        assertThat(InjectedAnomalies.neverReportedKwhByDistrict(InjectedAnomalies.read(truth)))
                .containsOnlyKeys("D02")
                .hasEntrySatisfying(
                        "D02",
                        kwh ->
                                assertThat(kwh)
                                        .isCloseTo(
                                                48.688935,
                                                org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void shouldPrintFoundPerTypeOpenAndResolvedWithoutALedger() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        DemoSummary.printAnomalies(
                out, new java.util.TreeMap<>(Map.of("SPIKE", new long[] {1, 2})), null, HELSINKI);

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("Anomalies (InfluxDB anomaly): 3, 1 open, 2 resolved")
                .containsPattern("SPIKE +3 +1 +2");
    }
}
