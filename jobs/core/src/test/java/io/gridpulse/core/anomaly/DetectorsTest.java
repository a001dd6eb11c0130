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
    void sustainedHighRunIsCarriedByWeakerQuarterHoursWhileItAveragesItsRunSigmas() {
        SustainedHighDetector highs = new SustainedHighDetector(settings);
        MeterProfile profile = profile(0, 100);
        double spread = 150;
        double expected = 100;
        double energyBar = energyBar(profile);
        double weak = expected + energyBar - 10; // under the energy bar: not high on its own
        double weakScore = (weak - expected) / spread;
        Run run = new Run();
        assertThat(highs.judge(weak, expected, spread, profile, run))
                .as("only a run already going is carried")
                .isNull();

        // Twice the sigma bar, and all of it counts: each weak quarter hour lowers the average.
        Finding huge =
                highs.judge(
                        expected + 2 * settings.sustainedSigmas() * spread + 1,
                        expected,
                        spread,
                        profile,
                        run);
        assertThat(huge).isNotNull();
        step(highs, run, huge, 0);
        double counted = 2 * settings.sustainedSigmas();
        int carried = 0;
        while ((counted + weakScore) / (carried + 2) >= settings.sustainedRunSigmas()) {
            Finding finding = highs.judge(weak, expected, spread, profile, run);
            assertThat(finding).as("weak quarter hour %d", carried + 1).isNotNull();
            step(highs, run, finding, carried + 1);
            counted += weakScore;
            carried++;
        }
        assertThat(carried).as("quarter hours carried").isBetween(2, highs.minUnits());
        assertThat(run.units).as("carried quarter hours lengthen the run").isEqualTo(carried + 1);
        assertThat(highs.judge(weak, expected, spread, profile, run))
                .as("the run would average under anomaly.sustained.run-sigmas")
                .isNull();
        assertThat(highs.judge(expected + 3.01 * spread, expected, spread, profile, run))
                .as("a high quarter hour still lengthens it")
                .isNotNull();

        Run going = new Run();
        step(
                highs,
                going,
                highs.judge(expected + 3.01 * spread, expected, spread, profile, going),
                0);
        double atHoldShare = expected + settings.sustainedHoldShare() * energyBar + 1;
        assertThat(highs.judge(atHoldShare, expected, spread, profile, going)).isNotNull();
        assertThat(highs.judge(atHoldShare - 2, expected, spread, profile, going))
                .as("below the hold share of the energy bar")
                .isNull();
        double wide = (atHoldShare - expected) / (SustainedHighDetector.CARRY_SIGMAS * 0.99);
        assertThat(highs.judge(atHoldShare, expected, wide, profile, going))
                .as("within the usual spread")
                .isNull();
        Configuration never = new Configuration();
        never.set(AnomalyOptions.SUSTAINED_HOLD_SHARE, 1.0);
        assertThat(
                        new SustainedHighDetector(AnomalySettings.from(never))
                                .judge(atHoldShare, expected, spread, profile, going))
                .as("hold share 1: a run is never carried")
                .isNull();
    }

    @Test
    void sustainedHighRunIsCarriedOnlyWhileItsQuarterHoursAverageTheEnergyBar() {
        SustainedHighDetector highs = new SustainedHighDetector(settings);
        MeterProfile profile = profile(0, 100);
        double spread = 10; // every quarter hour here is many sigmas high
        double expected = 100;
        double energyBar = energyBar(profile);
        double weak = expected + settings.sustainedHoldShare() * energyBar + 1;
        Run run = new Run();
        step(highs, run, highs.judge(expected + energyBar, expected, spread, profile, run), 0);
        assertThat(highs.judge(weak, expected, spread, profile, run))
                .as("the two would average under the energy bar")
                .isNull();

        Run bigger = new Run();
        double big = expected + 2 * energyBar - (weak - expected) + 1;
        step(highs, bigger, highs.judge(big, expected, spread, profile, bigger), 0);
        assertThat(highs.judge(weak, expected, spread, profile, bigger)).isNotNull();
    }

    @Test
    void sustainedHighRunIsCarriedOnlyByQuarterHoursThatKeepAQuarterOfItsAverageExcess() {
        SustainedHighDetector highs = new SustainedHighDetector(settings);
        MeterProfile profile = profile(0, 100);
        double spread = 200; // an evening's: a quarter of the sauna's excess is under 3 sigma
        double expected = 100;
        Run saunas = new Run();
        double sauna = 2000; // excess per quarter hour: an 8 kW sauna stove
        for (int q = 0; q < 6; q++) {
            step(
                    highs,
                    saunas,
                    highs.judge(expected + sauna, expected, spread, profile, saunas),
                    q);
        }
        double share = SustainedHighDetector.LOAD_SHARE * sauna;
        assertThat(highs.judge(expected + share - 1, expected, spread, profile, saunas))
                .as("the stove switched off: dinner between two saunas is not the load going on")
                .isNull();
        assertThat(highs.judge(expected + share + 1, expected, spread, profile, saunas))
                .isNotNull();
    }

    @Test
    void sustainedHighRunIsHeldThroughOneQuarterHourAtHalfItsCarryBars() {
        SustainedHighDetector highs = new SustainedHighDetector(settings);
        MeterProfile profile = profile(0, 100);
        double spread = 100;
        double expected = 100;
        double lull = expected + settings.sustainedHoldShare() / 2 * energyBar(profile) + 1;
        Run run = new Run();
        assertThat(highs.holds(lull, expected, spread, profile, run))
                .as("only a run already going is held")
                .isFalse();
        double high = expected + 3.01 * spread;
        step(highs, run, highs.judge(high, expected, spread, profile, run), 0);
        assertThat(highs.holds(lull, expected, spread, profile, run))
                .as("a run younger than half its minimum duration is not held")
                .isFalse();
        while (run.units < highs.minUnits() / 2) {
            step(highs, run, highs.judge(high, expected, spread, profile, run), run.units);
        }
        assertThat(highs.judge(lull, expected, spread, profile, run)).isNull();
        assertThat(highs.holds(lull, expected, spread, profile, run)).isTrue();
        assertThat(highs.holds(lull - 2, expected, spread, profile, run))
                .as("under half the hold share of the energy bar")
                .isFalse();
        assertThat(highs.holds(lull, expected, 4 * spread, profile, run))
                .as("within half the usual spread")
                .isFalse();
        Run saunas = new Run();
        double sauna = expected + 20 * spread;
        while (saunas.units < highs.minUnits() / 2) {
            step(highs, saunas, highs.judge(sauna, expected, spread, profile, saunas), 0);
        }
        assertThat(highs.holds(lull, expected, spread, profile, saunas))
                .as("under a quarter of the run's average excess: the load went off")
                .isFalse();
        run.hold();
        assertThat(run.endBefore(1_000, 100))
                .as("a run that ends now ended before its lull")
                .isEqualTo(1_000 - SustainedHighDetector.MAX_LULLS * 100);
        assertThat(highs.holds(lull, expected, spread, profile, run))
                .as("one quarter hour more than the lulls allow")
                .isFalse();
    }

    private double energyBar(MeterProfile profile) {
        return Math.max(
                settings.sustainedMinExcessWh(), settings.sustainedPeakShare() * profile.peakWh());
    }

    private static void step(SustainedHighDetector highs, Run run, Finding finding, long unit) {
        run.next(finding, unit, highs.minUnits(), 0);
        highs.note(run, finding);
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
