package io.gridpulse.core.savings.live;

import static io.gridpulse.core.savings.live.SavingsFixtures.START;
import static io.gridpulse.core.savings.live.SavingsFixtures.endOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.WeatherObservation;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class DailyTemperaturesTest {

    @Test
    void shouldEmitTheDaysMeanInFahrenheitAndKeepALateObservationAsADeadLetter() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, WeatherObservation, DistrictTemperature>
                harness =
                        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                                new DailyTemperatures(SavingsFixtures.ZONES),
                                WeatherObservation::getDistrictId,
                                Types.STRING)) {
            observe(harness, 0, 0.0);
            observe(harness, 12, 10.0);
            harness.processWatermark(endOf(START));
            observe(harness, 18, 30.0); // the day was emitted already

            List<DistrictTemperature> days = harness.extractOutputValues();
            assertThat(days)
                    .singleElement()
                    .satisfies(
                            day -> {
                                assertThat(day.day).isEqualTo(START.toEpochDay());
                                assertThat(day.temperatureF)
                                        .isCloseTo(41.0, within(1e-9)); // mean 5 C
                                assertThat(day.observations).isEqualTo(2);
                            });
            assertThat(harness.getSideOutput(DailyTemperatures.LATE))
                    .singleElement()
                    .extracting(StreamRecord::getValue)
                    .satisfies(
                            dead -> {
                                assertThat(((DeadLetter) dead).getReason())
                                        .isEqualTo(DeadLetterReason.LATE);
                                assertThat(((DeadLetter) dead).getMessage())
                                        .contains("district D1")
                                        .contains("arrived after");
                            });
        }
    }

    private static void observe(
            KeyedOneInputStreamOperatorTestHarness<String, WeatherObservation, DistrictTemperature>
                    harness,
            int hour,
            double celsius)
            throws Exception {
        var time = START.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(hour));
        harness.processElement(
                WeatherObservation.newBuilder()
                        .setDistrictId("D1")
                        .setTime(time)
                        .setTemperatureC(celsius)
                        .build(),
                time.toEpochMilli());
    }
}
