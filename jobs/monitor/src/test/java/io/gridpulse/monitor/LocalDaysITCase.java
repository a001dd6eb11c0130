package io.gridpulse.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.core.io.ReadingTypes;
import io.gridpulse.core.pipeline.Outputs;
import io.gridpulse.core.pipeline.PipelineSettings;
import io.gridpulse.core.pipeline.Workflow;
import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.GroupAggregate;
import io.gridpulse.schema.GroupLevel;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.MeterReading;
import io.gridpulse.testkit.CollectingSink;
import io.gridpulse.testkit.FlinkTestCluster;
import io.gridpulse.testkit.TestReadings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * Daily windows follow the district's local calendar: two meters drawing a constant 1 kW in
 * Helsinki over the day the clocks spring forward (23 hours) and the day they fall back (25 hours).
 */
class LocalDaysITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static final LocalDate SPRING_FORWARD = LocalDate.of(2026, 3, 29);
    private static final LocalDate FALL_BACK = LocalDate.of(2026, 10, 25);
    private static final double POWER_W = 1_000;

    private static final CollectingSink<MeterAggregate> meters = new CollectingSink<>();
    private static final CollectingSink<GroupAggregate> groups = new CollectingSink<>();

    @BeforeAll
    static void runPipeline() throws Exception {
        ArrayList<MeterReading> readings = new ArrayList<>();
        for (LocalDate day : List.of(SPRING_FORWARD, FALL_BACK)) {
            readings.addAll(constantPowerDay("M1", day));
            readings.addAll(constantPowerDay("M2", day));
        }
        // In time order, as meters send them: a meter's whole day after another's would be late
        // against the watermark.
        readings.sort(java.util.Comparator.comparing(MeterReading::getTimestamp));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.getConfig().enableObjectReuse(); // as flink-conf/config.yaml runs it
        GeneratorFunction<Long, Either<DeadLetter, MeterReading>> at =
                index -> Either.Right(readings.get(index.intValue()));
        Workflow.define(
                env,
                new DataGeneratorSource<>(at, readings.size(), ReadingTypes.DECODED),
                Outputs.builder().meterAggregates(meters).groupAggregates(groups).build(),
                PipelineSettings.defaults());
        env.execute("local days");
    }

    @Test
    void shouldCount23HoursOnTheDayTheClocksSpringForward() {
        MeterAggregate day = meterDay("M1", SPRING_FORWARD);
        assertThat(day.getEnergyKwh()).isCloseTo(23.0, within(1e-9));
        assertThat(day.getExpectedSamples()).isEqualTo(23 * 60);
        assertThat(day.getCompleteness()).isEqualTo(1.0);
        assertThat(districtDay(SPRING_FORWARD).getEnergyKwh()).isCloseTo(46.0, within(1e-9));
    }

    @Test
    void shouldCount25HoursOnTheDayTheClocksFallBack() {
        assertThat(meterDay("M2", FALL_BACK).getEnergyKwh()).isCloseTo(25.0, within(1e-9));
        GroupAggregate district = districtDay(FALL_BACK);
        assertThat(district.getEnergyKwh()).isCloseTo(50.0, within(1e-9));
        assertThat(district.getMetersReporting()).isEqualTo(2);
        assertThat(district.getDemandKw()).isCloseTo(2.0, within(1e-9));
    }

    /** Readings every minute from local midnight (the anchor) to the next local midnight. */
    private static List<MeterReading> constantPowerDay(String meter, LocalDate day) {
        Instant start = day.atStartOfDay(HELSINKI).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(HELSINKI).toInstant();
        List<MeterReading> out = new ArrayList<>();
        double registerWh = 50_000;
        for (Instant t = start; !t.isAfter(end); t = t.plus(Duration.ofMinutes(1))) {
            out.add(TestReadings.reading(meter, "D01-F01", "D01", t, registerWh, POWER_W));
            registerWh += POWER_W / 60;
        }
        return out;
    }

    private static MeterAggregate meterDay(String meter, LocalDate day) {
        Instant start = day.atStartOfDay(HELSINKI).toInstant();
        List<MeterAggregate> matches =
                meters.received().stream()
                        .filter(
                                a ->
                                        a.getMeterId().equals(meter)
                                                && a.getWindow() == AggregationWindow.DAY
                                                && a.getWindowStart().equals(start))
                        .toList();
        assertThat(matches).as(meter + " " + day).hasSize(1);
        return matches.get(0);
    }

    private static GroupAggregate districtDay(LocalDate day) {
        Instant start = day.atStartOfDay(HELSINKI).toInstant();
        List<GroupAggregate> matches =
                groups.received().stream()
                        .filter(
                                a ->
                                        a.getLevel() == GroupLevel.DISTRICT
                                                && a.getWindow() == AggregationWindow.DAY
                                                && a.getWindowStart().equals(start))
                        .toList();
        assertThat(matches).as("district day " + day).hasSize(1);
        return matches.get(0);
    }
}
