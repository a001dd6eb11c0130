package io.gridpulse.simulator;

import io.gridpulse.schema.MeterReading;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Small, named simulation setups shared by the tests. */
final class SimulatorFixtures {

    static final Instant MONDAY_2026_01_12_HELSINKI = Instant.parse("2026-01-11T22:00:00Z");
    static final Duration ONE_HOUR = Duration.ofHours(1);
    static final long ONE_MINUTE_MILLIS = 60_000L;

    private SimulatorFixtures() {}

    /** 24 households on 6 feeders in 3 districts, six hours of one-minute readings. */
    static SimulationConfig smallRun() {
        return SimulationConfig.defaults()
                .withHouseholds(24)
                .withFeeders(6)
                .withDistricts(3)
                .withDuration(Duration.ofHours(6));
    }

    static Instant localMidnight(int year, int month, int day) {
        return SimulationConfig.localMidnight(
                LocalDate.of(year, month, day), SimulationConfig.DEFAULT_ZONE);
    }

    /** Runs a config into memory. */
    static Result run(SimulationConfig config) {
        CollectingSink sink = new CollectingSink();
        GroundTruth truth = new Simulation(config).run(sink);
        return new Result(sink.readings(), truth);
    }

    record Result(List<MeterReading> readings, GroundTruth truth) {}
}
