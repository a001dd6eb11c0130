package io.gridpulse.core.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.core.config.PipelineOptions;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.junit.jupiter.api.Test;

class AnomalySettingsTest {

    @Test
    void shouldCallAMeterSilentAfterAnHourOrThreeMissedReadingsWhicheverIsLonger() {
        assertThat(silentAfter(Duration.ofMinutes(1))).isEqualTo(Duration.ofHours(1));
        assertThat(silentAfter(Duration.ofMinutes(15))).isEqualTo(Duration.ofHours(1));
        assertThat(silentAfter(Duration.ofHours(1))).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void shouldKeepASilenceThresholdThatIsSet() {
        Configuration config = new Configuration();
        config.set(PipelineOptions.READING_INTERVAL, Duration.ofHours(1));
        config.set(AnomalyOptions.SILENT_AFTER, Duration.ofMinutes(90));

        assertThat(AnomalySettings.from(config).silentAfter()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void shouldRefuseAWarmUpTooShortToSeeEveryHourOfTheWeek() {
        Configuration config = new Configuration();
        config.set(AnomalyOptions.WARM_UP, Duration.ofDays(3));

        assertThatThrownBy(() -> AnomalySettings.from(config))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("anomaly.warm-up (PT72H) is shorter than a week");
        config.set(AnomalyOptions.WARM_UP, Duration.ofDays(7));
        assertThat(AnomalySettings.from(config).warmUp()).isEqualTo(Duration.ofDays(7));
    }

    private static Duration silentAfter(Duration readingInterval) {
        Configuration config = new Configuration();
        config.set(PipelineOptions.READING_INTERVAL, readingInterval);
        return AnomalySettings.from(config).silentAfter();
    }
}
