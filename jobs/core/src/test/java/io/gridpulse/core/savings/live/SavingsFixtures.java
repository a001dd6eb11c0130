package io.gridpulse.core.savings.live;

import io.gridpulse.core.config.DistrictZones;
import io.gridpulse.core.savings.Fuel;
import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.BaselineModel;
import io.gridpulse.schema.BaselineModelKind;
import io.gridpulse.schema.MeterAggregate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Models, days and settings for the live savings tests. */
final class SavingsFixtures {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final SavingsSettings SETTINGS =
            new SavingsSettings(
                    START,
                    START.plusYears(1).minusDays(1),
                    0.15,
                    Map.of("D2", 0.10),
                    Fuel.ELECTRICITY,
                    28);
    static final DistrictZones ZONES = DistrictZones.parse("UTC", Map.of());

    private SavingsFixtures() {}

    /** 10 kWh a day plus 2 kWh per heating degree day below 60 °F: 30 kWh at 50 °F. */
    static BaselineModel heatingModel(String meter) {
        return BaselineModel.newBuilder()
                .setMeterId(meter)
                .setFeederId("F1")
                .setDistrictId("D1")
                .setKind(BaselineModelKind.HEATING_ONLY)
                .setUnit("kWh")
                .setIntercept(10.0)
                .setHeatingCoefficient(2.0)
                .setHeatingBalancePointF(60.0)
                .setAdjustedRSquared(0.9)
                .setCvRmse(0.1)
                .setNmbe(0.0)
                .setResidualAutocorrelation(0.2)
                .setBaselineStart(START.minusDays(365))
                .setBaselineEnd(START.minusDays(1))
                .setBaselineDays(365)
                .setMissingDays(5)
                .setSufficient(true)
                .setInsufficiencyReasons(List.of())
                .build();
    }

    static BaselineModel insufficientModel(String meter) {
        return BaselineModel.newBuilder()
                .setMeterId(meter)
                .setFeederId("F1")
                .setDistrictId("D1")
                .setUnit("kWh")
                .setBaselineStart(START.minusDays(365))
                .setBaselineEnd(START.minusDays(1))
                .setBaselineDays(365)
                .setMissingDays(100)
                .setSufficient(false)
                .setInsufficiencyReasons(
                        List.of("100 of 365 baseline days missing (more than 10%)"))
                .build();
    }

    static MeterAggregate day(
            String meter, String district, LocalDate day, double energyKwh, double completeness) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return MeterAggregate.newBuilder()
                .setMeterId(meter)
                .setFeederId("F1")
                .setDistrictId(district)
                .setWindow(AggregationWindow.DAY)
                .setWindowStart(start)
                .setWindowEnd(start.plus(Duration.ofDays(1)))
                .setEnergyKwh(energyKwh)
                .setAveragePowerW(energyKwh * 1000 / 24)
                .setMaxPowerW(5000.0)
                .setSampleCount((int) Math.round(288 * completeness))
                .setExpectedSamples(288)
                .setCompleteness(completeness)
                .setEstimatedFraction(0.0)
                .build();
    }

    static long endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
