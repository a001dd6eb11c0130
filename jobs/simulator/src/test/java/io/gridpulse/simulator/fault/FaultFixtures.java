package io.gridpulse.simulator.fault;

import io.gridpulse.schema.MeterReading;
import io.gridpulse.simulator.CollectingSink;
import io.gridpulse.simulator.GroundTruth;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The faulty runs the fault tests share. */
final class FaultFixtures {

    /** The injector's wall clock in the tests, so FUTURE_TIMESTAMP copies are reproducible. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    private FaultFixtures() {}

    /** 400 households (2 meters per kind), six hours of one-minute readings. */
    static SimulationConfig simulation() {
        return SimulationConfig.defaults()
                .withHouseholds(400)
                .withFeeders(8)
                .withDistricts(2)
                .withDuration(Duration.ofHours(6));
    }

    static FaultConfig faults(SimulationConfig simulation) {
        return FaultConfig.defaults(simulation).withClock(CLOCK);
    }

    static Run clean(SimulationConfig simulation) {
        CollectingSink sink = new CollectingSink();
        GroundTruth truth = new Simulation(simulation).run(sink);
        return new Run(sink, truth, null);
    }

    static Run faulty(FaultConfig config) {
        CollectingSink sink = new CollectingSink();
        FaultInjector injector = FaultInjector.wrap(sink, config);
        GroundTruth truth = new Simulation(config.simulation()).run(injector);
        return new Run(sink, truth, injector.ledger());
    }

    /** What a run sent, and the truths. */
    record Run(CollectingSink sink, GroundTruth truth, FaultLedger ledger) {

        List<MeterReading> readings() {
            return sink.readings();
        }

        /**
         * Each meter's records in arrival order (extra copies with a broken meter id under that
         * id).
         */
        Map<String, List<MeterReading>> byMeter() {
            Map<String, List<MeterReading>> meters = new LinkedHashMap<>();
            for (MeterReading r : readings()) {
                meters.computeIfAbsent(r.getMeterId(), id -> new ArrayList<>()).add(r);
            }
            return meters;
        }

        /**
         * Arrival index of the meter's record at the time (the first one if there are several); -1
         * if none.
         */
        int indexOf(String meterId, Instant timestamp) {
            List<MeterReading> all = readings();
            for (int i = 0; i < all.size(); i++) {
                MeterReading r = all.get(i);
                if (r.getMeterId().equals(meterId) && r.getTimestamp().equals(timestamp)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
