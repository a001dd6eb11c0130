package io.gridpulse.core.anomaly;

import static io.gridpulse.core.anomaly.FilledAnomalies.filled;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyType;
import io.gridpulse.schema.Severity;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DistrictCrowdsTest {

    private static final long NIGHT_END = Instant.parse("2026-08-05T03:00:00Z").toEpochMilli();
    private static final long HOUR = Duration.ofHours(1).toMillis();

    private KeyedTwoInputStreamOperatorTestHarness<String, Anomaly, SilenceSignal, Anomaly> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new KeyedCoProcessOperator<>(
                                new DistrictCrowds(AnomalySettings.defaults())),
                        Anomaly::getDistrictId,
                        SilenceSignal::districtId,
                        Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void shouldDropAHotNightThatRaisedManyHouseholdsBaseLoadTogether() throws Exception {
        meters(20);
        for (int m = 1; m <= 3; m++) {
            open(AnomalyType.HIGH_BASE_LOAD, "m" + m, NIGHT_END + m * 60_000L);
        }
        watermark(NIGHT_END + 2 * HOUR);
        resolved(AnomalyType.HIGH_BASE_LOAD, "m1", NIGHT_END + 24 * HOUR);

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void shouldPassTwoHouseholdsAWindowLateAndTheirResolutions() throws Exception {
        meters(20);
        open(AnomalyType.HIGH_BASE_LOAD, "m1", NIGHT_END);
        open(AnomalyType.HIGH_BASE_LOAD, "m2", NIGHT_END);
        open(AnomalyType.SUSTAINED_HIGH, "m3", NIGHT_END); // another type: not the same crowd
        resolved(AnomalyType.HIGH_BASE_LOAD, "m2", NIGHT_END + 30 * 60_000L); // while held
        assertThat(harness.extractOutputValues()).isEmpty();

        watermark(NIGHT_END + HOUR);
        resolved(AnomalyType.HIGH_BASE_LOAD, "m1", NIGHT_END + 24 * HOUR);

        assertThat(harness.extractOutputValues())
                .extracting(a -> a.getMeterId() + " " + a.getType() + " " + a.getState())
                .containsExactlyInAnyOrder(
                        "m1 HIGH_BASE_LOAD OPEN",
                        "m2 HIGH_BASE_LOAD OPEN",
                        "m2 HIGH_BASE_LOAD RESOLVED",
                        "m3 SUSTAINED_HIGH OPEN",
                        "m1 HIGH_BASE_LOAD RESOLVED");
    }

    @Test
    void shouldNeedAShareOfALargeDistrict() throws Exception {
        meters(400); // 3% of 400: 12
        for (int m = 1; m <= 11; m++) {
            open(AnomalyType.HIGH_BASE_LOAD, "m" + m, NIGHT_END);
        }
        watermark(NIGHT_END + HOUR);

        assertThat(harness.extractOutputValues()).hasSize(11);
    }

    @Test
    void shouldPassOtherAnomaliesAtOnce() throws Exception {
        meters(20);
        for (int m = 1; m <= 5; m++) {
            open(AnomalyType.SPIKE, "m" + m, NIGHT_END);
        }
        assertThat(harness.extractOutputValues()).hasSize(5);
    }

    private void meters(int count) throws Exception {
        for (int m = 0; m < count; m++) {
            harness.processElement2(
                    new SilenceSignal(
                            SilenceSignal.Kind.SEEN, "x" + m, "F1", "D1", NIGHT_END, NIGHT_END),
                    NIGHT_END - 30 * 24 * HOUR);
        }
    }

    private void open(AnomalyType type, String meter, long detectedAt) throws Exception {
        harness.processElement1(
                filled(
                        AnomalyEvents.open(
                                type,
                                Severity.WARNING,
                                meter,
                                "F1",
                                "D1",
                                NIGHT_END - 6 * HOUR,
                                detectedAt)),
                detectedAt - 1);
    }

    private void resolved(AnomalyType type, String meter, long at) throws Exception {
        // the OPEN event's start: the id an OPEN and its RESOLVED share
        harness.processElement1(
                filled(
                        AnomalyEvents.resolved(
                                type,
                                Severity.WARNING,
                                meter,
                                "F1",
                                "D1",
                                NIGHT_END - 6 * HOUR,
                                at,
                                at)),
                at - 1);
    }

    private void watermark(long time) throws Exception {
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(time));
    }
}
