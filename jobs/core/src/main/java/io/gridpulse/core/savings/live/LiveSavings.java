package io.gridpulse.core.savings.live;

import io.gridpulse.core.config.DistrictZones;
import io.gridpulse.schema.AggregationWindow;
import io.gridpulse.schema.BaselineModel;
import io.gridpulse.schema.DeadLetter;
import io.gridpulse.schema.MeterAggregate;
import io.gridpulse.schema.WeatherObservation;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.types.Either;

/**
 * The live savings dataflow, fed by the energy pipeline's meter aggregates, the districts' weather
 * and the meters' baseline models:
 *
 * <pre>
 * weather --keyBy district--> daily mean temperature --broadcast--+
 * models ---+                                                      v
 *           +--keyBy meter-------------------------------> meter day savings --keyBy feeder--> feeder savings
 * meter days+                                                      |           --keyBy district--> district savings
 *                                                                  +--> meter savings
 * </pre>
 *
 * One record per meter and day leaves the meter stage, so the roll-ups' shuffles are cheap.
 */
public final class LiveSavings {

    public static final TypeInformation<SavingsDay> SAVINGS_DAY =
            TypeInformation.of(SavingsDay.class);

    private LiveSavings() {}

    /**
     * The savings, and the weather observations that came too late for their day (dead letters).
     */
    public record Outputs(DataStream<SavingsDay> savings, DataStream<DeadLetter> lateWeather) {}

    public static Outputs build(
            DataStream<MeterAggregate> meterAggregates,
            DataStream<WeatherObservation> weather,
            DataStream<BaselineModel> models,
            SavingsSettings settings,
            DistrictZones zones) {
        SingleOutputStreamOperator<DistrictTemperature> temperatures =
                weather.keyBy(WeatherObservation::getDistrictId, Types.STRING)
                        .process(new DailyTemperatures(zones))
                        .returns(TypeInformation.of(DistrictTemperature.class))
                        .name("district daily temperature")
                        .uid("district-temperature");

        TypeInformation<Either<BaselineModel, MeterAggregate>> input = MeterDaySavings.inputType();
        DataStream<Either<BaselineModel, MeterAggregate>> days =
                meterAggregates
                        .filter(aggregate -> aggregate.getWindow() == AggregationWindow.DAY)
                        .name("meter days")
                        .uid("meter-days")
                        .map(Either::<BaselineModel, MeterAggregate>Right)
                        .returns(input)
                        .name("as savings input")
                        .uid("meter-days-input");
        DataStream<Either<BaselineModel, MeterAggregate>> modelUpdates =
                models.map(Either::<BaselineModel, MeterAggregate>Left)
                        .returns(input)
                        .name("models as savings input")
                        .uid("models-input");

        SingleOutputStreamOperator<SavingsDay> meters =
                modelUpdates
                        .union(days)
                        .keyBy(LiveSavings::meterOf, Types.STRING)
                        .connect(
                                temperatures.broadcast(
                                        MeterDaySavings.TEMPERATURES,
                                        MeterDaySavings.HOURLY_TEMPERATURES))
                        .process(new MeterDaySavings(settings, zones))
                        .returns(SAVINGS_DAY)
                        .name("meter savings")
                        .uid("meter-savings");
        return new Outputs(
                meters.union(
                        group(meters, SavingsDay.FEEDER, settings, zones),
                        group(meters, SavingsDay.DISTRICT, settings, zones)),
                temperatures.getSideOutput(DailyTemperatures.LATE));
    }

    private static DataStream<SavingsDay> group(
            DataStream<SavingsDay> meters,
            String level,
            SavingsSettings settings,
            DistrictZones zones) {
        return meters.keyBy(meter -> GroupSavings.groupOf(level, meter), Types.STRING)
                .process(new GroupSavings(level, settings, zones))
                .returns(SAVINGS_DAY)
                .name(level + " savings")
                .uid(level + "-savings");
    }

    private static String meterOf(Either<BaselineModel, MeterAggregate> input) {
        return input.isLeft() ? input.left().getMeterId() : input.right().getMeterId();
    }
}
