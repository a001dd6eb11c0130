package io.gridpulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.bench.VoltageExcursions.Excursion;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.schema.QuarterHours;
import io.gridpulse.simulator.CollectingSink;
import io.gridpulse.simulator.HouseholdProfile;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The latency run's planted anomalies: exactly the planned quarter hours are out of band, each its
 * own anomaly.
 */
class VoltageExcursionsTest {

    private static final long Q = QuarterHours.MILLIS;

    @Test
    void shouldPutEveryReadingOfThePlannedQuarterHoursOutOfBandAndNothingElse() {
        assertPlan(1);
    }

    @Test
    void shouldSpanSeveralQuarterHoursWhenTheMinimumDurationAsksForIt() {
        assertPlan(2);
    }

    private static void assertPlan(int quarters) {
        SimulationConfig config =
                SimulationConfig.defaults()
                        .withHouseholds(200)
                        .withFeeders(4)
                        .withDistricts(4)
                        .withDuration(Duration.ofHours(3))
                        .withMeterTruth(false);
        Simulation simulation = new Simulation(config);
        List<String> meterIds =
                simulation.households().stream().map(HouseholdProfile::meterId).toList();
        long start = config.start().toEpochMilli();
        VoltageExcursions plan =
                new VoltageExcursions(meterIds, start + 2 * Q, start + 10 * Q, quarters, 5, 260.0);
        CollectingSink sink = new CollectingSink();
        simulation.run(sink, plan);

        assertThat(plan.excursions()).hasSize(9 * 5);
        Map<String, Long> outOfBandQuarters =
                new HashMap<>(); // meter@quarterEnd -> readings at 260 V
        for (MeterReading reading : sink.readings()) {
            long end = QuarterHours.endOf(reading.getTimestamp().toEpochMilli());
            if (reading.getVoltageV() == 260.0) {
                outOfBandQuarters.merge(reading.getMeterId() + "@" + end, 1L, Long::sum);
            } else {
                assertThat(reading.getVoltageV()).isBetween(207.0, 253.0);
            }
        }
        Set<String> planned =
                plan.excursions().stream()
                        .flatMap(
                                e ->
                                        java.util.stream.LongStream.iterate(
                                                        e.startMillis() + Q,
                                                        end -> end <= e.endMillis(),
                                                        end -> end + Q)
                                                .mapToObj(end -> e.meterId() + "@" + end))
                        .collect(Collectors.toSet());
        assertThat(outOfBandQuarters.keySet()).isEqualTo(planned);
        assertThat(outOfBandQuarters.values())
                .allMatch(readings -> readings == 15); // every reading of the quarter

        Map<String, List<Excursion>> byMeter =
                plan.excursions().stream().collect(Collectors.groupingBy(Excursion::meterId));
        for (List<Excursion> excursions : byMeter.values()) {
            for (Excursion a : excursions) {
                assertThat(a.endMillis() - a.startMillis()).isEqualTo(quarters * Q);
                for (Excursion b : excursions) {
                    if (a != b) { // a normal quarter hour between any two excursions of a meter:
                        // separate anomalies
                        assertThat(
                                        b.startMillis() > a.endMillis()
                                                || a.startMillis() > b.endMillis())
                                .isTrue();
                        assertThat(Math.abs(b.startMillis() - a.endMillis()))
                                .isGreaterThanOrEqualTo(Q);
                    }
                }
            }
        }
    }
}
