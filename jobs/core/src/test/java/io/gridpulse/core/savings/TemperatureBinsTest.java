package io.gridpulse.core.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TemperatureBinsTest {

    @Test
    void shouldSplitATemperatureIntoThePartsInEachBin() {
        TemperatureBins bins = new TemperatureBins(TemperatureBins.CALTRACK_KNOTS_F);
        double[] features = new double[bins.count()];

        bins.features(60, features);

        assertThat(features).containsExactly(30, 15, 10, 5, 0, 0, 0);
        for (double t : new double[] {-20, 12.5, 44, 65, 99}) {
            bins.features(t, features);
            assertThat(Arrays.stream(features).sum()).isCloseTo(t, within(1e-9));
        }
    }

    @Test
    void shouldJoinBinsWithFewerThanTwentyHoursToANeighbour() {
        // a mild climate: nothing below 45 °F, ten hours above 90 °F
        double[] temperatures = new double[400];
        for (int i = 0; i < temperatures.length; i++) {
            temperatures[i] = i < 10 ? 95 : 46 + (i % 44);
        }

        TemperatureBins bins = TemperatureBins.forBaseline(temperatures);

        assertThat(bins.knotsF()).containsExactly(55, 65, 75);
    }

    @Test
    void shouldKeepOneBinForAConstantClimate() {
        double[] temperatures = new double[100];
        Arrays.fill(temperatures, 50);
        TemperatureBins bins = TemperatureBins.forBaseline(temperatures);
        double[] features = new double[bins.count()];
        bins.features(50, features);
        assertThat(Arrays.stream(features).sum()).isEqualTo(50);
    }
}
