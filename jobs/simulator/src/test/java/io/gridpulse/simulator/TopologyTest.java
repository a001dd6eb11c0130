package io.gridpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopologyTest {

    @Test
    void shouldNameMetersFeedersAndDistrictsFromOne() {
        Topology topology = new Topology(1000, 20, 4);

        assertThat(topology.meterId(0)).isEqualTo("M000001");
        assertThat(topology.meterId(999)).isEqualTo("M001000");
        assertThat(topology.districtIds()).containsExactly("D01", "D02", "D03", "D04");
        assertThat(topology.feederIds())
                .hasSize(20)
                .startsWith("D01-F01", "D02-F01", "D03-F01", "D04-F01", "D01-F02")
                .endsWith("D04-F05");
    }

    @Test
    void shouldDealHouseholdsOverFeedersAndFeedersOverDistrictsEvenly() {
        Topology topology = new Topology(1000, 20, 4);

        assertThat(topology.metersPerFeeder()).containsOnly(50);
        assertThat(topology.metersPerDistrict()).containsOnly(250);
        assertThat(topology.feederId(topology.feederOfMeter(20))).isEqualTo("D01-F01");
        assertThat(topology.districtId(topology.districtOfMeter(1))).isEqualTo("D02");
        assertThat(topology.meterIndex("M000042")).isEqualTo(41);
        assertThat(topology.meterIndex("M999999")).isEqualTo(-1);
    }

    @Test
    void shouldReachEveryDistrictEvenWithFewHouseholds() {
        Topology topology = new Topology(4, 20, 4);

        assertThat(topology.metersPerDistrict()).containsOnly(1);
    }

    @Test
    void shouldRefuseMoreDistrictsThanFeeders() {
        assertThatThrownBy(() -> new Topology(10, 2, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
