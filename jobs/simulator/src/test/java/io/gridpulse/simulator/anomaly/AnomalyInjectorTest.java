package io.gridpulse.simulator.anomaly;

import static io.gridpulse.simulator.anomaly.AnomalyFixtures.INTERVAL_MILLIS;
import static io.gridpulse.simulator.anomaly.AnomalyFixtures.QUARTER_MILLIS;
import static io.gridpulse.simulator.anomaly.AnomalyFixtures.intervalWh;
import static io.gridpulse.simulator.anomaly.AnomalyFixtures.quarterEndOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.schema.MeterReading;
import io.gridpulse.simulator.CollectingSink;
import io.gridpulse.simulator.ReadingSink;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.Topology;
import io.gridpulse.simulator.anomaly.AnomalyFixtures.Run;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AnomalyInjectorTest {

    private static final Set<AnomalyKind> ENERGY_KINDS =
            EnumSet.of(
                    AnomalyKind.SPIKE,
                    AnomalyKind.SUSTAINED_HIGH,
                    AnomalyKind.HIGH_BASE_LOAD,
                    AnomalyKind.ZERO_CONSUMPTION);

    /** Meter resolution: every interval's energy is rounded to 1/1024 Wh. */
    private static final double HALF_QUANTUM_WH = 0.5 / 1024;

    private static SimulationConfig simulation;
    private static AnomalyConfig config;
    private static Topology topology;
    private static Run clean;
    private static Run run;
    private static Map<String, List<MeterReading>> cleanByMeter;
    private static Map<String, List<MeterReading>> byMeter;

    @BeforeAll
    static void runOnceCleanAndOnceWithAnomalies() {
        simulation = AnomalyFixtures.simulation();
        config = AnomalyFixtures.anomalies(simulation);
        topology = Topology.of(simulation);
        clean = AnomalyFixtures.clean();
        run = AnomalyFixtures.anomalous();
        cleanByMeter = clean.byMeter();
        byMeter = run.byMeter();
    }

    @Test
    void shouldInjectEveryTypeTheConfiguredNumberOfTimesEachMeterOnce() {
        AnomalyLedger ledger = run.ledger();

        for (AnomalyKind kind : AnomalyKind.values()) {
            assertThat(ledger.anomalies(kind)).as(kind.name()).hasSize(kind.feederLevel() ? 1 : 3);
        }
        InjectedAnomaly outage = ledger.anomalies(AnomalyKind.FEEDER_OUTAGE).get(0);
        assertThat(outage.meterId()).isNull();
        List<String> meters =
                ledger.anomalies().stream()
                        .map(InjectedAnomaly::meterId)
                        .filter(m -> m != null)
                        .toList();
        assertThat(new HashSet<>(meters)).hasSize(6 * 3);
        assertThat(meters)
                .allSatisfy(
                        meter ->
                                assertThat(
                                                topology.feederId(
                                                        topology.feederOfMeter(
                                                                topology.meterIndex(meter))))
                                        .isNotEqualTo(outage.feederId()));
        // Silent meters on feeders of their own: together they should not look like an outage.
        assertThat(ledger.anomalies(AnomalyKind.METER_SILENT))
                .extracting(InjectedAnomaly::feederId)
                .doesNotHaveDuplicates();
        assertThat(ledger.cleanMeters()).hasSize(40 - 18 - 5);
        assertThat(ledger.cleanHouseholdDays()).isEqualTo(17 * 2.0);
        assertThat(ledger.summaryLine())
                .startsWith(
                        "anomalies: SPIKE=3 SUSTAINED_HIGH=3 HIGH_BASE_LOAD=3"
                                + " ZERO_CONSUMPTION=3 METER_SILENT=3 FEEDER_OUTAGE=1 (5 meters) VOLTAGE=3 meters=23");
    }

    @Test
    void shouldBeDeterministicForTheSeed() {
        Run again = AnomalyFixtures.anomalous(config);

        assertThat(again.ledger().anomalies()).isEqualTo(run.ledger().anomalies());
        assertThat(again.readings()).isEqualTo(run.readings());
        assertThat(AnomalyPlanner.plan(config.withSeed(7)))
                .isNotEqualTo(AnomalyPlanner.plan(config));
    }

    @Test
    void shouldPlaceAnomaliesAfterTheWarmUpAndBeforeTheEnd() {
        Instant warmUpEnd = simulation.start().plus(Duration.ofDays(14));
        Instant latest = simulation.end().minus(Duration.ofHours(1));
        assertThat(config.warmUpEnd()).isEqualTo(warmUpEnd);
        for (InjectedAnomaly a : run.ledger().anomalies()) {
            assertThat(a.start()).as(a.toString()).isAfterOrEqualTo(warmUpEnd);
            boolean toEnd = a.end().equals(simulation.end());
            if (!toEnd) {
                assertThat(a.end()).as(a.toString()).isBeforeOrEqualTo(latest);
            }
            if (ENERGY_KINDS.contains(a.type())) {
                assertThat(a.start().toEpochMilli() % QUARTER_MILLIS).as(a.toString()).isZero();
                assertThat(a.end().toEpochMilli() % QUARTER_MILLIS).as(a.toString()).isZero();
            }
            Duration d = a.duration();
            switch (a.type()) {
                case SPIKE -> assertThat(d).isIn(Duration.ofMinutes(15), Duration.ofMinutes(30));
                case SUSTAINED_HIGH ->
                        assertThat(d).isBetween(Duration.ofHours(4), Duration.ofHours(8));
                case HIGH_BASE_LOAD ->
                        assertThat(
                                        toEnd
                                                || d.compareTo(Duration.ofDays(2)) >= 0
                                                        && d.compareTo(Duration.ofDays(4)) <= 0)
                                .as(a.toString())
                                .isTrue();
                case ZERO_CONSUMPTION ->
                        assertThat(d).isBetween(Duration.ofHours(6), Duration.ofHours(24));
                case METER_SILENT ->
                        assertThat(
                                        toEnd
                                                || d.compareTo(Duration.ofHours(4)) >= 0
                                                        && d.compareTo(Duration.ofHours(12)) <= 0)
                                .as(a.toString())
                                .isTrue();
                case FEEDER_OUTAGE ->
                        assertThat(d).isBetween(Duration.ofHours(1), Duration.ofHours(4));
                case VOLTAGE ->
                        assertThat(d).isBetween(Duration.ofMinutes(30), Duration.ofMinutes(120));
            }
            if (toEnd) {
                assertThat(a.type())
                        .as(a.toString())
                        .isIn(AnomalyKind.METER_SILENT, AnomalyKind.HIGH_BASE_LOAD);
            }
        }
        // 1 in 3 silent meters never send again.
        assertThat(run.ledger().anomalies(AnomalyKind.METER_SILENT))
                .filteredOn(a -> a.end().equals(simulation.end()))
                .hasSize(1);
    }

    @Test
    void shouldLeaveEverythingBeforeTheWarmUpEndAndEveryCleanMeterAsWithoutAnomalies() {
        Instant warmUpEnd = config.warmUpEnd();
        assertThat(
                        run.readings().stream()
                                .filter(r -> !r.getTimestamp().isAfter(warmUpEnd))
                                .toList())
                .isEqualTo(
                        clean.readings().stream()
                                .filter(r -> !r.getTimestamp().isAfter(warmUpEnd))
                                .toList());
        for (String meter : run.ledger().cleanMeters()) {
            assertThat(byMeter.get(meter)).as(meter).isEqualTo(cleanByMeter.get(meter));
            assertThat(run.truthWh(meter)).as(meter).isEqualTo(clean.truthWh(meter));
        }
    }

    @Test
    void shouldKeepTheTruthEqualToTheRegisterDeltasOfTheEmittedReadings() {
        AnomalyLedger ledger = run.ledger();
        for (String meter : topology.meterIds()) {
            List<MeterReading> readings = byMeter.get(meter);
            double deltasWh =
                    readings.get(readings.size() - 1).getActiveEnergyWh()
                            - readings.get(0).getActiveEnergyWh();
            InjectedAnomaly anomaly = ledger.anomalyOf(meter).orElse(null);
            if (anomaly != null
                    && anomaly.type() == AnomalyKind.METER_SILENT
                    && anomaly.end().equals(simulation.end())) {
                // Never sends again: the truth has what it used after its last reading, the
                // readings never will.
                assertThat(readings.get(readings.size() - 1).getTimestamp())
                        .isEqualTo(anomaly.start());
                double unreportedWh =
                        register(cleanByMeter.get(meter), simulation.end())
                                - register(cleanByMeter.get(meter), anomaly.start());
                assertThat(run.truthWh(meter) - deltasWh)
                        .as(meter)
                        .isCloseTo(unreportedWh, within(1e-6));
                assertThat(anomaly.detail())
                        .contains(String.format(java.util.Locale.ROOT, "%.3f Wh", unreportedWh));
            } else {
                assertThat(run.truthWh(meter)).as(meter).isCloseTo(deltasWh, within(1e-6));
            }
        }
        assertThat(run.truth().readings())
                .isEqualTo(run.readings().size())
                .isEqualTo(simulation.expectedReadings() - ledger.readingsNotSent());
    }

    @Test
    void shouldPutTheEnergyOfTheAnomaliesIntoTheTruth() {
        for (InjectedAnomaly a : run.ledger().anomalies()) {
            double hours = a.duration().toMillis() / 3_600_000.0;
            long readings = a.duration().toMillis() / INTERVAL_MILLIS;
            double changeWh = 0;
            for (String meter : metersOf(a)) {
                changeWh += run.truthWh(meter) - clean.truthWh(meter);
            }
            switch (a.type()) {
                case SPIKE, SUSTAINED_HIGH, HIGH_BASE_LOAD -> {
                    assertThat(a.extraW()).isPositive();
                    assertThat(changeWh)
                            .as(a.toString())
                            .isCloseTo(
                                    a.extraW() * hours, within(readings * HALF_QUANTUM_WH + 1e-6));
                }
                case ZERO_CONSUMPTION, FEEDER_OUTAGE -> {
                    assertThat(a.extraW()).isNegative();
                    assertThat(changeWh)
                            .as(a.toString())
                            .isCloseTo(a.extraW() * hours, within(0.05 * hours + 1e-6));
                }
                case METER_SILENT, VOLTAGE -> {
                    assertThat(a.extraW()).isZero();
                    assertThat(changeWh).as(a.toString()).isCloseTo(0.0, within(1e-6));
                }
            }
        }
    }

    @Test
    void shouldSendNothingFromSilentMetersAndCutFeedersInTheirRange() {
        for (InjectedAnomaly a : run.ledger().anomalies()) {
            if (!a.type().silences()) {
                continue;
            }
            for (String meter : metersOf(a)) {
                List<MeterReading> readings = byMeter.get(meter);
                assertThat(readings).as(meter).noneMatch(r -> a.affects(r.getTimestamp()));
                MeterReading before = Run.at(readings, a.start());
                assertThat(before).as(meter).isNotNull();
                Instant next = a.end().plusMillis(INTERVAL_MILLIS);
                if (a.end().equals(simulation.end())) {
                    continue;
                }
                MeterReading after = Run.at(readings, next);
                assertThat(after).as(meter).isNotNull();
                double movedWh = after.getActiveEnergyWh() - before.getActiveEnergyWh();
                if (a.type() == AnomalyKind.METER_SILENT) {
                    // The catch-up reading carries what the household used meanwhile, as without
                    // the silence.
                    List<MeterReading> cleanReadings = cleanByMeter.get(meter);
                    assertThat(movedWh)
                            .isEqualTo(
                                    register(cleanReadings, next)
                                            - register(cleanReadings, a.start()));
                } else {
                    // A power cut: the register stood still; the next reading has only its own
                    // interval's energy.
                    assertThat(movedWh).isCloseTo(intervalWh(after), within(1e-9));
                    assertThat(after.getAveragePowerW())
                            .isEqualTo(Run.at(cleanByMeter.get(meter), next).getAveragePowerW());
                }
            }
        }
    }

    @Test
    void shouldHoldTheRegisterAndReportZeroPowerDuringZeroConsumption() {
        for (InjectedAnomaly a : run.ledger().anomalies(AnomalyKind.ZERO_CONSUMPTION)) {
            List<MeterReading> readings = byMeter.get(a.meterId());
            double register = Run.at(readings, a.start()).getActiveEnergyWh();
            List<MeterReading> during =
                    readings.stream().filter(r -> a.affects(r.getTimestamp())).toList();
            assertThat(during).hasSize((int) (a.duration().toMillis() / INTERVAL_MILLIS));
            assertThat(during)
                    .allSatisfy(
                            r -> {
                                assertThat(r.getAveragePowerW()).isZero();
                                assertThat(r.getActiveEnergyWh()).isEqualTo(register);
                            });
            MeterReading after = Run.at(readings, a.end().plusMillis(INTERVAL_MILLIS));
            assertThat(after.getActiveEnergyWh()).isGreaterThan(register);
        }
    }

    @Test
    void shouldReportVoltageOutOfBandExactlyInTheLabelledRange() {
        AnomalyLedger ledger = run.ledger();
        int labelled = 0;
        for (MeterReading r : run.readings()) {
            InjectedAnomaly a =
                    ledger.anomalyOf(r.getMeterId())
                            .filter(x -> x.type() == AnomalyKind.VOLTAGE)
                            .filter(x -> x.affects(r.getTimestamp()))
                            .orElse(null);
            double v = r.getVoltageV();
            if (a == null) {
                assertThat(v).as(r.toString()).isBetween(207.0, 253.0);
            } else if (a.detail().startsWith("high")) {
                assertThat(v).as(r.toString()).isBetween(255.0, 262.0);
                labelled++;
            } else {
                assertThat(v).as(r.toString()).isBetween(190.0, 203.0);
                labelled++;
            }
        }
        List<InjectedAnomaly> voltage = ledger.anomalies(AnomalyKind.VOLTAGE);
        assertThat(labelled)
                .isEqualTo(
                        voltage.stream()
                                .mapToLong(a -> a.duration().toMillis() / INTERVAL_MILLIS)
                                .sum());
        assertThat(voltage).extracting(a -> a.detail().substring(0, 4)).contains("high", "low ");
    }

    @Test
    void shouldMakeSpikesOneAndAHalfTimesTheWarmUpPeakQuarterWhereTheConnectionAllows() {
        for (InjectedAnomaly a : run.ledger().anomalies(AnomalyKind.SPIKE)) {
            List<MeterReading> readings = byMeter.get(a.meterId());
            double peakWh =
                    warmUpQuarters(readings, false).values().stream()
                            .mapToDouble(Double::doubleValue)
                            .max()
                            .orElseThrow();
            double peakW = peakWh * 4;
            double ceilingW =
                    AnomalyInjector.SPIKE_CEILING_W - peakW; // what the connection leaves room for
            assertThat(a.extraW())
                    .isCloseTo(
                            Math.ceil(Math.max(4000, Math.min(1.5 * peakW, ceilingW))),
                            within(1.0));
            Map<Long, Double> spikeQuarters =
                    quarters(readings.stream().filter(r -> a.affects(r.getTimestamp())));
            assertThat(spikeQuarters).hasSize((int) (a.duration().toMillis() / QUARTER_MILLIS));
            double floorWh = Math.min(1.5 * peakWh, Math.max(1_000, ceilingW / 4));
            assertThat(spikeQuarters.values())
                    .allSatisfy(wh -> assertThat(wh).isGreaterThanOrEqualTo(floorWh));
        }
    }

    @Test
    void shouldSizeSustainedHighAndBaseLoadFromTheWarmUp() {
        for (InjectedAnomaly a : run.ledger().anomalies(AnomalyKind.SUSTAINED_HIGH)) {
            double peakW =
                    4
                            * warmUpQuarters(byMeter.get(a.meterId()), false).values().stream()
                                    .mapToDouble(Double::doubleValue)
                                    .max()
                                    .orElseThrow();
            assertThat(a.extraW()).isCloseTo(Math.ceil(Math.max(1500, 0.35 * peakW)), within(1.0));
        }
        for (InjectedAnomaly a : run.ledger().anomalies(AnomalyKind.HIGH_BASE_LOAD)) {
            double nightMinW =
                    4
                            * warmUpQuarters(byMeter.get(a.meterId()), true).values().stream()
                                    .mapToDouble(Double::doubleValue)
                                    .min()
                                    .orElseThrow();
            assertThat(a.extraW())
                    .isCloseTo(Math.ceil(Math.max(500, 0.8 * nightMinW)), within(1.0));
            // Always on: every affected interval is above the clean run's by the extra load.
            List<MeterReading> cleanReadings = cleanByMeter.get(a.meterId());
            assertThat(byMeter.get(a.meterId()))
                    .filteredOn(r -> a.affects(r.getTimestamp()))
                    .allSatisfy(
                            r ->
                                    assertThat(
                                                    r.getAveragePowerW()
                                                            - Run.at(
                                                                            cleanReadings,
                                                                            r.getTimestamp())
                                                                    .getAveragePowerW())
                                            .isCloseTo(a.extraW(), within(1.0)));
        }
    }

    @Test
    void shouldEmitTheSameReadingsWithoutEffectsOrWithAnInjectorWithoutKinds() {
        CollectingSink sink = new CollectingSink();
        new Simulation(simulation).run(sink, null);
        assertThat(sink.readings()).isEqualTo(clean.readings());

        AnomalyConfig none = config.withKinds(EnumSet.noneOf(AnomalyKind.class));
        Run empty = AnomalyFixtures.anomalous(none);
        assertThat(empty.readings()).isEqualTo(clean.readings());
        assertThat(empty.ledger().anomalies()).isEmpty();
        assertThat(empty.ledger().cleanHouseholdDays()).isEqualTo(40 * 2.0);
    }

    @Test
    void shouldLabelOnlyTheAnomaliesThatStartedWhenTheRunStopsEarly() {
        Simulation simulation = new Simulation(AnomalyFixtures.simulation());
        AnomalyInjector injector = AnomalyInjector.of(config);
        Instant stop = config.warmUpEnd().plus(Duration.ofHours(20));
        simulation.run(
                new ReadingSink() {
                    @Override
                    public void accept(MeterReading reading) {
                        if (reading.getTimestamp().equals(stop)) {
                            simulation.requestStop();
                        }
                    }
                },
                injector);

        assertThat(injector.ledger().anomalies())
                .isNotEmpty()
                .allSatisfy(
                        a -> {
                            assertThat(a.start()).isBefore(stop);
                            assertThat(a.end()).isBeforeOrEqualTo(stop);
                        });
    }

    /** The meters an anomaly is on: its meter, or every meter of the cut feeder. */
    private static List<String> metersOf(InjectedAnomaly a) {
        return topology.meterIds().stream()
                .filter(
                        m ->
                                a.concerns(
                                        m,
                                        topology.feederId(
                                                topology.feederOfMeter(topology.meterIndex(m)))))
                .toList();
    }

    private static double register(List<MeterReading> readings, Instant time) {
        return Run.at(readings, time).getActiveEnergyWh();
    }

    /**
     * Energy per quarter hour of the warm-up (only quarters in local nights 00:00-06:00 if asked),
     * by quarter end.
     */
    private static Map<Long, Double> warmUpQuarters(
            List<MeterReading> readings, boolean nightsOnly) {
        Instant first = simulation.start();
        Instant warmUpEnd = config.warmUpEnd();
        return quarters(
                readings.stream()
                        .filter(
                                r ->
                                        r.getTimestamp().isAfter(first)
                                                && !r.getTimestamp().isAfter(warmUpEnd))
                        .filter(
                                r ->
                                        !nightsOnly
                                                || Instant.ofEpochMilli(
                                                                        quarterEndOf(
                                                                                        r
                                                                                                .getTimestamp())
                                                                                - QUARTER_MILLIS)
                                                                .atZone(simulation.zone())
                                                                .getHour()
                                                        < 6));
    }

    private static Map<Long, Double> quarters(java.util.stream.Stream<MeterReading> readings) {
        return readings.collect(
                Collectors.groupingBy(
                        r -> quarterEndOf(r.getTimestamp()),
                        TreeMap::new,
                        Collectors.summingDouble(AnomalyFixtures::intervalWh)));
    }
}
