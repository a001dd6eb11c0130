package io.gridpulse.simulator;

import static io.gridpulse.simulator.SimulatorFixtures.MONDAY_2026_01_12_HELSINKI;
import static io.gridpulse.simulator.SimulatorFixtures.ONE_HOUR;
import static io.gridpulse.simulator.SimulatorFixtures.run;
import static io.gridpulse.simulator.SimulatorFixtures.smallRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.schema.MeterReading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthTest {

    private static final Instant FIRST_HOUR = MONDAY_2026_01_12_HELSINKI;
    private static final Instant THIRD_HOUR = FIRST_HOUR.plus(Duration.ofHours(2));

    @Test
    void shouldEqualTheRegisterDeltasOfTheEmittedReadingsPerMeterAndHour() {
        SimulatorFixtures.Result result = run(smallRun());
        Map<String, Double> registerAt = registersAt(result.readings(), THIRD_HOUR);
        Map<String, Double> registerAnHourLater =
                registersAt(result.readings(), THIRD_HOUR.plus(ONE_HOUR));

        assertThat(registerAt).hasSize(24);
        registerAt.forEach(
                (meter, start) ->
                        assertThat(result.truth().meterHourKwh(meter, THIRD_HOUR))
                                .isEqualTo((registerAnHourLater.get(meter) - start) / 1000.0));
    }

    @Test
    void shouldEqualTheSumOfIntervalEnergiesOfTheReadingsInEachHour() {
        SimulatorFixtures.Result result = run(smallRun());
        Map<String, Double> whInThirdHour = new HashMap<>();
        for (MeterReading r : result.readings()) {
            Instant t = r.getTimestamp();
            if (t.isAfter(THIRD_HOUR) && !t.isAfter(THIRD_HOUR.plus(ONE_HOUR))) {
                whInThirdHour.merge(r.getMeterId(), r.getAveragePowerW() / 60.0, Double::sum);
            }
        }

        whInThirdHour.forEach(
                (meter, wh) ->
                        assertThat(result.truth().meterHourKwh(meter, THIRD_HOUR))
                                .isCloseTo(wh / 1000.0, within(1e-9)));
    }

    @Test
    void shouldSumMetersIntoFeedersAndDistricts() {
        GroundTruth truth = run(smallRun()).truth();
        Topology topology = truth.topology();

        for (Instant hour : truth.hourStarts()) {
            Map<String, Double> districtKwh = new HashMap<>();
            Map<String, Double> feederKwh = new HashMap<>();
            for (int m = 0; m < topology.households(); m++) {
                double kwh = truth.meterHourKwh(topology.meterId(m), hour);
                districtKwh.merge(
                        topology.districtId(topology.districtOfMeter(m)), kwh, Double::sum);
                feederKwh.merge(topology.feederId(topology.feederOfMeter(m)), kwh, Double::sum);
            }
            districtKwh.forEach(
                    (d, kwh) ->
                            assertThat(truth.districtHourKwh(d, hour))
                                    .isCloseTo(kwh, within(1e-9)));
            feederKwh.forEach(
                    (f, kwh) ->
                            assertThat(truth.feederHourKwh(f, hour)).isCloseTo(kwh, within(1e-9)));
        }
        assertThat(truth.districtMeters("D01")).isEqualTo(8);
        assertThat(truth.feederMeters("D01-F01")).isEqualTo(4);
    }

    @Test
    void shouldCoverEachHourOfTheRunAndCountTheReadings() {
        GroundTruth truth = run(smallRun()).truth();

        assertThat(truth.readings()).isEqualTo(24L * 361);
        assertThat(truth.hourStarts()).hasSize(6).first().isEqualTo(FIRST_HOUR);
        assertThat(truth.districtTotalsKwh()).containsOnlyKeys("D01", "D02", "D03");
        double allHours = 0;
        for (Instant hour : truth.hourStarts()) {
            allHours += truth.districtHourKwh("D02", hour);
        }
        assertThat(truth.districtTotalsKwh().get("D02"))
                .isCloseTo(allHours, within(1e-9))
                .isPositive();
    }

    @Test
    void shouldRefuseUnknownIdsAndHoursOutsideTheRun() {
        GroundTruth truth = run(smallRun()).truth();

        assertThatThrownBy(() -> truth.meterHourKwh("M999999", FIRST_HOUR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> truth.districtHourKwh("D01", FIRST_HOUR.minus(ONE_HOUR)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> truth.feederHourKwh("D01-F01", FIRST_HOUR.plusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepFeederAndDistrictTruthWithoutPerMeterTruth() {
        GroundTruth full = run(smallRun()).truth();
        GroundTruth lean = run(smallRun().withMeterTruth(false)).truth();

        assertThat(lean.districtTotalsKwh()).isEqualTo(full.districtTotalsKwh());
        assertThatThrownBy(() -> lean.meterHourKwh("M000001", FIRST_HOUR))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldWriteCsvFilesThatMatchTheInMemoryTruth(@TempDir Path dir) throws IOException {
        GroundTruth truth = run(smallRun()).truth();

        truth.writeCsv(dir);

        List<String> meterRows = Files.readAllLines(dir.resolve("meter-hourly.csv"));
        assertThat(meterRows.get(0))
                .isEqualTo("meter_id,feeder_id,district_id,hour_start,energy_kwh");
        assertThat(meterRows).hasSize(1 + 24 * 6);
        String[] first = meterRows.get(1).split(",");
        assertThat(first).startsWith("M000001", "D01-F01", "D01", "2026-01-11T22:00:00Z");
        assertThat(Double.parseDouble(first[4]))
                .isEqualTo(truth.meterHourKwh("M000001", FIRST_HOUR));

        List<String> districtRows = Files.readAllLines(dir.resolve("district-hourly.csv"));
        assertThat(districtRows.get(0)).isEqualTo("district_id,hour_start,energy_kwh,meters");
        assertThat(districtRows).hasSize(1 + 3 * 6);
        String[] d02 = districtRows.get(1 + 6).split(",");
        assertThat(d02[0]).isEqualTo("D02");
        assertThat(Double.parseDouble(d02[2])).isEqualTo(truth.districtHourKwh("D02", FIRST_HOUR));
        assertThat(d02[3]).isEqualTo("8");
        assertThat(GroundTruthCsv.readDistrictHourly(dir))
                .hasSize(3 * 6)
                .contains(
                        new GroundTruthCsv.DistrictHour(
                                "D02", FIRST_HOUR, truth.districtHourKwh("D02", FIRST_HOUR), 8));

        assertThat(Files.readAllLines(dir.resolve("feeder-hourly.csv")))
                .hasSize(1 + 6 * 6)
                .first()
                .isEqualTo("feeder_id,district_id,hour_start,energy_kwh,meters");
        List<String> households = Files.readAllLines(dir.resolve("households.csv"));
        assertThat(households).hasSize(1 + 24);
        assertThat(households.get(0))
                .startsWith("meter_id,feeder_id,district_id,")
                .contains("heating_w_per_c");
        assertThat(households).allSatisfy(row -> assertThat(row).doesNotContain("E"));
    }

    private static Map<String, Double> registersAt(List<MeterReading> readings, Instant time) {
        Map<String, Double> registers = new HashMap<>();
        for (MeterReading r : readings) {
            if (r.getTimestamp().equals(time)) {
                registers.put(r.getMeterId(), r.getActiveEnergyWh());
            }
        }
        return registers;
    }
}
