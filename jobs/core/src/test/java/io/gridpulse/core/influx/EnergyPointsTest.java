package io.gridpulse.core.influx;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.GroupAggregate;
import io.gridpulse.schema.GroupLevel;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.testkit.TestReadings;
import org.junit.jupiter.api.Test;

class EnergyPointsTest {

    private static final long T0_NANOS = TestReadings.T0.toEpochMilli() * 1_000_000L;

    @Test
    void shouldStampAMeterAggregateWithItsWindowStartAndTagItsIdentity() {
        MeterAggregate aggregate =
                MeterAggregate.newBuilder()
                        .setMeterId("M1")
                        .setFeederId("D01-F01")
                        .setDistrictId("D01")
                        .setWindow(AggregationWindow.QUARTER_HOUR)
                        .setWindowStart(TestReadings.T0)
                        .setWindowEnd(TestReadings.T0.plus(TestReadings.QUARTER))
                        .setEnergyKwh(0.25)
                        .setAveragePowerW(1000)
                        .setMaxPowerW(2000)
                        .setSampleCount(15)
                        .setExpectedSamples(15)
                        .setCompleteness(1.0)
                        .build();

        String line = EnergyPoints.meter(aggregate).lineProtocol();

        assertThat(line)
                .startsWith("meter_energy,district=D01,feeder=D01-F01,meter=M1,window=15m ");
        assertThat(line)
                .contains("energy_kwh=0.25")
                .contains("max_power_w=2000")
                .contains("completeness=1")
                .doesNotContain("samples")
                .endsWith(" " + T0_NANOS);
    }

    @Test
    void shouldWriteFeedersAndDistrictsToTheirOwnMeasurements() {
        GroupAggregate.Builder group =
                GroupAggregate.newBuilder()
                        .setGroupId("D01-F01")
                        .setDistrictId("D01")
                        .setWindow(AggregationWindow.HOUR)
                        .setWindowStart(TestReadings.T0)
                        .setWindowEnd(TestReadings.T0.plus(TestReadings.HOUR))
                        .setEnergyKwh(10)
                        .setDemandKw(10)
                        .setPeakDemandKw(14)
                        .setMetersReporting(20);

        String feeder =
                EnergyPoints.group(group.setLevel(GroupLevel.FEEDER).build()).lineProtocol();
        String district =
                EnergyPoints.group(group.setLevel(GroupLevel.DISTRICT).setGroupId("D01").build())
                        .lineProtocol();

        assertThat(feeder).startsWith("feeder_energy,district=D01,feeder=D01-F01,window=1h ");
        assertThat(district).startsWith("district_energy,district=D01,window=1h ");
        assertThat(district).contains("peak_demand_kw=14.0").contains("meters_reporting=20i");
    }
}
