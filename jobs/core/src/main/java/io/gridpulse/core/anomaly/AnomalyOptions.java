package io.gridpulse.core.anomaly;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/**
 * Thresholds of the anomaly detectors. Energy detectors compare a quarter hour with the meter's
 * learned profile for that hour of the week; "sigma" is the profile's robust spread (mean absolute
 * deviation) for that hour of day.
 */
public final class AnomalyOptions {

    public static final ConfigOption<Duration> WARM_UP =
            key("anomaly.warm-up")
                    .durationType()
                    .defaultValue(Duration.ofDays(21))
                    .withDescription(
                            "How long a meter's profile learns before its energy detectors may alert (every hour of the"
                                    + " week seen three times, weekends included). At least a week (shorter is refused: hours of"
                                    + " the week the profile has not seen would be judged). After it, a quarter hour is judged"
                                    + " only when its hour of the week has been learned in two thirds of the warm-up's weeks"
                                    + " (a meter that was silent for a week of it waits for the hours it missed). Silence, outage and voltage alerts need"
                                    + " no warm-up. Meters still learning are counted in the metrics anomalies.meters.seen and"
                                    + " anomalies.meters.warm.");

    public static final ConfigOption<Double> SPIKE_SIGMAS =
            key("anomaly.spike.sigmas")
                    .doubleType()
                    .defaultValue(6.0)
                    .withDescription(
                            "SPIKE: a quarter hour at least this many sigmas above the profile for its hour of week...");

    public static final ConfigOption<Double> SPIKE_RISE_FACTOR =
            key("anomaly.spike.rise-factor")
                    .doubleType()
                    .defaultValue(0.9)
                    .withDescription(
                            "...and rising above the quarter hour before it (or the profile, if higher) by at least"
                                    + " this times the household's usual peak quarter hour (a slowly fading maximum): the"
                                    + " household's own big appliances come on one after another, an extra load at once.");

    public static final ConfigOption<Double> SPIKE_BIG_RISE_KWH =
            key("anomaly.spike.big-rise-kwh")
                    .doubleType()
                    .defaultValue(2.3)
                    .withDescription(
                            "...or by at least this much energy in the quarter hour, kWh, whatever the peak (2.3 kWh in a"
                                    + " quarter hour is 9.2 kW on average, more than any one appliance of a household"
                                    + " draws but a car charger): an electrically heated home peaks so high in a cold"
                                    + " spell that 0.9 x its peak is more than its connection can add.");

    public static final ConfigOption<Double> SPIKE_USUAL_RISE_FACTOR =
            key("anomaly.spike.usual-rise-factor")
                    .doubleType()
                    .defaultValue(1.2)
                    .withDescription(
                            "...and by at least this times the household's usual biggest rise (a slowly fading"
                                    + " maximum, which every spike also sets): a short big load the household repeats"
                                    + " alerts once.");

    public static final ConfigOption<Double> SPIKE_MIN_EXCESS_KWH =
            key("anomaly.spike.min-excess-kwh")
                    .doubleType()
                    .defaultValue(0.25)
                    .withDescription(
                            "...and at least this much energy above the profile in the quarter hour, kWh (0.25 kWh in a"
                                    + " quarter hour is 1 kW on average).");

    public static final ConfigOption<Double> SPIKE_HOLD_SHARE =
            key("anomaly.spike.hold-share")
                    .doubleType()
                    .defaultValue(0.5)
                    .withDescription(
                            "...and the quarter hours after the first, still that far above the profile, keep at least"
                                    + " this share of the rise of the burst's strongest quarter hour so far: an hour of sauna that falls a little short of the bars in"
                                    + " one quarter hour is one long run, not a burst.");

    public static final ConfigOption<Duration> SPIKE_MAX_DURATION =
            key("anomaly.spike.max-duration")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(45))
                    .withDescription(
                            "...and over within this long (whole quarter hours): a spike is a short burst. A longer"
                                    + " run of such quarter hours is an hour-long appliance the household has not used"
                                    + " lately (a sauna), or the start of a SUSTAINED_HIGH. So a SPIKE is reported when"
                                    + " its run ends, at most this long after it began.");

    public static final ConfigOption<Double> SUSTAINED_SIGMAS =
            key("anomaly.sustained.sigmas")
                    .doubleType()
                    .defaultValue(3.0)
                    .withDescription(
                            "SUSTAINED_HIGH: a run of quarter hours at least this many sigmas above profile...");

    public static final ConfigOption<Double> SUSTAINED_MIN_EXCESS_KWH =
            key("anomaly.sustained.min-excess-kwh")
                    .doubleType()
                    .defaultValue(0.25)
                    .withDescription(
                            "...and at least this much energy above profile per quarter hour, kWh...");

    public static final ConfigOption<Double> SUSTAINED_PEAK_SHARE =
            key("anomaly.sustained.peak-share")
                    .doubleType()
                    .defaultValue(0.2)
                    .withDescription(
                            "...and at least this share of the household's usual peak quarter hour above profile (a"
                                    + " heat pump working harder on a cold night is not an alert; a heater left on is)...");

    public static final ConfigOption<Double> SUSTAINED_HOLD_SHARE =
            key("anomaly.sustained.hold-share")
                    .doubleType()
                    .defaultValue(0.67)
                    .withDescription(
                            "...and a run already going is carried on, and lengthened, by quarter hours above"
                                    + " the profile by more than its usual spread and by this share of the energy"
                                    + " bars (a smaller dinner than usual under a heater left on); in a run that has"
                                    + " lasted half its minimum duration, a single quarter hour at half of both that"
                                    + " keeps a quarter of the run's average excess is held over, neither lengthening"
                                    + " nor ending it (1: never carried nor held)...");

    public static final ConfigOption<Double> SUSTAINED_RUN_SIGMAS =
            key("anomaly.sustained.run-sigmas")
                    .doubleType()
                    .defaultValue(2.0)
                    .withDescription(
                            "...as long as the run's quarter hours, each counted up to twice the sigma bar,"
                                    + " average at least this many sigmas above profile, and on average reach the"
                                    + " energy bars: a heater left on over an evening whose own use varies widely"
                                    + " is one run, not pieces too short to report...");

    public static final ConfigOption<Duration> SUSTAINED_MIN_DURATION =
            key("anomaly.sustained.min-duration")
                    .durationType()
                    .defaultValue(Duration.ofHours(4))
                    .withDescription(
                            "...for at least this long (longer than a household's own sauna evening: two saunas with"
                                    + " a break between run up to about three and three quarter hours).");

    public static final ConfigOption<Double> BASE_LOAD_RATIO =
            key("anomaly.base-load.ratio")
                    .doubleType()
                    .defaultValue(1.5)
                    .withDescription(
                            "HIGH_BASE_LOAD: a night's lowest quarter hour at least this times the household's usual"
                                    + " night minimum (with the weather: above the usual at the night's temperature by"
                                    + " this less one times the usual without heating and cooling)...");

    public static final ConfigOption<Double> BASE_LOAD_MIN_EXCESS_W =
            key("anomaly.base-load.min-excess-w")
                    .doubleType()
                    .defaultValue(300.0)
                    .withDescription(
                            "...and at least this many watts above it (an always-on load).");

    public static final ConfigOption<Integer> NIGHT_START_HOUR =
            key("anomaly.night.start-hour")
                    .intType()
                    .defaultValue(0)
                    .withDescription(
                            "Local hour at which the night whose minimum is the base load begins.");

    public static final ConfigOption<Integer> NIGHT_END_HOUR =
            key("anomaly.night.end-hour")
                    .intType()
                    .defaultValue(6)
                    .withDescription(
                            "Local hour at which that night ends; the base load is judged then.");

    public static final ConfigOption<Double> NIGHT_MIN_COVERAGE =
            key("anomaly.night.min-coverage")
                    .doubleType()
                    .defaultValue(0.75)
                    .withDescription(
                            "Share of the night's quarter hours that must have readings for its minimum to"
                                    + " count (for HIGH_BASE_LOAD and for learning the usual night minimum).");

    public static final ConfigOption<Duration> ALWAYS_ON_AFTER =
            key("anomaly.always-on-after")
                    .durationType()
                    .defaultValue(Duration.ofHours(24))
                    .withDescription(
                            "A SUSTAINED_HIGH still open after this long is an always-on load: it becomes a"
                                    + " HIGH_BASE_LOAD.");

    public static final ConfigOption<Double> ZERO_MAX_KWH =
            key("anomaly.zero.max-kwh")
                    .doubleType()
                    .defaultValue(0.001)
                    .withDescription(
                            "ZERO_CONSUMPTION: a quarter hour with less energy than this, kWh, counts as zero use...");

    public static final ConfigOption<Duration> ZERO_MIN_DURATION =
            key("anomaly.zero.min-duration")
                    .durationType()
                    .defaultValue(Duration.ofHours(4))
                    .withDescription(
                            "ZERO_CONSUMPTION: quarter hours of zero energy (or a frozen register) in a row for at least"
                                    + " this long...");

    public static final ConfigOption<Double> ZERO_MIN_EXPECTED_KWH =
            key("anomaly.zero.min-expected-kwh")
                    .doubleType()
                    .defaultValue(0.5)
                    .withDescription(
                            "...during which the profile expected at least this much energy, kWh.");

    public static final ConfigOption<Double> MAX_ESTIMATED_FRACTION =
            key("anomaly.max-estimated-fraction")
                    .doubleType()
                    .defaultValue(0.5)
                    .withDescription(
                            "A quarter hour whose energy is more than this share estimated (interpolated over a"
                                    + " gap) is no evidence for the energy detectors: not judged.");

    public static final ConfigOption<Duration> SILENT_AFTER =
            key("anomaly.silent-after")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription(
                            "METER_SILENT: no reading for this long (in event time: the watermark moves on with the other"
                                    + " meters, so it fires even if the meter never sends again). Unset, at least three reading intervals"
                                    + " (reading.interval): an hourly meter that skips one reading is not silent.");

    public static final ConfigOption<Duration> CROWD_WINDOW =
            key("anomaly.crowd.window")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription(
                            "SUSTAINED_HIGH and HIGH_BASE_LOAD are held this long: opened by many meters of a district"
                                    + " within it of each other, they are the weather (a hot night, a cold spell) or a grid"
                                    + " event, and dropped (metric anomalies.crowd-suppressed). They reach an operator this late.");

    public static final ConfigOption<Integer> CROWD_MIN_METERS =
            key("anomaly.crowd.min-meters")
                    .intType()
                    .defaultValue(3)
                    .withDescription(
                            "...at least this many meters of the district, and at least anomaly.crowd.share of them.");

    public static final ConfigOption<Double> CROWD_SHARE =
            key("anomaly.crowd.share")
                    .doubleType()
                    .defaultValue(0.03)
                    .withDescription(
                            "...this share of the district's meters (those the detectors have seen and not forgotten).");

    public static final ConfigOption<Boolean> WEATHER =
            key("anomaly.weather")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Where the job has the districts' temperatures (the live job's weather topic, which it reads"
                                    + " when kafka.topic.weather is set or savings are on; a replay's --weather), each meter learns how its use follows them"
                                    + " and is judged at the quarter hour's temperature: a cold spell or a heat wave is then"
                                    + " not a SUSTAINED_HIGH or an always-on load. false: the profiles' level alone follows the"
                                    + " weather, as without a weather feed.");

    public static final ConfigOption<Double> WEATHER_HEATING_BASE_C =
            key("anomaly.weather.heating-base-c")
                    .doubleType()
                    .defaultValue(16.0)
                    .withDescription(
                            "Heating degrees are counted below this outdoor temperature, °C (a household's own"
                                    + " balance point lies around it; each meter fits its own slope).");

    public static final ConfigOption<Double> WEATHER_COOLING_BASE_C =
            key("anomaly.weather.cooling-base-c")
                    .doubleType()
                    .defaultValue(22.0)
                    .withDescription(
                            "Cooling degrees are counted above this outdoor temperature, °C.");

    public static final ConfigOption<String> INPUT_END =
            key("anomaly.input-end")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Bounded runs only (a replay sets it from --to; the evaluation from the simulated time): when"
                                    + " the input ends, an ISO instant. A meter silent for anomaly.silent-after before then is"
                                    + " reported METER_SILENT (or its feeder FEEDER_OUTAGE), open at the end of the input."
                                    + " Unset, a silence still open when a bounded input ends is not reported: the end of the"
                                    + " input is not the meter falling silent.");

    public static final ConfigOption<Double> OUTAGE_SHARE =
            key("anomaly.outage.share")
                    .doubleType()
                    .defaultValue(0.5)
                    .withDescription(
                            "FEEDER_OUTAGE: at least this share of a feeder's meters silent at once gives one feeder event"
                                    + " instead of their METER_SILENT events.");

    public static final ConfigOption<Integer> OUTAGE_MIN_METERS =
            key("anomaly.outage.min-meters")
                    .intType()
                    .defaultValue(3)
                    .withDescription(
                            "FEEDER_OUTAGE needs at least this many silent meters (a feeder of two is no evidence).");

    public static final ConfigOption<Duration> OUTAGE_GRACE =
            key("anomaly.outage.grace")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(15))
                    .withDescription(
                            "How long after a meter falls silent its feeder waits for the others before deciding between"
                                    + " a feeder outage and single silent meters.");

    public static final ConfigOption<Double> VOLTAGE_NOMINAL_V =
            key("anomaly.voltage.nominal-v")
                    .doubleType()
                    .defaultValue(230.0)
                    .withDescription("VOLTAGE: nominal voltage, V (EN 50160 low voltage)...");

    public static final ConfigOption<Double> VOLTAGE_TOLERANCE =
            key("anomaly.voltage.tolerance")
                    .doubleType()
                    .defaultValue(0.10)
                    .withDescription(
                            "...allowed deviation as a fraction of nominal (0.10 = 207-253 V)...");

    public static final ConfigOption<Duration> VOLTAGE_MIN_DURATION =
            key("anomaly.voltage.min-duration")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(15))
                    .withDescription(
                            "...every reading out of band for at least this long (whole quarter hours).");

    private AnomalyOptions() {}
}
