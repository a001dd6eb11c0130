package io.gridpulse.core.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.core.metrics.RecordingMetricGroup;
import io.gridpulse.schema.AnomalyType;
import org.junit.jupiter.api.Test;

class AnomalyCountersTest {

    @Test
    void shouldCountOpenedAnomaliesPerTypeAndInTotal() {
        RecordingMetricGroup group = new RecordingMetricGroup();
        AnomalyCounters counters = new AnomalyCounters(group);

        counters.opened(AnomalyType.SPIKE);
        counters.opened(AnomalyType.SPIKE);
        counters.opened(AnomalyType.FEEDER_OUTAGE);

        assertThat(group.count("anomalies.opened.total")).isEqualTo(3);
        assertThat(group.count("anomalies.opened.SPIKE")).isEqualTo(2);
        assertThat(group.count("anomalies.opened.FEEDER_OUTAGE")).isEqualTo(1);
        assertThat(group.count("anomalies.opened.VOLTAGE"))
                .as("registered at 0 from the start")
                .isZero();
        assertThat(group.metrics()).hasSize(AnomalyType.values().length + 1 + 3);
    }

    @Test
    void shouldCountTheMetersMetAndThoseWhoseWarmUpIsOver() {
        RecordingMetricGroup group = new RecordingMetricGroup();
        AnomalyCounters counters = new AnomalyCounters(group);

        counters.meterSeen();
        counters.meterSeen();
        counters.meterWarm();

        assertThat(group.count("anomalies.meters.seen")).isEqualTo(2);
        assertThat(group.count("anomalies.meters.warm")).isEqualTo(1);
    }

    @Test
    void shouldCountQuarterHoursJudgedWithoutTheirTemperature() {
        RecordingMetricGroup group = new RecordingMetricGroup();
        AnomalyCounters counters = new AnomalyCounters(group);

        counters.quarterWithoutTemperature();

        assertThat(group.count("anomalies.quarters.withoutTemperature")).isEqualTo(1);
    }

    @Test
    void shouldTakeAForgottenMeterOutOfTheCounts() {
        RecordingMetricGroup group = new RecordingMetricGroup();
        AnomalyCounters counters = new AnomalyCounters(group);
        counters.meterSeen();
        counters.meterSeen();
        counters.meterWarm();

        counters.meterForgotten(true);
        counters.meterForgotten(false);

        assertThat(group.count("anomalies.meters.seen")).isZero();
        assertThat(group.count("anomalies.meters.warm")).isZero();
    }
}
