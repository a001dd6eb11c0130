package io.gridpulse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.schema.Anomaly;
import io.gridpulse.schema.AnomalyState;
import io.gridpulse.schema.AnomalyType;
import io.gridpulse.schema.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScorecardTest {

    private static final long H = 3_600_000L;

    @Test
    void shouldMatchByTypeSubjectAndOverlappingTime() {
        List<Labelled> injected =
                List.of(
                        new Labelled(AnomalyType.SPIKE, "m1", "F1", 10 * H, 10 * H + H / 4),
                        new Labelled(AnomalyType.SUSTAINED_HIGH, "m2", "F1", 20 * H, 26 * H),
                        new Labelled(AnomalyType.FEEDER_OUTAGE, null, "F2", 30 * H, 32 * H));
        List<Anomaly> events =
                List.of(
                        event(AnomalyType.SPIKE, "m1", "F1", 10 * H, 10 * H + H / 4), // hit
                        event(
                                AnomalyType.SPIKE,
                                "m2",
                                "F1",
                                21 * H,
                                21 * H + H / 4), // wrong type for m2's anomaly
                        event(
                                AnomalyType.SUSTAINED_HIGH,
                                "m2",
                                "F1",
                                20 * H,
                                null), // hit, still open
                        event(
                                AnomalyType.FEEDER_OUTAGE,
                                null,
                                "F2",
                                29 * H + H / 2,
                                32 * H), // hit within the slack
                        event(
                                AnomalyType.SPIKE,
                                "m9",
                                "F3",
                                50 * H,
                                50 * H + H / 4)); // on a clean meter

        Scorecard card = new Scorecard(injected, events, Set.of("m9"), 2_000);

        assertThat(card.row(AnomalyType.SPIKE)).isEqualTo(new Scorecard.Row(1, 3, 1, 0, 1));
        assertThat(card.row(AnomalyType.SPIKE).precision()).isEqualTo(1.0 / 3);
        assertThat(card.row(AnomalyType.SUSTAINED_HIGH).recall()).isEqualTo(1.0);
        assertThat(card.row(AnomalyType.FEEDER_OUTAGE)).isEqualTo(new Scorecard.Row(1, 1, 1, 0, 1));
        assertThat(card.row(AnomalyType.VOLTAGE)).isEqualTo(new Scorecard.Row(0, 0, 0, 0, 0));
        assertThat(card.cleanFalseAlerts()).isEqualTo(1);
        assertThat(card.falseAlertsPer1000CleanDays()).isEqualTo(0.5);
    }

    @Test
    void shouldCountAnAnomalyOnceThoughItHasTwoEvents() {
        List<Labelled> injected =
                List.of(new Labelled(AnomalyType.VOLTAGE, "m1", "F1", 10 * H, 11 * H));
        Anomaly open = event(AnomalyType.VOLTAGE, "m1", "F1", 10 * H, null);
        Anomaly resolved = event(AnomalyType.VOLTAGE, "m1", "F1", 10 * H, 11 * H);

        Scorecard card = new Scorecard(injected, List.of(open, resolved), Set.of(), 100);

        assertThat(card.row(AnomalyType.VOLTAGE)).isEqualTo(new Scorecard.Row(1, 1, 1, 0, 1));
    }

    @Test
    void shouldMissAnInjectedAnomalyFoundOnlyFarFromItsTime() {
        List<Labelled> injected =
                List.of(new Labelled(AnomalyType.ZERO_CONSUMPTION, "m1", "F1", 10 * H, 16 * H));

        Scorecard card =
                new Scorecard(
                        injected,
                        List.of(event(AnomalyType.ZERO_CONSUMPTION, "m1", "F1", 40 * H, 46 * H)),
                        Set.of(),
                        100);

        assertThat(card.row(AnomalyType.ZERO_CONSUMPTION))
                .isEqualTo(new Scorecard.Row(1, 1, 0, 0, 0));
        assertThat(card.missed()).hasSize(1);
    }

    @Test
    void shouldNeitherCreditNorBlameASustainedHighThatIsAnInjectedAlwaysOnLoad() {
        List<Labelled> injected =
                List.of(new Labelled(AnomalyType.HIGH_BASE_LOAD, "m1", "F1", 10 * H, 80 * H));
        List<Anomaly> events =
                List.of(
                        event(AnomalyType.SUSTAINED_HIGH, "m1", "F1", 10 * H, 34 * H),
                        event(AnomalyType.HIGH_BASE_LOAD, "m1", "F1", 10 * H, 80 * H));

        Scorecard card = new Scorecard(injected, events, Set.of(), 100);

        assertThat(card.row(AnomalyType.SUSTAINED_HIGH))
                .isEqualTo(new Scorecard.Row(0, 1, 0, 1, 0));
        assertThat(card.row(AnomalyType.SUSTAINED_HIGH).precision()).isEqualTo(1.0);
        assertThat(card.row(AnomalyType.HIGH_BASE_LOAD))
                .isEqualTo(new Scorecard.Row(1, 1, 1, 0, 1));
        assertThat(card.falseAlerts()).isEmpty();
    }

    @Test
    void shouldNeitherCreditNorBlameAnAlwaysOnLoadThatIsAnInjectedSustainedHighThroughANight() {
        // 7.75 h of extra load from 21:30 to 05:15 UTC: a whole local night (00:00-06:00, UTC+2)
        List<Labelled> injected =
                List.of(
                        new Labelled(
                                AnomalyType.SUSTAINED_HIGH,
                                "m1",
                                "F1",
                                21 * H + H / 2,
                                29 * H + H / 4));
        List<Anomaly> events =
                List.of(
                        event(AnomalyType.SUSTAINED_HIGH, "m1", "F1", 21 * H + H / 2, 28 * H),
                        event(AnomalyType.HIGH_BASE_LOAD, "m1", "F1", 21 * H + H / 2, 46 * H),
                        event(AnomalyType.HIGH_BASE_LOAD, "m1", "F1", 60 * H, 70 * H));

        Scorecard card = new Scorecard(injected, events, Set.of(), 100);

        assertThat(card.row(AnomalyType.SUSTAINED_HIGH))
                .isEqualTo(new Scorecard.Row(1, 1, 1, 0, 1));
        assertThat(card.row(AnomalyType.HIGH_BASE_LOAD))
                .as("the night it lifted is explained; a later one is false")
                .isEqualTo(new Scorecard.Row(0, 2, 0, 1, 0));
        assertThat(card.falseAlerts()).hasSize(1);
    }

    static Anomaly event(AnomalyType type, String meter, String feeder, long start, Long end) {
        return Anomaly.newBuilder()
                .setAnomalyId(type + ":" + (meter != null ? meter : feeder) + ":" + start)
                .setType(type)
                .setState(end == null ? AnomalyState.OPEN : AnomalyState.RESOLVED)
                .setSeverity(Severity.WARNING)
                .setScore(1)
                .setExpected(0)
                .setActual(0)
                .setUnit("kWh")
                .setMeterId(meter)
                .setFeederId(feeder)
                .setDistrictId("D1")
                .setStart(Instant.ofEpochMilli(start))
                .setEnd(end == null ? null : Instant.ofEpochMilli(end))
                .setDetectedAt(Instant.ofEpochMilli(start))
                .setMessage("")
                .build();
    }
}
