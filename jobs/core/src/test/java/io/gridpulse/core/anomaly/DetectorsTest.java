package io.gridpulse.core.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.Severity;
import java.time.Instant;
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
    void spikeNeedsSigmasExcessAndTheUsualPeakAllAtOnce() {
        SpikeDetector spikes = new SpikeDetector(settings);
        double spread = 20;
        double expected = 100;
        double excess = Math.max(settings.spikeSigmas() * spread, settings.spikeMinExcessWh()) + 1;
        double peak = (expected + excess) / settings.spikePeakFactor();
        assertThat(spikes.judge(expected + excess, expected, spread, 0, peak)).isNotNull();
        assertThat(spikes.judge(expected + excess, expected, spread, 0, peak * 1.01)).isNull();
        assertThat(spikes.judge(expected + excess, expected, spread, 1, peak))
                .as("today's shift (level and weather) is taken off before the peak is compared")
                .isNull();
        assertThat(spikes.judge(expected + excess - 2, expected, spread, 0, 1)).isNull();
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
            nights.note(watch, night, q, 50, true);
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
