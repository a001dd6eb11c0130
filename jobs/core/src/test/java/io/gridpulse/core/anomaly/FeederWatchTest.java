package io.gridpulse.core.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyState;
import io.gridpulse.schema.AnomalyType;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A feeder of four meters telling single silent meters from an outage (grace 15 min, share 0.5, at
 * least 3).
 */
class FeederWatchTest {

    private static final long MIN = 60_000L;
    private static final long SILENT_AT = 1_000 * MIN;
    private static final long DECIDED_AT = SILENT_AT + 15 * MIN;

    private KeyedOneInputStreamOperatorTestHarness<String, SilenceSignal, Anomaly> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness = newHarness(null);
        for (String meter : List.of("m1", "m2", "m3", "m4")) {
            signal(SilenceSignal.Kind.SEEN, meter, 0, 0);
        }
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void shouldReportOneSilentMeterAfterTheGraceAndResolveItWhenItIsBack() throws Exception {
        signal(SilenceSignal.Kind.SILENT, "m1", SILENT_AT - 60 * MIN, SILENT_AT);
        harness.processWatermark(DECIDED_AT - 1);
        assertThat(events()).isEmpty();

        harness.processWatermark(DECIDED_AT);
        signal(SilenceSignal.Kind.BACK, "m1", SILENT_AT - 60 * MIN, SILENT_AT + 120 * MIN);

        assertThat(events())
                .extracting(Anomaly::getType, Anomaly::getState, Anomaly::getMeterId)
                .containsExactly(
                        tuple(AnomalyType.METER_SILENT, AnomalyState.OPEN, "m1"),
                        tuple(AnomalyType.METER_SILENT, AnomalyState.RESOLVED, "m1"));
    }

    @Test
    void shouldStopCountingAForgottenMeterAndForgetAFeederWithoutMeters() throws Exception {
        signal(SilenceSignal.Kind.SILENT, "m1", SILENT_AT - 60 * MIN, SILENT_AT);
        harness.processWatermark(DECIDED_AT);
        assertThat(events())
                .extracting(Anomaly::getType, Anomaly::getState)
                .containsExactly(tuple(AnomalyType.METER_SILENT, AnomalyState.OPEN));

        long forgotten = SILENT_AT + 35 * 24 * 60 * MIN;
        signal(SilenceSignal.Kind.FORGOTTEN, "m1", SILENT_AT - 60 * MIN, forgotten);
        // Two of the three meters left silent is an outage; with m1 still counted it would be 3/4.
        for (String meter : List.of("m2", "m3")) {
            signal(SilenceSignal.Kind.SILENT, meter, forgotten, forgotten + 60 * MIN);
        }
        harness.processWatermark(forgotten + 75 * MIN);
        assertThat(events())
                .extracting(Anomaly::getType, Anomaly::getState)
                .as("m1's silence stays open; m2 and m3 are silent on their own (2 < 3 meters)")
                .containsExactly(
                        tuple(AnomalyType.METER_SILENT, AnomalyState.OPEN),
                        tuple(AnomalyType.METER_SILENT, AnomalyState.OPEN));

        for (String meter : List.of("m2", "m3", "m4")) {
            signal(SilenceSignal.Kind.FORGOTTEN, meter, forgotten, forgotten + 36 * 24 * 60 * MIN);
        }
        assertThat(events()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        harness.processWatermark(forgotten + 36 * 24 * 60 * MIN);
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void shouldReportAFeederOutageInsteadOfItsSilentMeters() throws Exception {
        for (String meter : List.of("m1", "m2", "m3")) {
            signal(SilenceSignal.Kind.SILENT, meter, SILENT_AT - 60 * MIN, SILENT_AT);
        }
        harness.processWatermark(DECIDED_AT);
        List<Anomaly> opened = events();
        signal(SilenceSignal.Kind.BACK, "m1", SILENT_AT - 60 * MIN, SILENT_AT + 100 * MIN);
        List<Anomaly> afterOne = events();
        signal(SilenceSignal.Kind.BACK, "m2", SILENT_AT - 60 * MIN, SILENT_AT + 101 * MIN);
        List<Anomaly> afterTwo = events();

        assertThat(opened)
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.getType()).isEqualTo(AnomalyType.FEEDER_OUTAGE);
                            assertThat(a.getMeterId()).isNull();
                            assertThat(a.getFeederId()).isEqualTo("F1");
                            assertThat(a.getDistrictId()).isEqualTo("D1");
                            assertThat(a.getStart().toEpochMilli()).isEqualTo(SILENT_AT - 60 * MIN);
                        });
        assertThat(afterOne).isEmpty(); // 2 of 4 still silent: still half the feeder
        harness.processWatermark(SILENT_AT + 116 * MIN);
        List<Anomaly> graceLater = events();

        // Back below half: the outage ends; m3, still silent a grace period later, is a silent
        // meter of its own.
        assertThat(afterTwo)
                .extracting(Anomaly::getType, Anomaly::getState)
                .containsExactly(tuple(AnomalyType.FEEDER_OUTAGE, AnomalyState.RESOLVED));
        assertThat(afterTwo.get(0).getEnd().toEpochMilli()).isEqualTo(SILENT_AT + 101 * MIN);
        assertThat(graceLater)
                .extracting(Anomaly::getType, Anomaly::getState, Anomaly::getMeterId)
                .containsExactly(tuple(AnomalyType.METER_SILENT, AnomalyState.OPEN, "m3"));
    }

    @Test
    void shouldNotCallHalfAFeederAnOutageBelowTheMinimumCountOfMeters() throws Exception {
        // 2 of 4: half the feeder, but fewer than 3 meters
        for (String meter : List.of("m1", "m2")) {
            signal(SilenceSignal.Kind.SILENT, meter, SILENT_AT - 60 * MIN, SILENT_AT);
        }
        harness.processWatermark(DECIDED_AT);

        assertThat(events())
                .extracting(Anomaly::getType, Anomaly::getMeterId)
                .containsExactlyInAnyOrder(
                        tuple(AnomalyType.METER_SILENT, "m1"),
                        tuple(AnomalyType.METER_SILENT, "m2"));
    }

    @Test
    void shouldCallExactlyHalfAFeederAnOutageAndJustUnderHalfNot() throws Exception {
        for (String meter : List.of("m5", "m6")) {
            signal(SilenceSignal.Kind.SEEN, meter, 0, 0);
        }
        // 3 of 6: exactly the share
        for (String meter : List.of("m1", "m2", "m3")) {
            signal(SilenceSignal.Kind.SILENT, meter, SILENT_AT - 60 * MIN, SILENT_AT);
        }
        harness.processWatermark(DECIDED_AT);
        assertThat(events())
                .extracting(Anomaly::getType)
                .containsExactly(AnomalyType.FEEDER_OUTAGE);

        // another feeder of 7 meters, 3 silent: under half, three silent meters
        harness.close();
        harness = newHarness(null);
        for (int m = 1; m <= 7; m++) {
            signal(SilenceSignal.Kind.SEEN, "m" + m, 0, 0);
        }
        for (String meter : List.of("m1", "m2", "m3")) {
            signal(SilenceSignal.Kind.SILENT, meter, SILENT_AT - 60 * MIN, SILENT_AT);
        }
        harness.processWatermark(DECIDED_AT);
        assertThat(events())
                .extracting(Anomaly::getType)
                .containsOnly(AnomalyType.METER_SILENT)
                .hasSize(3);
    }

    @Test
    void shouldFindAnOutageThatEndedBeforeItsDecision() throws Exception {
        // A fast replay: the watermark jumped, the meters' silences and returns all arrive before
        // the feeder's timer.
        for (String meter : List.of("m1", "m2", "m3")) {
            signal(SilenceSignal.Kind.SILENT, meter, SILENT_AT - 60 * MIN, SILENT_AT);
            signal(
                    SilenceSignal.Kind.BACK,
                    meter,
                    SILENT_AT - 60 * MIN,
                    SILENT_AT + 60 * MIN + meter.charAt(1) * MIN);
        }
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(events())
                .extracting(Anomaly::getType, Anomaly::getState)
                .containsExactly(
                        tuple(AnomalyType.FEEDER_OUTAGE, AnomalyState.OPEN),
                        tuple(AnomalyType.FEEDER_OUTAGE, AnomalyState.RESOLVED));
    }

    @Test
    void shouldCallAnOutageJustAsLongAsTheSilenceThresholdOneOutageNotACrowdOfSilentMeters()
            throws Exception {
        // Silent exactly anomaly.silent-after: each meter's silence is found at the very instant
        // its first quarter hour back starts, so it is SILENT and BACK at once.
        for (String meter : List.of("m1", "m2", "m3")) {
            signal(SilenceSignal.Kind.SILENT, meter, SILENT_AT - 60 * MIN, SILENT_AT);
            signal(SilenceSignal.Kind.BACK, meter, SILENT_AT - 60 * MIN, SILENT_AT);
        }
        harness.processWatermark(DECIDED_AT + 60 * MIN);

        assertThat(events())
                .extracting(Anomaly::getType, Anomaly::getState)
                .containsExactly(
                        tuple(AnomalyType.FEEDER_OUTAGE, AnomalyState.OPEN),
                        tuple(AnomalyType.FEEDER_OUTAGE, AnomalyState.RESOLVED));
    }

    @Test
    void shouldNotCallAMeterSilentThatCameBackWithTheRestOfAnOutageThatEndedBeforeItsDecision()
            throws Exception {
        // Half the feeder's returns arrive before the decision (a fast replay), m3's only after it.
        long back = SILENT_AT + 120 * MIN;
        for (String meter : List.of("m1", "m2", "m3")) {
            signal(SilenceSignal.Kind.SILENT, meter, SILENT_AT - 60 * MIN, SILENT_AT);
        }
        signal(SilenceSignal.Kind.BACK, "m1", SILENT_AT - 60 * MIN, back);
        signal(SilenceSignal.Kind.BACK, "m2", SILENT_AT - 60 * MIN, back);
        harness.processWatermark(DECIDED_AT);
        List<Anomaly> decided = events();
        harness.processWatermark(back + 14 * MIN);
        signal(SilenceSignal.Kind.BACK, "m3", SILENT_AT - 60 * MIN, back);
        harness.processWatermark(back + 60 * MIN);

        assertThat(decided)
                .extracting(Anomaly::getType, Anomaly::getState)
                .containsExactly(
                        tuple(AnomalyType.FEEDER_OUTAGE, AnomalyState.OPEN),
                        tuple(AnomalyType.FEEDER_OUTAGE, AnomalyState.RESOLVED));
        assertThat(events()).isEmpty();
    }

    @Test
    void shouldKeepAnOpenOutageAcrossARestore() throws Exception {
        for (String meter : List.of("m1", "m2", "m3")) {
            signal(SilenceSignal.Kind.SILENT, meter, SILENT_AT - 60 * MIN, SILENT_AT);
        }
        harness.processWatermark(DECIDED_AT);
        assertThat(events()).hasSize(1);
        OperatorSubtaskState snapshot = harness.snapshot(1L, DECIDED_AT);
        harness.close();

        harness = newHarness(snapshot);
        harness.processWatermark(DECIDED_AT + 60 * MIN);
        for (String meter : List.of("m1", "m2", "m3")) {
            signal(SilenceSignal.Kind.BACK, meter, SILENT_AT - 60 * MIN, SILENT_AT + 120 * MIN);
        }

        assertThat(events())
                .extracting(Anomaly::getType, Anomaly::getState)
                .containsExactly(tuple(AnomalyType.FEEDER_OUTAGE, AnomalyState.RESOLVED));
    }

    /**
     * BATCH: no watermark until the end; the signals come sorted by event time, before any timer
     * fires.
     */
    @Test
    void shouldDecideAsSortedInputPassesTheDecisionTimeWithoutTimers() throws Exception {
        harness.close();
        harness = newHarness(null, true);
        for (String meter : List.of("m1", "m2", "m3", "m4")) {
            signal(SilenceSignal.Kind.SEEN, meter, 0, 0);
        }
        for (String meter : List.of("m1", "m2", "m3")) {
            signal(SilenceSignal.Kind.SILENT, meter, SILENT_AT - 60 * MIN, SILENT_AT);
        }
        assertThat(events()).isEmpty();
        signal(SilenceSignal.Kind.BACK, "m1", SILENT_AT - 60 * MIN, SILENT_AT + 100 * MIN);
        List<Anomaly> afterOne = events();
        signal(SilenceSignal.Kind.BACK, "m2", SILENT_AT - 60 * MIN, SILENT_AT + 101 * MIN);
        List<Anomaly> afterTwo = events();
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(afterOne)
                .extracting(
                        Anomaly::getType, Anomaly::getState, a -> a.getDetectedAt().toEpochMilli())
                .containsExactly(tuple(AnomalyType.FEEDER_OUTAGE, AnomalyState.OPEN, DECIDED_AT));
        assertThat(afterTwo)
                .extracting(Anomaly::getType, Anomaly::getState)
                .containsExactly(tuple(AnomalyType.FEEDER_OUTAGE, AnomalyState.RESOLVED));
        assertThat(events())
                .extracting(Anomaly::getType, Anomaly::getState, Anomaly::getMeterId)
                .containsExactly(tuple(AnomalyType.METER_SILENT, AnomalyState.OPEN, "m3"));
    }

    private void signal(SilenceSignal.Kind kind, String meter, long since, long at)
            throws Exception {
        harness.processElement(new SilenceSignal(kind, meter, "F1", "D1", since, at), at);
    }

    private List<Anomaly> events() {
        List<Anomaly> out = harness.extractOutputValues();
        harness.getOutput().clear();
        return out;
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, SilenceSignal, Anomaly>
            newHarness(OperatorSubtaskState restoreFrom) throws Exception {
        return newHarness(restoreFrom, false);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, SilenceSignal, Anomaly>
            newHarness(OperatorSubtaskState restoreFrom, boolean sortedInput) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, SilenceSignal, Anomaly> h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new FeederWatch(AnomalySettings.defaults(), sortedInput)),
                        SilenceSignal::feederId,
                        Types.STRING);
        if (restoreFrom != null) {
            h.initializeState(restoreFrom);
        }
        h.open();
        return h;
    }
}
