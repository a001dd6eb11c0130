package io.gridpulse.core.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.Severity;
import java.time.Instant;
import java.util.function.BiFunction;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** Each detector alone, at the edges of its thresholds (defaults of {@link AnomalyOptions}). */
class DetectorsTest {

    private final AnomalySettings settings = AnomalySettings.defaults();

    private static MeterProfile profile(double levelWh, double peakWh) {
        MeterProfile profile = new MeterProfile();
        profile.levelWh = (float) levelWh;
        profile.peakWh = (float) peakWh;
        return profile;
    }

    @Test
    void spikeNeedsSigmasExcessAndARiseBeyondTheUsualPeakAndRiseAllAtOnce() {
        SpikeDetector spikes = new SpikeDetector(settings);
        double spread = 20;
        double expected = 100;
        double excess = Math.max(settings.spikeSigmas() * spread, settings.spikeMinExcessWh()) + 1;
        double energy = expected + excess;
        double peak = excess / settings.spikeRiseFactor();
        double usualRise = excess / settings.spikeUsualRiseFactor();
        assertThat(spikes.judge(energy, expected, spread, 0, peak, usualRise, new Run()))
                .isNotNull();
        assertThat(spikes.judge(energy, expected, spread, 0, peak * 1.01, usualRise, new Run()))
                .isNull();
        assertThat(spikes.judge(energy, expected, spread, 0, peak, usualRise * 1.01, new Run()))
                .as("a rise the household has made before")
                .isNull();
        assertThat(spikes.judge(energy, expected, spread, expected + 1, peak, usualRise, new Run()))
                .as("the rise is taken from the quarter hour before, where that was higher")
                .isNull();
        assertThat(spikes.judge(energy - 2, expected, spread, 0, 1, 1, new Run()))
                .as("not far enough above the profile")
                .isNull();
    }

    @Test
    void spikeOfMoreThanAnApplianceDrawsCountsWhateverThePeak() {
        SpikeDetector spikes = new SpikeDetector(settings);
        // An electrically heated home on a cold night: 900 Wh a quarter hour, a peak of 15 kW.
        double expected = 900;
        double spread = 100;
        double peak = 3800;
        double bigRise = settings.spikeBigRiseWh();
        assertThat(bigRise).isLessThan(settings.spikeRiseFactor() * peak);
        // A burst's first quarter hour rising by riseWh from the profile, the household's usual
        // biggest rise usualRiseWh.
        BiFunction<Double, Double, Finding> firstQuarter =
                (riseWh, usualRiseWh) ->
                        spikes.judge(
                                expected + riseWh,
                                expected,
                                spread,
                                expected,
                                peak,
                                usualRiseWh,
                                new Run());

        assertThat(firstQuarter.apply(bigRise, 1600.0))
                .as("a rise of more than an appliance draws, though under 0.9 x the peak")
                .isNotNull();
        assertThat(firstQuarter.apply(bigRise - 1, 1600.0)).isNull();
        assertThat(firstQuarter.apply(bigRise, bigRise / settings.spikeUsualRiseFactor() + 1))
                .as("the household has risen almost that far before (a car charger)")
                .isNull();
    }

    @Test
    void spikeBurstGoesOnWhileItsQuarterHoursKeepMostOfItsRise() {
        SpikeDetector spikes = new SpikeDetector(settings);
        double expected = 300;
        double spread = 20;
        double peak = 1800;
        double first = expected + 1700; // an 8 kW sauna: a rise of 0.94 x the peak
        Run burst = new Run();
        burst.nextBurst(spikes.judge(first, expected, spread, expected, peak, 1000, burst), 0, 3);
        assertThat(burst.isActive()).isTrue();

        double shortOfTheBars = expected + 1600; // 0.89 x the peak
        assertThat(spikes.judge(shortOfTheBars, expected, spread, expected, peak, 1000, burst))
                .as("the sauna goes on")
                .isNotNull();
        assertThat(spikes.judge(expected + 700, expected, spread, expected, peak, 1000, burst))
                .as("under half its rise so far: the burst is over")
                .isNull();
        assertThat(spikes.judge(shortOfTheBars, expected, spread, expected, peak, 1000, new Run()))
                .as("a first quarter hour must clear the bars")
                .isNull();
    }

    @Test
    void sustainedHighMeasuresARunAgainstTheLevelFromBeforeIt() {
        SustainedHighDetector highs = new SustainedHighDetector(settings);
        MeterProfile profile = profile(900, 100); // the level has learned 900 Wh of the extra load
        Run run = new Run();
        run.start = 0;
        run.level = 0;
        double expected = 1000; // today's expectation, level included
        double energy = 1000;
        assertThat(highs.judge(energy, expected, 20, profile, new Run())).isNull();
        Finding inRun = highs.judge(energy, expected, 20, profile, run);
        assertThat(inRun).isNotNull();
        assertThat(inRun.expected()).isEqualTo(100.0);
        assertThat(highs.minUnits()).isEqualTo(settings.sustainedQuarters());
    }

    @Test
    void sustainedHighRunIsHeldThroughHalfAnHourNearItsBarsButNoLonger() {
        SustainedHighDetector highs = new SustainedHighDetector(settings);
        MeterProfile profile = profile(0, 100);
        double spread = 20;
        double expected = 100;
        double bar =
                Math.max(
                        settings.sustainedSigmas() * spread,
                        Math.max(
                                settings.sustainedMinExcessWh(),
                                settings.sustainedPeakShare() * profile.peakWh()));
        double quiet = expected + settings.sustainedHoldShare() * bar + 1;
        Run run = new Run();
        assertThat(highs.judge(quiet, expected, spread, profile, run)).isNull();
        assertThat(highs.holds(quiet, expected, spread, profile, run))
                .as("only a run already going is held")
                .isFalse();
        Finding high = highs.judge(expected + bar + 1, expected, spread, profile, run);
        assertThat(high).isNotNull();
        run.next(high, 0, highs.minUnits(), 0);
        for (int lull = 0; lull < SustainedHighDetector.MAX_LULLS; lull++) {
            assertThat(highs.holds(quiet, expected, spread, profile, run)).isTrue();
            run.hold();
        }
        assertThat(run.endBefore(1_000, 100))
                .as("a run that ends now ended before its lulls")
                .isEqualTo(1_000 - SustainedHighDetector.MAX_LULLS * 100);
        assertThat(highs.holds(quiet, expected, spread, profile, run))
                .as("one quarter hour more than the lulls allow")
                .isFalse();
        run.next(high, 1, highs.minUnits(), 0);
        assertThat(run.units).as("lulls do not lengthen a run").isEqualTo(2);
        assertThat(run.lulls).as("a high quarter hour starts their count again").isZero();
        assertThat(highs.holds(quiet - 2, expected, spread, profile, run))
                .as("below the hold share of the bars")
                .isFalse();
        Configuration never = new Configuration();
        never.set(AnomalyOptions.SUSTAINED_HOLD_SHARE, 1.0);
        assertThat(
                        new SustainedHighDetector(AnomalySettings.from(never))
                                .holds(quiet, expected, spread, profile, run))
                .as("hold share 1: a run is never held")
                .isFalse();
    }

    @Test
    void zeroUseIsBelowItsMaximumOnly() {
        ZeroUseDetector zero = new ZeroUseDetector(settings);
        assertThat(zero.judge(settings.zeroMaxWh() - 0.1, 50)).isNotNull();
        assertThat(zero.judge(settings.zeroMaxWh(), 50)).isNull();
        assertThat(zero.minExpectedSum()).isEqualTo(settings.zeroMinExpectedWh());
    }

    @Test
    void voltageNeedsEveryReadingOutsideTheBandAndIsCriticalFarOut() {
        VoltageDetector voltages = new VoltageDetector(settings);
        double high = settings.voltageHighV();
        assertThat(voltages.judge(quarter(high + 0.1, high + 5))).isNotNull();
        assertThat(voltages.judge(quarter(high - 0.1, high + 5))).isNull();
        assertThat(voltages.judge(quarter(null, null))).isNull();
        Finding low = voltages.judge(quarter(150.0, 190.0));
        assertThat(low).isNotNull();
        assertThat(voltages.severity(low.score())).isEqualTo(Severity.CRITICAL);
        assertThat(voltages.severity(5)).isEqualTo(Severity.WARNING);
    }

    @Test
    void baseLoadJudgesANightSeenWellEnoughAgainstTheUsualMinimum() {
        BaseLoadDetector nights = new BaseLoadDetector(settings);
        MeterWatch watch = new MeterWatch();
        QuarterClock.Local night = new QuarterClock.Local(10, 0, settings.nightStartHour(), 0);
        int quarters = (settings.nightEndHour() - settings.nightStartHour()) * 4;
        for (int q = 0; q < quarters; q++) {
            nights.note(watch, night, q, 50, null, true);
        }
        assertThat(nights.nightEnded(watch)).isTrue();
        assertThat(nights.judge(watch, true)).isNull(); // nothing learned yet
        nights.learn(watch);
        assertThat(watch.usualNightMinWh).isEqualTo(50f);
        double raised = 50 * settings.baseLoadRatio() + settings.baseLoadMinExcessWh();
        watch.nightMinWh = (float) raised;
        assertThat(nights.judge(watch, true)).isNotNull();
        assertThat(nights.judge(watch, false)).isNull();
        assertThat(nights.nightEnded(watch)).isFalse(); // that night was judged already
    }

    @Test
    void baseLoadComparesTheNightWithTheUsualMovedToItsTemperature() {
        BaseLoadDetector nights = new BaseLoadDetector(settings);
        MeterWatch watch = new MeterWatch();
        double baseWh = 50;
        double heatingWhPerDegree = 60;
        // Learned before the weather response was fitted: the usual night holds 10 degrees of
        // heating.
        night(nights, watch, 10, baseWh + heatingWhPerDegree * 10, new Degrees(10, 0));
        assertThat(nights.judge(watch, true)).isNull();
        nights.learn(watch);
        fitHeating(watch.profile, heatingWhPerDegree);

        night(nights, watch, 11, baseWh + heatingWhPerDegree * 16, new Degrees(16, 0));
        assertThat(nights.judge(watch, true)).as("a colder night is more heating").isNull();

        double alwaysOnWh = 150; // 600 W
        night(nights, watch, 12, baseWh + alwaysOnWh + heatingWhPerDegree * 2, new Degrees(2, 0));
        Finding raised = nights.judge(watch, true);
        assertThat(raised).as("an always-on load on a mild night").isNotNull();
        // The ridge takes a little off the slope, which leaves a little heating in the usual.
        assertThat(raised.expected()).isCloseTo(baseWh + heatingWhPerDegree * 2, within(20.0));
        assertThat(raised.actual())
                .isCloseTo(baseWh + alwaysOnWh + heatingWhPerDegree * 2, within(0.1));

        night(nights, watch, 13, baseWh + alwaysOnWh + heatingWhPerDegree * 20, new Degrees(20, 0));
        assertThat(nights.judge(watch, true))
                .as("the same load on a cold night is within how heating varies")
                .isNull();
    }

    /** A whole night of the same quarter hour. */
    private void night(
            BaseLoadDetector nights, MeterWatch watch, long day, double wh, Degrees degrees) {
        QuarterClock.Local at = new QuarterClock.Local(day, 0, settings.nightStartHour(), 0);
        for (int q = 0; q < (settings.nightEndHour() - settings.nightStartHour()) * 4; q++) {
            nights.note(watch, at, q, wh, degrees, true);
        }
        assertThat(nights.nightEnded(watch)).isTrue();
    }

    /** A response fitted to a household that uses this much more per heating degree. */
    private static void fitHeating(MeterProfile profile, double whPerDegree) {
        profile.weather = new WeatherResponse();
        profile.weather.learn(0, new Degrees(10, 0), 0, 1.0, false); // the hour's mean degrees
        for (int q = 0; q < 30 * 96; q++) {
            double departure = (q % 7) - 3; // degrees colder or warmer than the hour's mean
            profile.weather.learn(
                    0, new Degrees(10 + departure, 0), whPerDegree * departure, 0.0, true);
        }
        assertThat(profile.weather.isFitted()).isTrue();
        assertThat(profile.weather.slopes()[0]).isCloseTo(whPerDegree, within(2.0)); // the ridge
    }

    @Test
    void eventsSayWhatHappenedInTheirOwnUnits() {
        Run run = new Run();
        run.score = 2f;
        run.expected = 25f;
        run.actual = 75f;
        run.units = 3;
        Anomaly.Builder event = Anomaly.newBuilder();
        new BaseLoadDetector(settings).describe(run, event);
        assertThat(event.getUnit()).isEqualTo("W");
        assertThat(event.getMessage())
                .isEqualTo("night minimum 300 W, usually 100 W (2.0 x) for 3 night(s)");
    }

    private static MeterAggregate quarter(Double minV, Double maxV) {
        return MeterAggregate.newBuilder()
                .setMeterId("M1")
                .setFeederId("F1")
                .setDistrictId("D1")
                .setWindow(AggregationWindow.QUARTER_HOUR)
                .setWindowStart(Instant.EPOCH)
                .setWindowEnd(Instant.ofEpochSecond(900))
                .setEnergyKwh(0.1)
                .setAveragePowerW(400)
                .setMaxPowerW(400)
                .setSampleCount(15)
                .setExpectedSamples(15)
                .setCompleteness(1)
                .setEstimatedFraction(0)
                .setMinVoltageV(minV)
                .setMaxVoltageV(maxV)
                .build();
    }
}
