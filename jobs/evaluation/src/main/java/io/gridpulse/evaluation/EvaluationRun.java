package io.gridpulse.evaluation;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyType;
import io.gridpulse.schema.WeatherObservation;
import io.gridpulse.simulator.AvroFileSink;
import io.gridpulse.simulator.ReadingSink;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.anomaly.AnomalyInjector;
import io.gridpulse.simulator.anomaly.AnomalyLedger;
import io.gridpulse.simulator.anomaly.InjectedAnomaly;
import io.gridpulse.simulator.fault.EnergyEffect;
import io.gridpulse.simulator.fault.ExpectedOutcome;
import io.gridpulse.simulator.fault.FaultConfig;
import io.gridpulse.simulator.fault.FaultInjector;
import io.gridpulse.simulator.fault.InjectedFault;
import io.gridpulse.simulator.savings.SimulatedWeather;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One evaluation run: simulates the households with labelled anomalies (and, if asked, faults on
 * other meters) into an Avro file, runs production's dataflow over it ({@link DetectionRun}) and
 * scores what it found ({@link Scorecard}).
 */
final class EvaluationRun {

    /** The score and every anomaly event the pipeline emitted. */
    record Result(Scorecard card, List<Anomaly> events) {}

    private EvaluationRun() {}

    /**
     * @param workDir receives readings.avro and anomalies.csv (and faults.csv with faults),
     *     overwritten by the next run
     * @param log where the run says what it simulated and found, and how long that took
     */
    static Result run(RunSetup setup, Path workDir, PrintStream log) throws Exception {
        SimulationConfig simulation = setup.simulation();
        AnomalyInjector anomalies = AnomalyInjector.of(setup.anomalies());
        Files.createDirectories(workDir);
        Path readings = workDir.resolve("readings.avro");
        long t0 = System.nanoTime();
        FaultInjector faults = null;
        Simulation simulated;
        try (AvroFileSink file = new AvroFileSink(readings)) {
            ReadingSink sink = file;
            FaultConfig faultConfig = setup.faults(anomalies);
            if (faultConfig != null) {
                faults = FaultInjector.wrap(file, faultConfig);
                sink = faults;
            }
            simulated = new Simulation(simulation);
            simulated.run(sink, anomalies);
        }
        AnomalyLedger ledger = anomalies.ledger();
        ledger.writeCsv(workDir);
        if (faults != null) {
            faults.ledger().writeCsv(workDir);
        }
        log.printf(
                Locale.ROOT,
                "simulated %d readings in %.1f s; %s%s%n",
                simulation.expectedReadings(),
                (System.nanoTime() - t0) / 1e9,
                ledger.summaryLine(),
                faults == null ? "" : "; faults on " + faults.ledger().faults().size() + " meters");

        long t1 = System.nanoTime();
        List<WeatherObservation> weather =
                setup.weather() ? SimulatedWeather.hourly(simulated) : List.of();
        List<Anomaly> events = DetectionRun.anomalies(readings, weather, setup.pipelineConfig());
        log.printf(
                Locale.ROOT,
                "pipeline found %d anomaly events in %.1f s%n",
                events.size(),
                (System.nanoTime() - t1) / 1e9);

        List<String> ledgerClean = ledger.cleanMeters();
        Set<String> clean = new LinkedHashSet<>(ledgerClean);
        if (faults != null) {
            faults.ledger().faults().stream()
                    .filter(f -> !unseen(f))
                    .map(InjectedFault::meterId)
                    .forEach(clean::remove);
        }
        double cleanDays =
                ledgerClean.isEmpty()
                        ? 0
                        : ledger.cleanHouseholdDays() * clean.size() / ledgerClean.size();
        List<Labelled> injected = ledger.anomalies().stream().map(EvaluationRun::labelled).toList();
        return new Result(new Scorecard(injected, events, clean, cleanDays), events);
    }

    /**
     * Whether the pipeline should see the faulty meter's energy exactly as without the fault: its
     * extra records are rejected, its rollover repaired, nothing deferred, estimated, lost or
     * flagged. Such a meter still counts as clean, so an alert on it is a false alert (the reading
     * rules would have let a defect through); a meter whose energy the fault moves or loses could
     * rightly look anomalous, so it is not.
     */
    static boolean unseen(InjectedFault fault) {
        ExpectedOutcome expected = fault.expected();
        return expected.energy() == EnergyEffect.EXACT
                && expected.newEpochs() == 0
                && expected.frozenFlags() == 0;
    }

    private static Labelled labelled(InjectedAnomaly a) {
        return new Labelled(
                AnomalyType.valueOf(a.type().name()),
                a.meterId(),
                a.feederId(),
                a.start().toEpochMilli(),
                a.end().toEpochMilli());
    }
}
