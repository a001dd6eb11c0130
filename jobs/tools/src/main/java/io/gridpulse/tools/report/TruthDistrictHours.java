package io.gridpulse.tools.report;

import io.gridpulse.simulator.GroundTruthCsv;
import java.nio.file.Path;
import java.util.List;

/**
 * The simulator's ground truth per district and hour ({@value GroundTruthCsv#DISTRICT_HOURLY}), as
 * rows of the report; the truth knows no peak demand.
 */
final class TruthDistrictHours {

    private TruthDistrictHours() {}

    static List<DistrictHour> read(Path truthDir) {
        return GroundTruthCsv.readDistrictHourly(truthDir).stream()
                .map(
                        hour ->
                                new DistrictHour(
                                        hour.districtId(),
                                        hour.hourStart(),
                                        hour.energyKwh(),
                                        Double.NaN,
                                        hour.meters()))
                .toList();
    }
}
