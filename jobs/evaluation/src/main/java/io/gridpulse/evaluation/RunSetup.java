package io.gridpulse.evaluation;

import io.gridpulse.core.anomaly.AnomalyOptions;
import io.gridpulse.core.config.PipelineOptions;
import io.gridpulse.core.vee.VeeOptions;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.anomaly.AnomalyConfig;
import io.gridpulse.simulator.anomaly.AnomalyInjector;
import io.gridpulse.simulator.fault.FaultConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;

/**
 * Everything one evaluation run depends on: the simulated households, the anomalies injected into
 * them (how many, after which warm-up, how large and long), whether faults come too, and the
 * pipeline's options.
 *
 * @param metersPerType meters per anomaly type (FEEDER_OUTAGE hits a fifth as many feeders)
 * @param warmUp no anomalies before, and the pipeline's anomaly warm-up
 * @param anomalySize scale on the injected extra loads
 * @param anomalyDuration scale on the injected lengths
 * @param faults also inject the simulator's faults (off the anomalies' meters)
 * @param weather give the detectors the districts' simulated temperatures, hourly
 * @param options pipeline options on top of those the simulation implies
 */
record RunSetup(
        SimulationConfig simulation,
        int metersPerType,
        Duration warmUp,
        double anomalySize,
        double anomalyDuration,
        boolean faults,
        boolean weather,
        Map<String, String> options) {

    RunSetup {
        options = Map.copyOf(options);
    }

    /**
     * The anomalies to inject.
     *
     * @throws IllegalArgumentException if the run has no room for them
     */
    AnomalyConfig anomalies() {
        return AnomalyConfig.defaults(simulation)
                .withMetersPerType(metersPerType)
                .withWarmUp(warmUp)
                .withSizeScale(anomalySize)
                .withDurationScale(anomalyDuration)
                .requireFitsRun();
    }

    /**
     * The faults to inject with the anomalies, or null without: the simulator's defaults, kept off
     * the meters the anomalies affect (the fault injector expects every reading of its meters,
     * which a silenced or cut meter would not send).
     *
     * @throws IllegalArgumentException if the run has no room for them
     */
    FaultConfig faults(AnomalyInjector anomalies) {
        return faults
                ? FaultConfig.defaults(simulation).withSparedMeters(anomalies.affectedMeters())
                : null;
    }

    /**
     * Checks that the run has room for its anomalies and faults, without running it.
     *
     * @throws IllegalArgumentException saying what is missing
     */
    void validate() {
        faults(AnomalyInjector.of(anomalies()));
    }

    /**
     * What this run cannot measure by the detectors' own definitions, one line each: a
     * SUSTAINED_HIGH injected shorter than {@code anomaly.sustained.min-duration}, or a feeder
     * outage shorter than {@code anomaly.silent-after}, is missed however well it is judged (with
     * {@code --anomaly-duration} under 1, or longer options set).
     */
    List<String> limits() {
        Configuration config = pipelineConfig();
        AnomalyConfig anomalies = anomalies();
        List<String> limits = new ArrayList<>();
        limit(
                "SUSTAINED_HIGH loads",
                anomalies.shortestSustainedHigh(),
                "a detected one at least anomaly.sustained.min-duration",
                config.get(AnomalyOptions.SUSTAINED_MIN_DURATION),
                limits);
        limit(
                "FEEDER_OUTAGEs",
                anomalies.shortestOutage(),
                "a meter is silent after anomaly.silent-after",
                config.get(AnomalyOptions.SILENT_AFTER),
                limits);
        return limits;
    }

    private void limit(
            String injected, Duration shortest, String rule, Duration needed, List<String> out) {
        if (shortest.compareTo(needed) < 0) {
            out.add(
                    String.format(
                            "Limit: the %s injected here last from %d min (--anomaly-duration %s), %s"
                                    + " (%d min): the shorter ones cannot be found and count as missed.",
                            injected,
                            shortest.toMinutes(),
                            anomalyDuration,
                            rule,
                            needed.toMinutes()));
        }
    }

    /**
     * The pipeline's configuration: the meters' reading interval, the households' time zone, the
     * warm-up, the end of the simulated time (a meter silent before then is reported, as live),
     * reading rules whose clock window holds the simulated time, then the options given.
     */
    Configuration pipelineConfig() {
        return pipelineConfig(Instant.now());
    }

    /** {@link #pipelineConfig()} as on the wall clock {@code now}. */
    Configuration pipelineConfig(Instant now) {
        Instant start = simulation.start();
        Instant end = start.plus(simulation.duration());
        Configuration config = new Configuration();
        config.set(PipelineOptions.READING_INTERVAL, simulation.interval());
        config.set(PipelineOptions.TIME_ZONE, simulation.zone().getId());
        config.set(AnomalyOptions.WARM_UP, warmUp);
        config.set(AnomalyOptions.INPUT_END, end.toString());
        // The rules judge timestamps against the machine's clock, not the simulated one: a season
        // simulated ahead of today (or more than the retention horizon back) would otherwise have
        // every reading rejected as FUTURE_TIMESTAMP (or ANCIENT_TIMESTAMP) and look like a
        // blackout.
        Duration ahead = Duration.between(now, end);
        if (ahead.compareTo(Duration.ZERO) > 0) {
            config.set(VeeOptions.MAX_FUTURE, VeeOptions.MAX_FUTURE.defaultValue().plus(ahead));
        }
        Duration back = Duration.between(start, now);
        if (back.compareTo(VeeOptions.MAX_AGE.defaultValue()) > 0) {
            config.set(VeeOptions.MAX_AGE, back.plusDays(1));
        }
        options.forEach(config::setString);
        return config;
    }
}
