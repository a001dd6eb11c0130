package io.gridpulse.core.influx;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyState;
import io.gridpulse.schema.AnomalyType;
import io.gridpulse.schema.Severity;
import io.gridpulse.testkit.TestReadings;
import org.junit.jupiter.api.Test;

class AnomalyPointsTest {

    private static final long T0_NANOS = TestReadings.T0.toEpochMilli() * 1_000_000L;

    private static Anomaly.Builder spike() {
        return Anomaly.newBuilder()
                .setAnomalyId("SPIKE/M1/2026-01-12T00:00:00Z")
                .setType(AnomalyType.SPIKE)
                .setState(AnomalyState.OPEN)
                .setSeverity(Severity.WARNING)
                .setScore(11.2)
                .setExpected(0.35)
                .setActual(4.21)
                .setUnit("kWh")
                .setMeterId("M1")
                .setFeederId("D01-F01")
                .setDistrictId("D01")
                .setStart(TestReadings.T0)
                .setDetectedAt(TestReadings.T0.plus(TestReadings.QUARTER))
                .setMessage("quarter hour 4.21 kWh, profile 0.35 kWh");
    }

    @Test
    void shouldStampAnOpenAnomalyWithItsStartAndTagItsIdentity() {
        String line = AnomalyPoints.of(spike().build()).lineProtocol();

        assertThat(line).startsWith("anomaly,district=D01,feeder=D01-F01,meter=M1,type=SPIKE ");
        assertThat(line)
                .contains("state=\"OPEN\"")
                .contains("open=true")
                .contains("severity=\"WARNING\"")
                .contains("score=11.2")
                .contains("expected=0.35")
                .contains("actual=4.21")
                .contains("unit=\"kWh\"")
                .contains(
                        "detected_at="
                                + TestReadings.T0.plus(TestReadings.QUARTER).toEpochMilli()
                                + "i")
                .contains("message=\"quarter hour 4.21 kWh, profile 0.35 kWh\"")
                .contains("id=\"SPIKE/M1/2026-01-12T00:00:00Z\"")
                .doesNotContain("end=")
                .doesNotContain("duration_s")
                .endsWith(" " + T0_NANOS);
    }

    @Test
    void shouldWriteTheResolvedEventToTheSamePointWithItsEndAndDuration() {
        Anomaly open = spike().build();
        Anomaly resolved =
                spike().setState(AnomalyState.RESOLVED)
                        .setEnd(TestReadings.T0.plus(TestReadings.HOUR))
                        .setDetectedAt(TestReadings.T0.plus(TestReadings.HOUR))
                        .build();

        String openLine = AnomalyPoints.of(open).lineProtocol();
        String resolvedLine = AnomalyPoints.of(resolved).lineProtocol();

        // Same measurement, tags and time: InfluxDB keeps one point and the later write's fields
        // win.
        assertThat(seriesAndTime(resolvedLine)).isEqualTo(seriesAndTime(openLine));
        assertThat(resolvedLine)
                .contains("state=\"RESOLVED\"")
                .contains("open=false")
                .contains("end=" + TestReadings.T0.plus(TestReadings.HOUR).toEpochMilli() + "i")
                .contains("duration_s=3600.0");
    }

    @Test
    void shouldLeaveOutTheMeterTagOfAFeederLevelAnomaly() {
        Anomaly outage =
                spike().setType(AnomalyType.FEEDER_OUTAGE)
                        .setSeverity(Severity.CRITICAL)
                        .setMeterId(null)
                        .setUnit("meters")
                        .setAnomalyId("FEEDER_OUTAGE/D01-F01/2026-01-12T00:00:00Z")
                        .build();

        String line = AnomalyPoints.of(outage).lineProtocol();

        assertThat(line)
                .startsWith("anomaly,district=D01,feeder=D01-F01,type=FEEDER_OUTAGE ")
                .doesNotContain("meter=")
                .contains("severity=\"CRITICAL\"");
    }

    private static String seriesAndTime(String line) {
        return line.substring(0, line.indexOf(' ')) + line.substring(line.lastIndexOf(' '));
    }
}
