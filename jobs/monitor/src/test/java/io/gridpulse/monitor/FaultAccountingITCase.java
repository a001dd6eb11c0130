package io.gridpulse.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.core.quality.QualityEvent;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.simulator.GroundTruth;
import io.gridpulse.simulator.KafkaReadingSink;
import io.gridpulse.simulator.Simulation;
import io.gridpulse.simulator.SimulationConfig;
import io.gridpulse.simulator.fault.EnergyEffect;
import io.gridpulse.simulator.fault.FaultConfig;
import io.gridpulse.simulator.fault.FaultInjector;
import io.gridpulse.simulator.fault.FaultKind;
import io.gridpulse.simulator.fault.FaultLedger;
import io.gridpulse.simulator.fault.Gap;
import io.gridpulse.simulator.fault.InjectedFault;
import io.gridpulse.testkit.EmbeddedKafka;
import io.gridpulse.testkit.FlinkTestCluster;
import io.gridpulse.testkit.InfluxServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dirty input end to end: the simulator's fault mode injects every defect VEE knows (with its
 * ground truth ledger) into a real Kafka broker, the monitor job runs with its production source
 * and sinks into a real influxd, and every record sent is accounted for: accepted + dead letters by
 * reason (+ late) = sent, each injected defect caught, repaired or estimated as the ledger expects,
 * and every meter's energy equal to what its household used.
 */
class FaultAccountingITCase {

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
    @RegisterExtension static final InfluxServer INFLUX = new InfluxServer();
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final String READINGS = "meter-readings";
    private static final String DEAD_LETTERS = "dead-letters";
    private static final String LATE = "late-readings";
    private static final String DATABASE = "gridpulse_faults";

    private static GroundTruth truth;
    private static FaultLedger ledger;
    private static List<DeadLetter> deadLetters;

    @BeforeAll
    static void simulateWithFaultsAndRunTheJob() throws Exception {
        KAFKA.createTopic(READINGS, 2);
        KAFKA.createTopic(DEAD_LETTERS, 1);
        KAFKA.createTopic(LATE, 1);
        SimulationConfig config =
                SimulationConfig.defaults()
                        .withHouseholds(60)
                        .withFeeders(4)
                        .withDistricts(2)
                        .withDuration(Duration.ofHours(6))
                        .withMeterTruth(true);
        try (KafkaReadingSink kafka =
                KafkaReadingSink.create(KAFKA.bootstrapServers(), READINGS, "lz4", Map.of())) {
            FaultInjector faults = FaultInjector.wrap(kafka, FaultConfig.defaults(config));
            truth = new Simulation(config).run(faults);
            ledger = faults.ledger();
        }
        runJob();
        deadLetters = readAll(DEAD_LETTERS, LATE);
    }

    @Test
    void shouldAccountForEveryRecordSent() {
        long accepted = sum("SELECT sum(readings) FROM district_energy WHERE \"window\" = '15m'");

        assertThat(accepted).as("accepted readings").isEqualTo(ledger.cleanReadingsSent());
        assertThat(accepted + deadLetters.size())
                .as("accepted + dead letters")
                .isEqualTo(ledger.sent());
    }

    @Test
    void shouldRejectEachInjectedDefectWithItsReason() {
        Map<DeadLetterReason, Long> actual = countByReason(deadLetters);
        Map<DeadLetterReason, Long> expected = new EnumMap<>(ledger.expectedDeadLetters());
        // A late copy is LATE once the watermark has passed its quarter hour; if the job's
        // watermark still lags (a fast
        // bounded run), the same copy is caught as a DUPLICATE instead. One dead letter either way.
        long lateOrDuplicate =
                expected.getOrDefault(DeadLetterReason.LATE, 0L)
                        + expected.getOrDefault(DeadLetterReason.DUPLICATE, 0L);
        assertThat(
                        actual.getOrDefault(DeadLetterReason.LATE, 0L)
                                + actual.getOrDefault(DeadLetterReason.DUPLICATE, 0L))
                .isEqualTo(lateOrDuplicate);
        expected.remove(DeadLetterReason.LATE);
        expected.remove(DeadLetterReason.DUPLICATE);
        actual.remove(DeadLetterReason.LATE);
        actual.remove(DeadLetterReason.DUPLICATE);
        assertThat(actual).isEqualTo(expected);
        assertThat(expected)
                .containsKeys(
                        DeadLetterReason.UNDECODABLE,
                        DeadLetterReason.MISSING_ID,
                        DeadLetterReason.MALFORMED_ID,
                        DeadLetterReason.MALFORMED_VALUE,
                        DeadLetterReason.FUTURE_TIMESTAMP,
                        DeadLetterReason.ANCIENT_TIMESTAMP,
                        DeadLetterReason.NEGATIVE_POWER,
                        DeadLetterReason.POWER_TOO_HIGH,
                        DeadLetterReason.CONFLICTING_DUPLICATE);
    }

    @Test
    void shouldWriteEveryOutcomeToTheDataQualityMeasurement() {
        Map<String, Long> outcomes =
                sumsBy("SELECT sum(readings) FROM data_quality GROUP BY outcome", "outcome");

        countByReason(deadLetters)
                .forEach(
                        (reason, count) ->
                                assertThat(outcomes.get(reason.name()))
                                        .as(reason.name())
                                        .isEqualTo(count));
        assertThat(outcomes.getOrDefault(QualityEvent.ROLLOVER, 0L))
                .isEqualTo(ledger.expectedRollovers());
        assertThat(outcomes.getOrDefault(QualityEvent.NEW_EPOCH, 0L))
                .isEqualTo(ledger.expectedNewEpochs());
        assertThat(outcomes.getOrDefault(QualityEvent.FROZEN_REGISTER, 0L))
                .isEqualTo(ledger.expectedFrozenFlags());
        assertThat(outcomes.getOrDefault(QualityEvent.ESTIMATED, 0L))
                .isEqualTo(missing(FaultKind.GAP_SHORT));
        assertThat(outcomes.getOrDefault(QualityEvent.MISSING, 0L))
                .isEqualTo(missing(FaultKind.GAP_LONG));
    }

    @Test
    void shouldLeaveMetersWithoutDefectsWithoutAnyDataQualityRecord() {
        Set<String> faulty = new HashSet<>();
        ledger.faults().forEach(fault -> faulty.add(fault.meterId()));
        Set<String> reported =
                sumsBy("SELECT sum(readings) FROM data_quality GROUP BY meter", "meter").keySet();

        List<String> clean =
                truth.households().stream()
                        .map(h -> h.meterId())
                        .filter(id -> !faulty.contains(id))
                        .toList();
        assertThat(clean).hasSizeGreaterThan(30).noneMatch(reported::contains);
    }

    @Test
    void shouldGiveEveryMeterTheEnergyItsHouseholdUsed() {
        Map<String, Double> measured = new HashMap<>();
        for (Map<String, Object> row :
                INFLUX.query(
                        DATABASE,
                        "SELECT sum(energy_kwh) FROM meter_energy WHERE \"window\" = '1d' GROUP BY meter")) {
            measured.put((String) row.get("meter"), ((Number) row.get("sum")).doubleValue());
        }
        Map<String, Double> unattributed = new HashMap<>();
        for (Map<String, Object> row :
                INFLUX.query(
                        DATABASE, "SELECT sum(unattributed_kwh) FROM data_gap GROUP BY meter")) {
            unattributed.put((String) row.get("meter"), ((Number) row.get("sum")).doubleValue());
        }
        int checked = 0;
        for (var household : truth.households()) {
            String meter = household.meterId();
            double used =
                    truth.hourStarts().stream()
                            .mapToDouble(hour -> truth.meterHourKwh(meter, hour))
                            .sum();
            double lostKwh =
                    ledger.faultOf(meter)
                            .filter(f -> f.expected().energy() == EnergyEffect.LOST)
                            .map(f -> f.expected().lostEnergyWh() / 1000)
                            .orElse(0.0);
            // A gap too long to fill keeps its energy out of every window and reports it with the
            // gap instead.
            double accounted =
                    measured.getOrDefault(meter, 0.0) + unattributed.getOrDefault(meter, 0.0);
            assertThat(accounted)
                    .as(meter + " " + ledger.faultOf(meter).map(InjectedFault::kind).orElse(null))
                    .isCloseTo(used - lostKwh, within(1e-6));
            checked++;
        }
        assertThat(checked).isEqualTo(60);
        assertThat(unattributed)
                .containsOnlyKeys(
                        ledger.faults(FaultKind.GAP_LONG).stream()
                                .map(InjectedFault::meterId)
                                .toArray(String[]::new));
    }

    private static long missing(FaultKind kind) {
        return ledger.gaps().stream()
                .filter(gap -> gap.kind() == kind)
                .mapToLong(Gap::missingReadings)
                .sum();
    }

    private static void runJob() throws Exception {
        BoundedMonitorRun.run(KAFKA, INFLUX, DATABASE, "fault-accounting");
    }

    private static Map<DeadLetterReason, Long> countByReason(List<DeadLetter> letters) {
        Map<DeadLetterReason, Long> counts = new EnumMap<>(DeadLetterReason.class);
        letters.forEach(letter -> counts.merge(letter.getReason(), 1L, Long::sum));
        return counts;
    }

    private static long sum(String influxql) {
        List<Map<String, Object>> rows = INFLUX.query(DATABASE, influxql);
        assertThat(rows).as(influxql).hasSize(1);
        return ((Number) rows.get(0).get("sum")).longValue();
    }

    private static Map<String, Long> sumsBy(String influxql, String tag) {
        Map<String, Long> out = new TreeMap<>();
        for (Map<String, Object> row : INFLUX.query(DATABASE, influxql)) {
            out.put((String) row.get(tag), ((Number) row.get("sum")).longValue());
        }
        return out;
    }

    /**
     * Everything in the topics: the job has finished, so it stops arriving once a poll comes back
     * empty.
     */
    private static List<DeadLetter> readAll(String... topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "accounting-reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<DeadLetter> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topics));
            long deadline = System.currentTimeMillis() + 30_000;
            int emptyPolls = 0;
            while (System.currentTimeMillis() < deadline && (out.isEmpty() || emptyPolls < 3)) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    try {
                        out.add(DeadLetter.getDecoder().decode(record.value()));
                    } catch (Exception e) {
                        throw new IllegalStateException(
                                "not a dead letter in " + record.topic(), e);
                    }
                }
            }
        }
        return out;
    }
}
