package io.gridpulse.monitor;

import static io.gridpulse.testkit.TestReadings.HOUR;
import static io.gridpulse.testkit.TestReadings.MINUTE;
import static io.gridpulse.testkit.TestReadings.QUARTER;
import static io.gridpulse.testkit.TestReadings.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.core.io.AvroSingleObjectSerializer;
import io.gridpulse.core.io.MeterReadingKafkaDeserializer;
import io.gridpulse.core.io.ReadingTypes;
import io.gridpulse.core.meter.MeterGap;
import io.gridpulse.core.pipeline.Outputs;
import io.gridpulse.core.pipeline.PipelineSettings;
import io.gridpulse.core.pipeline.Workflow;
import io.gridpulse.core.quality.QualityEvent;
import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.DeadLetterReason;
import io.gridpulse.schema.GroupAggregate;
import io.gridpulse.schema.GroupLevel;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.testkit.CollectingSink;
import io.gridpulse.testkit.FlinkTestCluster;
import io.gridpulse.testkit.TestReadings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The monitor pipeline in a MiniCluster with parallelism 2, fed with encoded Kafka values from a
 * bounded source: six meters of constant power on two feeders in two districts, two hours, plus two
 * garbage records.
 */
class MonitorPipelineITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final String[][] METERS = {
        // meter, feeder, district, power W
        {"M1", "D1-F1", "D1", "600"}, {"M2", "D1-F1", "D1", "1200"}, {"M3", "D1-F2", "D1", "2400"},
        {"M4", "D2-F1", "D2", "300"}, {"M5", "D2-F1", "D2", "900"}, {"M6", "D2-F1", "D2", "3000"},
    };
    private static final int HOURS = 2;

    private static final CollectingSink<MeterAggregate> meters = new CollectingSink<>();
    private static final CollectingSink<GroupAggregate> groups = new CollectingSink<>();
    private static final CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
    private static final CollectingSink<QualityEvent> quality = new CollectingSink<>();
    private static final CollectingSink<MeterGap> gaps = new CollectingSink<>();

    @BeforeAll
    static void runPipeline() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.getConfig().enableObjectReuse(); // as flink-conf/config.yaml runs it
        Workflow.define(
                env,
                encodedSource(),
                Outputs.builder()
                        .meterAggregates(meters)
                        .groupAggregates(groups)
                        .deadLetters(deadLetters)
                        .dataQuality(quality)
                        .gaps(gaps)
                        .build(),
                PipelineSettings.defaults());
        env.execute("monitor pipeline test");
    }

    @Test
    void shouldComputeEachMetersQuarterHourEnergyFromRegisterDeltas() {
        MeterAggregate m3 = meter("M3", AggregationWindow.QUARTER_HOUR, T0.plus(QUARTER));
        assertThat(m3.getEnergyKwh()).isCloseTo(2.4 * 0.25, within(1e-9));
        assertThat(m3.getSampleCount()).isEqualTo(15);
        assertThat(m3.getCompleteness()).isEqualTo(1.0);
        assertThat(m3.getAveragePowerW()).isCloseTo(2400, within(1e-9));
    }

    @Test
    void shouldRollQuarterHoursUpIntoHours() {
        for (String[] meter : METERS) {
            double kw = Double.parseDouble(meter[3]) / 1000;
            for (int hour = 0; hour < HOURS; hour++) {
                MeterAggregate aggregate =
                        meter(meter[0], AggregationWindow.HOUR, T0.plus(HOUR.multipliedBy(hour)));
                assertThat(aggregate.getEnergyKwh())
                        .as(meter[0] + " hour " + hour)
                        .isCloseTo(kw, within(1e-9));
                assertThat(aggregate.getSampleCount()).isEqualTo(60);
            }
        }
    }

    @Test
    void shouldSumFeedersAndDistrictsAndCountTheirMeters() {
        GroupAggregate feeder = group(GroupLevel.FEEDER, "D1-F1", AggregationWindow.HOUR, T0);
        assertThat(feeder.getEnergyKwh()).isCloseTo(0.6 + 1.2, within(1e-9));
        assertThat(feeder.getMetersReporting()).isEqualTo(2);
        assertThat(feeder.getReadings()).isEqualTo(2 * 60);
        assertThat(feeder.getCompleteness()).isEqualTo(1.0);
        assertThat(feeder.getEstimatedFraction()).isZero();

        GroupAggregate district =
                group(GroupLevel.DISTRICT, "D2", AggregationWindow.QUARTER_HOUR, T0.plus(QUARTER));
        assertThat(district.getEnergyKwh()).isCloseTo((0.3 + 0.9 + 3.0) * 0.25, within(1e-9));
        assertThat(district.getPeakDemandKw()).isCloseTo(4.2, within(1e-9));
        assertThat(district.getMetersReporting()).isEqualTo(3);

        GroupAggregate districtHour =
                group(GroupLevel.DISTRICT, "D1", AggregationWindow.HOUR, T0.plus(HOUR));
        assertThat(districtHour.getEnergyKwh()).isCloseTo(0.6 + 1.2 + 2.4, within(1e-9));
        assertThat(districtHour.getMetersReporting()).isEqualTo(3);
    }

    @Test
    void shouldEmitEachWindowExactlyOnce() {
        List<String> identities = new ArrayList<>();
        meters.received()
                .forEach(a -> identities.add(a.getMeterId() + a.getWindow() + a.getWindowStart()));
        groups.received()
                .forEach(a -> identities.add(a.getGroupId() + a.getWindow() + a.getWindowStart()));
        assertThat(identities).doesNotHaveDuplicates();
    }

    @Test
    void shouldKeepUndecodableRecordsAsDeadLettersAndCarryOn() {
        assertThat(deadLetters.received())
                .extracting(DeadLetter::getReason, DeadLetter::getSourceOffset)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(DeadLetterReason.UNDECODABLE, 10L),
                        org.assertj.core.groups.Tuple.tuple(DeadLetterReason.UNDECODABLE, 500L),
                        org.assertj.core.groups.Tuple.tuple(DeadLetterReason.DUPLICATE, -1L));
        DeadLetter duplicate =
                deadLetters.received().stream()
                        .filter(d -> d.getReason() == DeadLetterReason.DUPLICATE)
                        .findFirst()
                        .orElseThrow();
        assertThat(duplicate.getMeterId()).isEqualTo("M1");
        assertThat(duplicate.getReadingTime()).isEqualTo(T0.plus(MINUTE.multipliedBy(20)));
    }

    @Test
    void shouldCountEveryDeadLetterPerMeterOutcomeAndQuarterHour() {
        assertThat(quality.received())
                .filteredOn(q -> q.outcome.equals("DUPLICATE"))
                .singleElement()
                .satisfies(
                        q -> {
                            assertThat(q.meterId).isEqualTo("M1");
                            assertThat(q.feederId).isEqualTo("D1-F1");
                            assertThat(q.count).isEqualTo(1);
                            assertThat(q.timestamp).isEqualTo(T0.plus(QUARTER).toEpochMilli());
                        });
        assertThat(quality.received())
                .filteredOn(q -> q.outcome.equals("UNDECODABLE"))
                .allSatisfy(q -> assertThat(q.meterId).isEqualTo(QualityEvent.UNKNOWN))
                .extracting(q -> q.count)
                .satisfies(
                        counts ->
                                assertThat(counts.stream().mapToLong(Long::longValue).sum())
                                        .isEqualTo(2));
    }

    private static MeterAggregate meter(String meterId, AggregationWindow window, Instant start) {
        List<MeterAggregate> matches =
                meters.received().stream()
                        .filter(
                                a ->
                                        a.getMeterId().equals(meterId)
                                                && a.getWindow() == window
                                                && a.getWindowStart().equals(start))
                        .toList();
        assertThat(matches).as(meterId + " " + window + " " + start).hasSize(1);
        return matches.get(0);
    }

    private static GroupAggregate group(
            GroupLevel level, String id, AggregationWindow window, Instant start) {
        List<GroupAggregate> matches =
                groups.received().stream()
                        .filter(
                                a ->
                                        a.getLevel() == level
                                                && a.getGroupId().equals(id)
                                                && a.getWindow() == window
                                                && a.getWindowStart().equals(start))
                        .toList();
        assertThat(matches).as(level + " " + id + " " + window + " " + start).hasSize(1);
        return matches.get(0);
    }

    /**
     * Encoded values as they would sit in Kafka, decoded by the production deserializer inside the
     * source.
     */
    private static DataGeneratorSource<Either<DeadLetter, MeterReading>> encodedSource() {
        AvroSingleObjectSerializer<MeterReading> serializer =
                new AvroSingleObjectSerializer<>(MeterReading.class);
        ArrayList<byte[]> values = new ArrayList<>();
        for (int minute = 0; minute <= HOURS * 60; minute++) {
            for (String[] meter : METERS) {
                double powerW = Double.parseDouble(meter[3]);
                double registerWh = 10_000 + powerW * minute / 60.0;
                values.add(
                        serializer.serialize(
                                TestReadings.reading(
                                        meter[0],
                                        meter[1],
                                        meter[2],
                                        T0.plus(MINUTE.multipliedBy(minute)),
                                        registerWh,
                                        powerW)));
            }
        }
        int m1AtMinute20 = 20 * METERS.length;
        values.add(m1AtMinute20 + 1, values.get(m1AtMinute20)); // the meter sends it twice
        values.add(10, "garbage".getBytes(StandardCharsets.UTF_8));
        values.add(500, "more garbage".getBytes(StandardCharsets.UTF_8));
        GeneratorFunction<Long, Either<DeadLetter, MeterReading>> decode =
                new GeneratorFunction<>() {
                    private final MeterReadingKafkaDeserializer deserializer =
                            new MeterReadingKafkaDeserializer();

                    @Override
                    public Either<DeadLetter, MeterReading> map(Long index) {
                        int i = index.intValue();
                        return deserializer.decode(values.get(i), "meter-readings", 0, i, 0L);
                    }
                };
        return new DataGeneratorSource<>(decode, values.size(), ReadingTypes.DECODED);
    }
}
