package io.gridpulse.core.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridpulse.core.config.DistrictZones;
import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyState;
import io.gridpulse.schema.AnomalyType;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.WeatherObservation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-meter detectors, driven quarter hour by quarter hour through Flink's operator harness.
 * The household: 100 Wh per quarter hour, 300 Wh in the evening, 1.5 kWh in the quarter hour of
 * cooking at 18:00, a little deterministic noise; local time is UTC.
 */
class AnomalyDetectorTest {

    /** A Monday, midnight UTC. */
    private static final long T0 = Instant.parse("2026-01-12T00:00:00Z").toEpochMilli();

    private static final long Q = Duration.ofMinutes(15).toMillis();
    private static final long HOUR = 4 * Q;
    private static final long DAY = 96 * Q;
    private static final long WARM = 22 * DAY;

    private KeyedBroadcastOperatorTestHarness<String, MeterAggregate, WeatherObservation, Anomaly>
            harness;
    private long now = T0;

    /** Where the weather goes when it is to arrive after the quarter hours; null: with them. */
    private List<WeatherObservation> lateWeather;

    @BeforeEach
    void openHarness() throws Exception {
        harness = newHarness(null);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void shouldReportASpikeWhenItsBurstEnds() throws Exception {
        normalUntil(WARM + 14 * HOUR);
        quarter(3_000); // 12 kW for a quarter hour at 14:00, where the household draws 400 W and
        // peaks at 6 kW
        List<Anomaly> atClose = anomalies();
        quarter(normalAt(now));

        assertThat(atClose).as("it may yet be the start of something longer").isEmpty();
        assertThat(anomalies())
                .satisfiesExactly(
                        open -> {
                            assertThat(open.getType()).isEqualTo(AnomalyType.SPIKE);
                            assertThat(open.getState()).isEqualTo(AnomalyState.OPEN);
                            assertThat(open.getStart().toEpochMilli())
                                    .isEqualTo(T0 + WARM + 14 * HOUR);
                            assertThat(open.getDetectedAt().toEpochMilli())
                                    .isEqualTo(T0 + WARM + 14 * HOUR + 2 * Q);
                            assertThat(open.getActual()).isEqualTo(3.0);
                            assertThat(open.getExpected()).isBetween(0.08, 0.12);
                        },
                        resolved -> {
                            assertThat(resolved.getState()).isEqualTo(AnomalyState.RESOLVED);
                            assertThat(resolved.getEnd().toEpochMilli())
                                    .isEqualTo(T0 + WARM + 14 * HOUR + Q);
                        });
    }

    @Test
    void shouldReportASpikeStillGoingWhenABoundedInputEndsAsOpen() throws Exception {
        normalUntil(WARM + 14 * HOUR);
        quarter(3_000);
        harness.watermark(Long.MAX_VALUE);

        assertThat(anomalies())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.getType()).isEqualTo(AnomalyType.SPIKE);
                            assertThat(a.getState()).isEqualTo(AnomalyState.OPEN);
                        });
    }

    @Test
    void shouldStayQuietWhileTheProfileWarmsUp() throws Exception {
        normalUntil(3 * DAY + 14 * HOUR);
        quarter(3_000);
        normalUntil(5 * DAY);

        assertThat(anomalies()).isEmpty();
    }

    @Test
    void shouldStayQuietForANormalHousehold() throws Exception {
        normalUntil(WARM + 14 * DAY);

        assertThat(anomalies()).isEmpty();
    }

    @Test
    void shouldNotTakeAnHourOfTheHouseholdsSaunaAtAnOddHourForASpike() throws Exception {
        // An hour of sauna (2.5 kWh a quarter hour) every Saturday evening sets the usual peak...
        for (long day = 0; day < 22; day++) {
            saunaOrNormal(day, day % 7 == 5, 0);
        }
        // ...so an hour of it on a Tuesday afternoon rises as far as a spike, but lasts too long.
        normalUntil(22 * DAY + 14 * HOUR);
        for (int q = 0; q < 4; q++) {
            quarter(2_500);
        }
        normalUntil(23 * DAY);

        assertThat(anomalies()).extracting(Anomaly::getType).doesNotContain(AnomalyType.SPIKE);
    }

    @Test
    void shouldMeasureASpikeFromWhatTheHouseholdDrewJustBefore() throws Exception {
        for (long day = 0; day < 22; day++) {
            saunaOrNormal(day, day % 7 == 5, 0);
        }
        saunaOrNormal(26, true, 1_500); // the oven on during the sauna: a new maximum, not a spike
        assertThat(anomalies()).extracting(Anomaly::getType).doesNotContain(AnomalyType.SPIKE);

        saunaOrNormal(33, true, 4_000); // 16 kW more at once: a spike, though the sauna was on
        assertThat(anomalies())
                .extracting(Anomaly::getType, Anomaly::getState)
                .containsExactly(
                        tuple(AnomalyType.SPIKE, AnomalyState.OPEN),
                        tuple(AnomalyType.SPIKE, AnomalyState.RESOLVED));
    }

    @Test
    void shouldAlertOnceWhenAHouseholdStartsDoingSomethingBigAndThenLearnIt() throws Exception {
        for (long day = 0; day < 36; day++) {
            normalUntil(day * DAY + 19 * HOUR);
            quarter(
                    day >= 22 && day % 7 == 5
                            ? 3_000
                            : normalAt(
                                    now)); // a new 12 kW quarter hour, every Saturday from day 26
        }

        assertThat(anomalies())
                .filteredOn(a -> a.getState() == AnomalyState.OPEN)
                .extracting(Anomaly::getType)
                .containsExactly(AnomalyType.SPIKE);
    }

    @Test
    void shouldOpenSustainedHighAfterFourHoursAndResolveWhenItEnds() throws Exception {
        normalUntil(WARM + 2 * HOUR);
        long start = now;
        while (now < start + 5 * HOUR) {
            quarter(normalAt(now) + 600); // 2.4 kW more, five hours
        }
        quarter(normalAt(now));

        List<Anomaly> events = anomalies();
        assertThat(events).extracting(Anomaly::getType).containsOnly(AnomalyType.SUSTAINED_HIGH);
        assertThat(events)
                .extracting(Anomaly::getState)
                .containsExactly(AnomalyState.OPEN, AnomalyState.RESOLVED);
        assertThat(events.get(0).getStart().toEpochMilli()).isEqualTo(start);
        assertThat(events.get(0).getDetectedAt().toEpochMilli()).isEqualTo(start + 16 * Q);
        assertThat(events.get(1).getEnd().toEpochMilli()).isEqualTo(start + 5 * HOUR);
        assertThat(events.get(1).getAnomalyId()).isEqualTo(events.get(0).getAnomalyId());
    }

    @Test
    void shouldCarryASustainedHighThroughHoursJustUnderItsBar() throws Exception {
        normalUntil(WARM + 2 * HOUR);
        long start = now;
        extraFor(8, 600); // 2.4 kW more for two hours...
        extraFor(10, 250); // ...then 2.5 at 1 kW, under the 300 Wh bar (a fifth of the peak)
        quarter(normalAt(now));

        List<Anomaly> events = oneSustainedHighFrom(start);
        assertThat(events.get(0).getDetectedAt().toEpochMilli())
                .as("the carried quarter hours count towards the run's length")
                .isEqualTo(start + 16 * Q);
        assertThat(events.get(1).getEnd().toEpochMilli()).isEqualTo(start + 18 * Q);
    }

    @Test
    void shouldHoldASustainedHighThroughAQuarterHourWellUnderItsBar() throws Exception {
        normalUntil(WARM + 2 * HOUR);
        long start = now;
        extraFor(8, 600);
        extraFor(1, 175); // under the bars to carry it, over half of them: a lull
        long resumed = now;
        extraFor(8, 600);
        long ended = now;
        extraFor(1, 175);
        quarter(normalAt(now));

        List<Anomaly> events = oneSustainedHighFrom(start);
        assertThat(events.get(0).getDetectedAt().toEpochMilli())
                .as("the held quarter hour does not count towards the run's length")
                .isEqualTo(resumed + 8 * Q);
        assertThat(events.get(1).getEnd().toEpochMilli())
                .as("the run ends where its last high quarter hour did")
                .isEqualTo(ended);
    }

    @Test
    void shouldNotCountTheHouseholdsOwnPeakWithinASustainedHigh() throws Exception {
        normalUntil(WARM + 2 * HOUR);
        long start = now;
        extraFor(8, 600);
        extraFor(1, 1_700); // the household's own peak (1.5 kWh at 18:00 every day) on top
        extraFor(11, 600);
        quarter(normalAt(now));

        List<Anomaly> events = oneSustainedHighFrom(start);
        assertThat(events.get(0).getDetectedAt().toEpochMilli())
                .as("the quarter hour at the household's peak neither counts nor breaks the run")
                .isEqualTo(start + 17 * Q);
    }

    @Test
    void shouldStartASustainedHighWithTheNewPeakItSets() throws Exception {
        normalUntil(WARM + 2 * HOUR);
        long start = now;
        extraFor(1, 1_900); // more than the household ever drew: an extra load on its use
        extraFor(19, 600);
        quarter(normalAt(now));

        List<Anomaly> highs =
                anomalies().stream()
                        .filter(a -> a.getType() == AnomalyType.SUSTAINED_HIGH)
                        .toList();
        assertThat(highs)
                .extracting(Anomaly::getState)
                .containsExactly(AnomalyState.OPEN, AnomalyState.RESOLVED);
        assertThat(highs.get(0).getStart().toEpochMilli())
                .as("the run starts with the quarter hour at the new peak")
                .isEqualTo(start);
        assertThat(highs.get(0).getDetectedAt().toEpochMilli()).isEqualTo(start + 16 * Q);
    }

    @Test
    void shouldEndASustainedHighOnHalfAnHourWellUnderItsBar() throws Exception {
        normalUntil(WARM + 2 * HOUR);
        extraFor(8, 600);
        extraFor(2, 175);
        extraFor(8, 600);
        quarter(normalAt(now));

        assertThat(anomalies()).as("two runs of two hours, each too short").isEmpty();
    }

    @Test
    void shouldFlagHoursOfZeroUseWhereTheProfileExpectsUse() throws Exception {
        normalUntil(WARM + 10 * HOUR);
        long start = now;
        while (now < start + 6 * HOUR) {
            quarter(0);
        }
        quarter(normalAt(now));

        List<Anomaly> events = anomalies();
        assertThat(events)
                .extracting(Anomaly::getType, Anomaly::getState)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                AnomalyType.ZERO_CONSUMPTION, AnomalyState.OPEN),
                        org.assertj.core.groups.Tuple.tuple(
                                AnomalyType.ZERO_CONSUMPTION, AnomalyState.RESOLVED));
        assertThat(events.get(0).getDetectedAt().toEpochMilli()).isEqualTo(start + 4 * HOUR);
        assertThat(events.get(1).getActual()).isEqualTo(0.0);
        assertThat(events.get(1).getExpected()).isGreaterThan(2.0);
    }

    @Test
    void shouldFlagARaisedNightMinimumWhenTheNightEnds() throws Exception {
        normalUntil(WARM);
        long nightStart = now;
        while (now < T0 + WARM + 2 * DAY) {
            quarter(normalAt(now) + 150); // an always-on 600 W
        }
        normalUntil(WARM + 3 * DAY + 8 * HOUR);

        List<Anomaly> events = anomalies();
        assertThat(events).extracting(Anomaly::getType).containsOnly(AnomalyType.HIGH_BASE_LOAD);
        assertThat(events)
                .extracting(Anomaly::getState)
                .containsExactly(AnomalyState.OPEN, AnomalyState.RESOLVED);
        assertThat(events.get(0).getStart().toEpochMilli()).isEqualTo(nightStart);
        assertThat(events.get(0).getDetectedAt().toEpochMilli())
                .isEqualTo(nightStart + 6 * HOUR + Q);
        assertThat(events.get(1).getEnd().toEpochMilli()).isEqualTo(nightStart + 2 * DAY);
    }

    @Test
    void shouldCallAnExtraLoadThatRunsAllNightAnAlwaysOnLoad() throws Exception {
        normalUntil(WARM + 19 * HOUR);
        long start = now;
        while (now < start + 30 * HOUR) {
            quarter(normalAt(now) + 600);
        }

        assertThat(anomalies())
                .extracting(Anomaly::getType, Anomaly::getState)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                AnomalyType.SUSTAINED_HIGH, AnomalyState.OPEN),
                        org.assertj.core.groups.Tuple.tuple(
                                AnomalyType.SUSTAINED_HIGH, AnomalyState.RESOLVED),
                        org.assertj.core.groups.Tuple.tuple(
                                AnomalyType.HIGH_BASE_LOAD, AnomalyState.OPEN));
    }

    @Test
    void shouldFlagVoltageOutOfBandForAWholeQuarterHourAtOnce() throws Exception {
        normalUntil(HOUR); // no warm-up needed for voltage
        long start = now;
        quarter(normalAt(now), 255.0, 258.0);
        List<Anomaly> atClose = anomalies();
        quarter(normalAt(now), 250.0, 256.0); // partly back in band

        assertThat(atClose)
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.getType()).isEqualTo(AnomalyType.VOLTAGE);
                            assertThat(a.getStart().toEpochMilli()).isEqualTo(start);
                            assertThat(a.getActual()).isEqualTo(255.0);
                        });
        assertThat(anomalies())
                .singleElement()
                .satisfies(a -> assertThat(a.getEnd().toEpochMilli()).isEqualTo(start + Q));
    }

    @Test
    void shouldSignalSilenceByTimerEvenIfTheMeterNeverSendsAgain() throws Exception {
        normalUntil(2 * HOUR);
        harness.watermark(T0 + 2 * HOUR + 59 * 60_000);
        assertThat(silences()).extracting(s -> s.kind).containsExactly(SilenceSignal.Kind.SEEN);

        harness.watermark(T0 + 3 * HOUR);
        assertThat(silences())
                .last()
                .satisfies(
                        s -> {
                            assertThat(s.kind).isEqualTo(SilenceSignal.Kind.SILENT);
                            assertThat(s.silentSince).isEqualTo(T0 + 2 * HOUR);
                        });

        now = T0 + 5 * HOUR;
        quarter(normalAt(now));
        assertThat(silences())
                .last()
                .satisfies(
                        s -> {
                            assertThat(s.kind).isEqualTo(SilenceSignal.Kind.BACK);
                            assertThat(s.at).isEqualTo(T0 + 5 * HOUR);
                        });
    }

    @Test
    void shouldForgetAMeterSilentForTheRetentionAndTellItsFeeder() throws Exception {
        normalUntil(2 * HOUR);
        long retention = AnomalySettings.defaults().retention().toMillis();
        harness.watermark(T0 + 2 * HOUR + retention - 1);
        assertThat(keyedStateEntries()).as("silent, not yet forgotten").isEqualTo(1);

        harness.watermark(T0 + 2 * HOUR + retention);

        assertThat(silences())
                .extracting(s -> s.kind)
                .containsExactly(
                        SilenceSignal.Kind.SEEN,
                        SilenceSignal.Kind.SILENT,
                        SilenceSignal.Kind.FORGOTTEN);
        assertThat(keyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void shouldKeepAMeterThatComesBackBeforeTheRetention() throws Exception {
        normalUntil(2 * HOUR);
        harness.watermark(T0 + 3 * DAY);
        now = T0 + 3 * DAY;
        quarter(normalAt(now));
        harness.watermark(T0 + 2 * HOUR + AnomalySettings.defaults().retention().toMillis());

        assertThat(silences())
                .extracting(s -> s.kind)
                .containsExactly(
                        SilenceSignal.Kind.SEEN,
                        SilenceSignal.Kind.SILENT,
                        SilenceSignal.Kind.BACK,
                        SilenceSignal.Kind.SILENT);
        assertThat(keyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).as("the second silence's retention").isEqualTo(1);
    }

    @Test
    void shouldNotTakeTheEndOfTheInputForSilence() throws Exception {
        normalUntil(2 * HOUR);
        harness.watermark(Long.MAX_VALUE);

        assertThat(silences()).extracting(s -> s.kind).containsExactly(SilenceSignal.Kind.SEEN);
    }

    @Test
    void shouldReportASilenceOpenAtTheEndOfABoundedInputThatKnowsItsEnd() throws Exception {
        long silentAfter = AnomalySettings.defaults().silentAfter().toMillis();
        // heard until 02:00; the input ends exactly when the silence is due, a minute earlier,
        // and much later
        for (long end : new long[] {silentAfter, silentAfter - 60_000, 5 * DAY}) {
            harness.close();
            harness = newHarness(null, null, endingAt(T0 + 2 * HOUR + end));
            now = T0;
            normalUntil(2 * HOUR);
            harness.watermark(Long.MAX_VALUE);

            List<SilenceSignal> kinds = silences();
            if (end < silentAfter) {
                assertThat(kinds).extracting(s -> s.kind).containsExactly(SilenceSignal.Kind.SEEN);
                continue;
            }
            assertThat(kinds)
                    .extracting(s -> s.kind)
                    .startsWith(SilenceSignal.Kind.SEEN, SilenceSignal.Kind.SILENT);
            assertThat(kinds.get(1).silentSince).isEqualTo(T0 + 2 * HOUR);
            assertThat(kinds.get(1).at).isEqualTo(T0 + 2 * HOUR + silentAfter);
        }
    }

    @Test
    void shouldNotJudgeAnHourOfTheWeekItsProfileHasNotLearnedEnough() throws Exception {
        // Tuesdays 14:00-15:00 missing in two of the three warm-up weeks (the meter was off then):
        // four quarter hours learned of the eight that make that hour warm
        while (now < T0 + WARM + 14 * HOUR) {
            long sinceStart = now - T0;
            boolean tuesdayAfternoon = sinceStart % (7 * DAY) / HOUR == 24 + 14;
            if (tuesdayAfternoon && sinceStart < 14 * DAY) {
                now += Q;
            } else {
                quarter(normalAt(now));
            }
        }
        // week 4, Tuesday 14:00: a quarter hour that would be a spike anywhere else
        quarter(3_000);
        quarter(normalAt(now));
        assertThat(anomalies()).isEmpty();

        normalUntil(WARM + DAY + 14 * HOUR);
        // Wednesday 14:00, an hour learned every week; twice Tuesday's, which became the usual peak
        quarter(6_000);
        quarter(normalAt(now));
        assertThat(anomalies())
                .extracting(Anomaly::getType)
                .containsExactly(AnomalyType.SPIKE, AnomalyType.SPIKE);
    }

    @Test
    void shouldNeitherReopenNorForgetAnOpenAnomalyAfterARestore() throws Exception {
        harness.close();
        harness = newHarness(null, new EmbeddedRocksDBStateBackend());
        normalUntil(WARM + 2 * HOUR);
        long start = now;
        while (now < start + 4 * HOUR) {
            quarter(normalAt(now) + 600);
        }
        List<Anomaly> before = anomalies();
        OperatorSubtaskState snapshot = harness.snapshot(1L, now);
        harness.close();

        harness = newHarness(snapshot, new EmbeddedRocksDBStateBackend());
        while (now < start + 6 * HOUR) {
            quarter(normalAt(now) + 600);
        }
        quarter(normalAt(now));
        List<Anomaly> after = anomalies();

        assertThat(before).extracting(Anomaly::getState).containsExactly(AnomalyState.OPEN);
        assertThat(after)
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.getState()).isEqualTo(AnomalyState.RESOLVED);
                            assertThat(a.getAnomalyId()).isEqualTo(before.get(0).getAnomalyId());
                            assertThat(a.getEnd().toEpochMilli()).isEqualTo(start + 6 * HOUR);
                        });
    }

    @Test
    void shouldJudgeAQuarterHourRewrittenByALateReadingOnlyOnce() throws Exception {
        normalUntil(WARM + 14 * HOUR);
        quarter(3_000);
        now -= Q;
        quarter(3_100); // the same quarter hour again, one late reading more
        quarter(normalAt(now));

        assertThat(anomalies())
                .extracting(Anomaly::getState)
                .containsExactly(AnomalyState.OPEN, AnomalyState.RESOLVED);
    }

    @Test
    void shouldJudgeAColdSpellAtItsTemperatureWhereTheWeatherIsKnown() throws Exception {
        heatedHouseholdWithColdSpell(true, 7);

        assertThat(anomalies()).as("heating in a cold spell, its temperature known").isEmpty();
    }

    @Test
    void shouldTakeAColdSpellForExtraLoadWithoutTheWeather() throws Exception {
        heatedHouseholdWithColdSpell(false, 7);

        assertThat(anomalies())
                .as("the same household without the weather: the control for the test above")
                .extracting(Anomaly::getType)
                .isNotEmpty()
                .containsAnyOf(AnomalyType.SUSTAINED_HIGH, AnomalyType.HIGH_BASE_LOAD);
    }

    @Test
    void shouldStillFindAnExtraLoadInTheColdWhereTheWeatherIsKnown() throws Exception {
        heatedHousehold(WARM + 2 * HOUR, 0, true);
        long extraFrom = now;
        while (now < extraFrom + 6 * HOUR) {
            heated(0, true, 600); // 2.4 kW more, for six hours, at the usual temperature
        }
        heatedHousehold(WARM + DAY, 0, true);

        assertThat(anomalies()).extracting(Anomaly::getType).contains(AnomalyType.SUSTAINED_HIGH);
    }

    @Test
    void shouldJudgeQuartersAtTheirTemperatureWhenTheWeatherComesAfterThem() throws Exception {
        harness.close();
        harness = newHarness(null, null, AnomalySettings.defaults(), true);
        lateWeather = new ArrayList<>();
        heatedHouseholdWithColdSpell(true, 7);
        assertThat(anomalies()).as("every quarter hour waits for its hour's temperature").isEmpty();

        for (WeatherObservation observation : lateWeather) {
            harness.processBroadcastElement(observation, observation.getTime().toEpochMilli());
        }
        harness.processBroadcastWatermark(Long.MAX_VALUE);

        assertThat(anomalies()).as("heating in a cold spell, its temperature late").isEmpty();
        assertThat(silences()).as("the meter was heard all along").hasSize(1); // SEEN
    }

    @Test
    void shouldJudgeQuartersWithoutTheWeatherThatComesAfterThemWhenNotHeld() throws Exception {
        lateWeather = new ArrayList<>();
        heatedHouseholdWithColdSpell(true, 7);

        assertThat(anomalies())
                .as("the control for the test above: judged without a temperature")
                .extracting(Anomaly::getType)
                .containsAnyOf(AnomalyType.SUSTAINED_HIGH, AnomalyType.HIGH_BASE_LOAD);
    }

    /**
     * Electric heating, 60 Wh per quarter hour per degree below 16 °C, at about 0 °C for three
     * weeks with a daily swing and days-long spells; then it turns {@code colderC} colder over half
     * a day, for two days.
     */
    private void heatedHouseholdWithColdSpell(boolean weatherKnown, double colderC)
            throws Exception {
        heatedHousehold(WARM, 0, weatherKnown);
        long coldFrom = now;
        while (now < coldFrom + 3 * DAY) {
            double drop = Math.min(colderC, colderC * (now - coldFrom) / (12.0 * HOUR));
            heated(-drop, weatherKnown, 0);
        }
    }

    private void heatedHousehold(long until, double offsetC, boolean weatherKnown)
            throws Exception {
        while (now < T0 + until) {
            heated(offsetC, weatherKnown, 0);
        }
    }

    /** One quarter hour of the heated household, {@code offsetC} off its usual weather. */
    private void heated(double offsetC, boolean weatherKnown, double extraWh) throws Exception {
        double celsius =
                -3 * Math.cos(2 * Math.PI * ((now - T0) % DAY - 15 * HOUR) / DAY)
                        + 4 * Math.sin(2 * Math.PI * (now - T0) / (5.3 * DAY))
                        + offsetC;
        if (weatherKnown && (now - T0) % HOUR == 0) {
            WeatherObservation observation =
                    WeatherObservation.newBuilder()
                            .setDistrictId("D1")
                            .setTime(Instant.ofEpochMilli(now))
                            .setTemperatureC(celsius)
                            .build();
            if (lateWeather != null) {
                lateWeather.add(observation);
            } else {
                harness.processBroadcastElement(observation, now);
            }
        }
        quarter(normalAt(now) + 60 * Math.max(0, 16 - celsius) + extraWh);
    }

    // --- the household and the harness ---

    /** A quiet day with an evening bump and +-10% noise that repeats weekly but not daily. */
    /** The events so far: one SUSTAINED_HIGH from {@code start}, opened and resolved. */
    private List<Anomaly> oneSustainedHighFrom(long start) throws Exception {
        List<Anomaly> events = anomalies();
        assertThat(events)
                .extracting(Anomaly::getType, Anomaly::getState)
                .containsExactly(
                        tuple(AnomalyType.SUSTAINED_HIGH, AnomalyState.OPEN),
                        tuple(AnomalyType.SUSTAINED_HIGH, AnomalyState.RESOLVED));
        assertThat(events.get(0).getStart().toEpochMilli()).isEqualTo(start);
        return events;
    }

    private static double normalAt(long start) {
        long hour = (start - T0) / HOUR % 24;
        double base = (start - T0) % DAY == 18 * HOUR ? 1_500 : hour >= 17 && hour < 21 ? 300 : 100;
        long n = (start - T0) / Q;
        double noise = ((n * 2654435761L) % 21 - 10) / 100.0;
        return base * (1 + noise);
    }

    /**
     * Day {@code day} until its evening: with {@code sauna}, an hour of it from 19:00 (2.5 kWh a
     * quarter hour), {@code extraWh} on top in its third quarter hour.
     */
    private void saunaOrNormal(long day, boolean sauna, double extraWh) throws Exception {
        normalUntil(day * DAY + 19 * HOUR);
        for (int q = 0; q < 4; q++) {
            quarter(sauna ? 2_500 + (q == 2 ? extraWh : 0) : normalAt(now));
        }
        normalUntil(day * DAY + 21 * HOUR);
    }

    /** {@code quarters} quarter hours of the household's use with {@code extraWh} on top. */
    private void extraFor(int quarters, double extraWh) throws Exception {
        for (int i = 0; i < quarters; i++) {
            quarter(normalAt(now) + extraWh);
        }
    }

    private void normalUntil(long offset) throws Exception {
        while (now < T0 + offset) {
            quarter(normalAt(now));
        }
    }

    private void quarter(double energyWh) throws Exception {
        quarter(energyWh, 229.0, 232.0);
    }

    /**
     * The quarter hour starting at {@code now}, as the meter stage emits it when the watermark
     * closes it.
     */
    private void quarter(double energyWh, double minV, double maxV) throws Exception {
        long end = now + Q;
        MeterAggregate quarter =
                MeterAggregate.newBuilder()
                        .setMeterId("m1")
                        .setFeederId("F1")
                        .setDistrictId("D1")
                        .setWindow(AggregationWindow.QUARTER_HOUR)
                        .setWindowStart(Instant.ofEpochMilli(now))
                        .setWindowEnd(Instant.ofEpochMilli(end))
                        .setEnergyKwh(energyWh / 1000.0)
                        .setAveragePowerW(energyWh * 4)
                        .setMaxPowerW(energyWh * 4)
                        .setSampleCount(15)
                        .setExpectedSamples(15)
                        .setCompleteness(1.0)
                        .setEstimatedFraction(0.0)
                        .setMinVoltageV(minV)
                        .setMaxVoltageV(maxV)
                        .build();
        harness.processElement(quarter, end - 1);
        if (lateWeather != null) {
            harness.processWatermark(end); // the readings' clock only: the weather is behind
        } else {
            harness.watermark(end);
        }
        now = end;
    }

    /** Entries in the detector's keyed state (heap backend): a forgotten meter leaves none. */
    private int keyedStateEntries() {
        var backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
        return ((HeapKeyedStateBackend<?>) backend).numKeyValueStateEntries();
    }

    /** The anomalies emitted since the last call. */
    private List<Anomaly> anomalies() {
        List<Anomaly> out = harness.extractOutputValues();
        harness.getOutput().clear();
        return out;
    }

    private List<SilenceSignal> silences() {
        return harness.getSideOutput(AnomalyDetector.SILENCE).stream()
                .map(StreamRecord::getValue)
                .toList();
    }

    private KeyedBroadcastOperatorTestHarness<String, MeterAggregate, WeatherObservation, Anomaly>
            newHarness(OperatorSubtaskState restoreFrom) throws Exception {
        return newHarness(restoreFrom, null);
    }

    private KeyedBroadcastOperatorTestHarness<String, MeterAggregate, WeatherObservation, Anomaly>
            newHarness(
                    OperatorSubtaskState restoreFrom,
                    org.apache.flink.runtime.state.StateBackend backend)
                    throws Exception {
        return newHarness(restoreFrom, backend, AnomalySettings.defaults());
    }

    private static AnomalySettings endingAt(long inputEnd) {
        org.apache.flink.configuration.Configuration config =
                new org.apache.flink.configuration.Configuration();
        config.set(AnomalyOptions.INPUT_END, Instant.ofEpochMilli(inputEnd).toString());
        return AnomalySettings.from(config);
    }

    private KeyedBroadcastOperatorTestHarness<String, MeterAggregate, WeatherObservation, Anomaly>
            newHarness(
                    OperatorSubtaskState restoreFrom,
                    org.apache.flink.runtime.state.StateBackend backend,
                    AnomalySettings settings)
                    throws Exception {
        return newHarness(restoreFrom, backend, settings, false);
    }

    private KeyedBroadcastOperatorTestHarness<String, MeterAggregate, WeatherObservation, Anomaly>
            newHarness(
                    OperatorSubtaskState restoreFrom,
                    org.apache.flink.runtime.state.StateBackend backend,
                    AnomalySettings settings,
                    boolean holdForWeather)
                    throws Exception {
        AnomalyDetector detector =
                new AnomalyDetector(
                        settings, new DistrictZones(ZoneOffset.UTC, Map.of()), holdForWeather);
        KeyedBroadcastOperatorTestHarness<String, MeterAggregate, WeatherObservation, Anomaly> h =
                new KeyedBroadcastOperatorTestHarness<>(
                        new CoBroadcastWithKeyedOperator<>(
                                detector, List.of(AnomalyDetector.TEMPERATURES)),
                        MeterAggregate::getMeterId,
                        Types.STRING,
                        128,
                        1,
                        0);
        if (backend != null) {
            h.setStateBackend(backend);
        }
        if (restoreFrom != null) {
            h.initializeState(restoreFrom);
        }
        h.open();
        return h;
    }
}
