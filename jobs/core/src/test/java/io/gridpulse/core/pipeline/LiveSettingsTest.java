package io.gridpulse.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.core.io.KafkaOptions;
import io.gridpulse.core.savings.live.SavingsOptions;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class LiveSettingsTest {

    @Test
    void shouldReadNoWeatherWhenNeitherTheTopicNorSavingsAreSet() {
        assertThat(LiveSettings.from(new Configuration()).weather()).isFalse();
    }

    @Test
    void shouldReadTheWeatherForTheDetectorsWhenTheOperatorNamesTheTopic() {
        Configuration config = new Configuration();
        config.set(KafkaOptions.WEATHER_TOPIC, "district-weather");

        LiveSettings settings = LiveSettings.from(config);

        assertThat(settings.weather()).isTrue();
        assertThat(settings.savings()).isEmpty();
        assertThat(settings.kafka().weatherTopic()).isEqualTo("district-weather");
    }

    @Test
    void shouldReadTheDefaultWeatherTopicWhenSavingsAreOn() {
        Configuration config = new Configuration();
        config.set(SavingsOptions.REPORTING_START, "2026-01-12");

        LiveSettings settings = LiveSettings.from(config);

        assertThat(settings.weather()).isTrue();
        assertThat(settings.kafka().weatherTopic()).isEqualTo("weather");
    }
}
