package io.gridpulse.simulator.anomaly;

import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ground truth of a run's anomalies, for an evaluation of the job's detection (precision and
 * recall): every injected anomaly, sorted by start, then subject (meter, or feeder for
 * FEEDER_OUTAGE), then type. Complete once the run has ended (see {@link
 * AnomalyInjector#ledger()}); {@link #read} rebuilds it from {@value #CSV_FILE}.
 */
public final class AnomalyLedger {

    /** File name of {@link #writeCsv}, next to the ground-truth CSVs. */
    public static final String CSV_FILE = "anomalies.csv";

    private static final Comparator<InjectedAnomaly> ORDER =
            Comparator.comparing(InjectedAnomaly::start)
                    .thenComparing(InjectedAnomaly::subject)
                    .thenComparing(InjectedAnomaly::type);

    private final AnomalyConfig config;
    private final Topology topology;
    private final List<InjectedAnomaly> anomalies;
    private final Map<String, InjectedAnomaly> byMeter = new HashMap<>();
    private final Map<String, InjectedAnomaly> byOutageFeeder = new HashMap<>();

    AnomalyLedger(AnomalyConfig config, List<InjectedAnomaly> anomalies) {
        this.config = config;
        this.topology = Topology.of(config.simulation());
        List<InjectedAnomaly> sorted = new ArrayList<>(anomalies);
        sorted.sort(ORDER);
        this.anomalies = Collections.unmodifiableList(sorted);
        for (InjectedAnomaly a : sorted) {
            if (a.meterId() != null) {
                byMeter.putIfAbsent(a.meterId(), a);
            } else {
                byOutageFeeder.putIfAbsent(a.feederId(), a);
            }
        }
    }

    /**
     * Rebuilds the ledger of a run from its {@value #CSV_FILE} (e.g. in an evaluation that did not
     * run the simulation itself) and the config it was made with (for the topology and the
     * warm-up).
     */
    public static AnomalyLedger read(Path file, AnomalyConfig config) {
        return new AnomalyLedger(config, AnomalyLedgerCsv.read(file));
    }

    public AnomalyConfig config() {
        return config;
    }

    /** Every anomaly, by start, then subject (read-only). */
    public List<InjectedAnomaly> anomalies() {
        return anomalies;
    }

    /** The anomalies of one type, by start. */
    public List<InjectedAnomaly> anomalies(AnomalyKind type) {
        return anomalies.stream().filter(a -> a.type() == type).toList();
    }

    /** The anomaly on a meter: its own, or the outage of its feeder (a meter has at most one). */
    public Optional<InjectedAnomaly> anomalyOf(String meterId) {
        InjectedAnomaly own = byMeter.get(meterId);
        if (own != null) {
            return Optional.of(own);
        }
        int meter = topology.meterIndex(meterId);
        if (meter < 0) {
            throw new IllegalArgumentException("unknown meter: " + meterId);
        }
        return Optional.ofNullable(
                byOutageFeeder.get(topology.feederId(topology.feederOfMeter(meter))));
    }

    /** Whether a meter has no anomaly, neither its own nor an outage of its feeder. */
    public boolean isClean(String meterId) {
        return anomalyOf(meterId).isEmpty();
    }

    /** The meters without any anomaly (meters of outage feeders are not clean), in meter order. */
    public List<String> cleanMeters() {
        return topology.meterIds().stream().filter(this::isClean).toList();
    }

    /**
     * Household-days after the warm-up of the meters without an anomaly: clean meters x (run end -
     * warm-up end) in days. The denominator of false alarms per household-day.
     */
    public double cleanHouseholdDays() {
        SimulationConfig sim = config.simulation();
        Duration afterWarmUp = Duration.between(config.warmUpEnd(), sim.end());
        return cleanMeters().size() * (afterWarmUp.toMillis() / (double) AnomalyPlanner.DAY_MILLIS);
    }

    /**
     * Readings the meters did not send: those of METER_SILENT meters and outage feeders in their
     * ranges.
     */
    public long readingsNotSent() {
        long interval = config.simulation().interval().toMillis();
        int[] metersPerFeeder = topology.metersPerFeeder();
        long missing = 0;
        for (InjectedAnomaly a : anomalies) {
            if (a.type().silences()) {
                long readings = a.duration().toMillis() / interval;
                missing +=
                        a.meterId() != null
                                ? readings
                                : readings * metersPerFeeder[topology.feederIndex(a.feederId())];
            }
        }
        return missing;
    }

    /** Anomalies per type, in declaration order; types without any are absent. */
    public Map<AnomalyKind, Integer> counts() {
        Map<AnomalyKind, Integer> counts = new EnumMap<>(AnomalyKind.class);
        anomalies.forEach(a -> counts.merge(a.type(), 1, Integer::sum));
        return counts;
    }

    /**
     * One line for the command line, e.g. {@code anomalies: SPIKE=10 ... FEEDER_OUTAGE=2 (96
     * meters) VOLTAGE=10 meters=60 readings_not_sent=5321 clean_household_days=1868.000
     * warm_up_end=2026-01-25T22:00:00Z}.
     */
    public String summaryLine() {
        StringBuilder line = new StringBuilder("anomalies:");
        Map<AnomalyKind, Integer> counts = counts();
        int[] metersPerFeeder = topology.metersPerFeeder();
        int outageMeters = 0;
        for (String feeder : byOutageFeeder.keySet()) {
            outageMeters += metersPerFeeder[topology.feederIndex(feeder)];
        }
        for (AnomalyKind kind : config.kinds()) {
            line.append(' ').append(kind).append('=').append(counts.getOrDefault(kind, 0));
            if (kind.feederLevel()) {
                line.append(" (").append(outageMeters).append(" meters)");
            }
        }
        return line.append(
                        String.format(
                                Locale.ROOT,
                                " meters=%d readings_not_sent=%d clean_household_days=%.3f"
                                        + " warm_up_end=%s",
                                byMeter.size() + outageMeters,
                                readingsNotSent(),
                                cleanHouseholdDays(),
                                config.warmUpEnd()))
                .toString();
    }

    /**
     * Writes {@value #CSV_FILE} into the directory (created if missing). See {@link
     * AnomalyLedgerCsv}.
     */
    public void writeCsv(Path dir) {
        try {
            AnomalyLedgerCsv.write(anomalies, dir.resolve(CSV_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + CSV_FILE + " to " + dir, e);
        }
    }
}
