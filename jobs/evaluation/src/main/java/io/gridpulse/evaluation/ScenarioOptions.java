package io.gridpulse.evaluation;

import io.gridpulse.simulator.Climate;
import io.gridpulse.simulator.SimulationConfig;
import java.time.ZoneId;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options a single evaluation and the suite share: how the simulated world looks (zone,
 * climate, noise), how large and long the injected anomalies are, whether faults come with them,
 * and the pipeline's own options. Their defaults reproduce the evaluation as it always ran.
 */
final class ScenarioOptions {

    @Option(
            names = "--zone",
            defaultValue = "Europe/Helsinki",
            description =
                    "Time zone of the households' routines and of the pipeline"
                            + " (district.default-time-zone).")
    ZoneId zone = SimulationConfig.DEFAULT_ZONE;

    @Option(
            names = "--climate",
            defaultValue = "nordic",
            description = "The simulated weather: nordic or hot-summer.")
    String climate = Climate.NORDIC.name();

    @Option(
            names = "--noise",
            defaultValue = "1",
            description = "Scale on the households' load noise (1 as modelled, 0 none, at most 5).")
    double noise = 1.0;

    @Option(
            names = "--anomaly-size",
            defaultValue = "1",
            description =
                    "Scale on the extra load of SPIKE, SUSTAINED_HIGH and HIGH_BASE_LOAD"
                            + " (their floors too).")
    double anomalySize = 1.0;

    @Option(
            names = "--anomaly-duration",
            defaultValue = "1",
            description = "Scale on the drawn length of every anomaly.")
    double anomalyDuration = 1.0;

    @Option(
            names = "--faults",
            description =
                    "Also inject the simulator's faults (defective copies, gaps, frozen and"
                            + " rolled-over registers, ...) into meters without an anomaly; meters"
                            + " whose fault changes what the pipeline sees are not counted clean.")
    boolean faults;

    @Option(
            names = "--without-weather",
            description =
                    "Do not give the detectors the districts' temperatures, as a live job without a"
                            + " weather feed: the profiles' level alone follows the weather.")
    boolean withoutWeather;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "A pipeline option, e.g. anomaly.spike.sigmas=5 (repeatable).")
    Map<String, String> options = Map.of();
}
