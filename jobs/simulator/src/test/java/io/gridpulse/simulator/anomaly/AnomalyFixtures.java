package io.gridpulse.simulator.anomaly;

import io.gridpulse.schema.MeterReading;
import io.gridpulse.schema.QuarterHours;
import io.gridpulse.simulator.CollectingSink;
import io.gridpulse.simulator.GroundTruth;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The runs the anomaly tests share: small, but with a full 14-day warm-up. */
final class AnomalyFixtures {

    static final long INTERVAL_MILLIS = Duration.ofMinutes(5).toMillis();
    static final long QUARTER_MILLIS = QuarterHours.MILLIS;

    private static Run clean;
    private static Run anomalous;

    private AnomalyFixtures() {}

    /**
     * 40 households on 8 feeders in 2 districts, 16 days of five-minute readings from the default
     * start.
     */
    static SimulationConfig simulation() {
        return SimulationConfig.defaults()
                .withHouseholds(40)
                .withFeeders(8)
                .withDistricts(2)
                .withDuration(Duration.ofDays(16))
                .withInterval(Duration.ofMinutes(5));
    }

    /**
     * Every type on 3 meters (so one METER_SILENT lasts to the end), one outage feeder, 14 days of
     * warm-up.
     */
    static AnomalyConfig anomalies(SimulationConfig simulation) {
        return AnomalyConfig.defaults(simulation)
                .withMetersPerType(3)
                .withWarmUp(Duration.ofDays(14));
    }

    /** The fixture's run without anomalies (computed once). */
    static synchronized Run clean() {
        if (clean == null) {
            clean = clean(simulation());
        }
        return clean;
    }

    /** The fixture's run with {@link #anomalies} (computed once). */
    static synchronized Run anomalous() {
        if (anomalous == null) {
            anomalous = anomalous(anomalies(simulation()));
        }
        return anomalous;
    }

    static Run clean(SimulationConfig simulation) {
        CollectingSink sink = new CollectingSink();
        GroundTruth truth = new Simulation(simulation).run(sink);
        return new Run(sink.readings(), truth, null);
    }

    static Run anomalous(AnomalyConfig config) {
        CollectingSink sink = new CollectingSink();
        AnomalyInjector injector = AnomalyInjector.of(config);
        GroundTruth truth = new Simulation(config.simulation()).run(sink, injector);
        return new Run(sink.readings(), truth, injector.ledger());
    }

    /** What a run sent, and its truths. */
    record Run(List<MeterReading> readings, GroundTruth truth, AnomalyLedger ledger) {

        /** Each meter's readings in time order. */
        Map<String, List<MeterReading>> byMeter() {
            Map<String, List<MeterReading>> meters = new LinkedHashMap<>();
            for (MeterReading r : readings) {
                meters.computeIfAbsent(r.getMeterId(), id -> new ArrayList<>()).add(r);
            }
            return meters;
        }

        /** A meter's reading at a time, or null if it sent none then. */
        static MeterReading at(List<MeterReading> readings, Instant time) {
            return readings.stream()
                    .filter(r -> r.getTimestamp().equals(time))
                    .findFirst()
                    .orElse(null);
        }

        /** A meter's truth over the whole run, in Wh. */
        double truthWh(String meterId) {
            double kwh = 0;
            for (Instant hour : truth.hourStarts()) {
                kwh += truth.meterHourKwh(meterId, hour);
            }
            return kwh * 1000.0;
        }
    }

    /** Energy of a reading's interval, in Wh, from its average power. */
    static double intervalWh(MeterReading r) {
        return r.getAveragePowerW() * INTERVAL_MILLIS / 3_600_000.0;
    }

    /** End of the quarter hour (start, end] holding a reading time, aligned to the epoch. */
    static long quarterEndOf(Instant time) {
        return QuarterHours.endOf(time.toEpochMilli());
    }
}
