package io.gridpulse.core.vee;

import static io.gridpulse.testkit.TestReadings.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.testkit.TestReadings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadingRulesTest {

    private static final long NOW = T0.plus(Duration.ofDays(1)).toEpochMilli();
    private final ReadingRules rules = ReadingRules.defaults();

    @Test
    void shouldAcceptAPlausibleReading() {
        assertThat(rules.check(valid().build(), NOW)).isNull();
    }

    @Test
    void shouldRejectMissingAndMalformedIds() {
        assertThat(reason(valid().setMeterId(""))).isEqualTo(DeadLetterReason.MISSING_ID);
        assertThat(reason(valid().setFeederId(""))).isEqualTo(DeadLetterReason.MISSING_ID);
        assertThat(reason(valid().setDistrictId("D 01; DROP")))
                .isEqualTo(DeadLetterReason.MALFORMED_ID);
        assertThat(reason(valid().setMeterId("M".repeat(65))))
                .isEqualTo(DeadLetterReason.MALFORMED_ID);
    }

    @Test
    void shouldRejectValuesThatAreNotNumbers() {
        assertThat(reason(valid().setActiveEnergyWh(Double.NaN)))
                .isEqualTo(DeadLetterReason.MALFORMED_VALUE);
        assertThat(reason(valid().setActiveEnergyWh(-1)))
                .isEqualTo(DeadLetterReason.MALFORMED_VALUE);
        assertThat(reason(valid().setAveragePowerW(Double.POSITIVE_INFINITY)))
                .isEqualTo(DeadLetterReason.MALFORMED_VALUE);
    }

    @Test
    void shouldRejectTimestampsFromABrokenClockOrBeyondTheRetentionHorizon() {
        assertThat(
                        reason(
                                valid().setTimestamp(
                                                Instant.ofEpochMilli(NOW)
                                                        .plus(Duration.ofMinutes(6)))))
                .isEqualTo(DeadLetterReason.FUTURE_TIMESTAMP);
        assertThat(
                        rules.check(
                                valid().setTimestamp(
                                                Instant.ofEpochMilli(NOW)
                                                        .plus(Duration.ofMinutes(4)))
                                        .build(),
                                NOW))
                .isNull();
        assertThat(reason(valid().setTimestamp(Instant.parse("1970-01-01T00:00:00Z"))))
                .isEqualTo(DeadLetterReason.ANCIENT_TIMESTAMP);
    }

    @Test
    void shouldRejectImplausiblePowerWithTheThresholdInTheMessage() {
        assertThat(reason(valid().setAveragePowerW(-5))).isEqualTo(DeadLetterReason.NEGATIVE_POWER);
        Rejection tooHigh = rules.check(valid().setAveragePowerW(45_000).build(), NOW);
        assertThat(tooHigh.reason()).isEqualTo(DeadLetterReason.POWER_TOO_HIGH);
        assertThat(tooHigh.message()).contains("45000.0 W", "30000.0 W");
        assertThat(
                        new ReadingRules(Duration.ofMinutes(5), Duration.ofDays(10), 50_000)
                                .check(valid().setAveragePowerW(45_000).build(), NOW))
                .isNull();
    }

    private DeadLetterReason reason(MeterReading.Builder reading) {
        Rejection rejection = rules.check(reading.build(), NOW);
        assertThat(rejection).isNotNull();
        return rejection.reason();
    }

    private static MeterReading.Builder valid() {
        return MeterReading.newBuilder(
                TestReadings.reading("M000001", "D01-F01", "D01", T0, 12_345, 800));
    }
}
